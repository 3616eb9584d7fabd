/** The Redis keys of one broker, all under one prefix so that several bots can share a Redis. */
export interface StreamKeys {
  /** The stream of partition `index`. */
  events(index: number): string;
  /** Commands from the workers to the publisher. */
  readonly commands: string;
  /** Messages a group gave up on, with their error. */
  dead(group: string): string;
  /** The last error of each pending message of a group, so that whoever dead-letters it can say why. */
  errors(group: string): string;
  /** Which worker of a group owns partition `index`. */
  lease(group: string, index: number): string;
  /** The live workers of a group, scored by their last heartbeat. */
  workers(group: string): string;
}

/** The default prefix of every key. */
export const DEFAULT_PREFIX = 'guilded-gateway';

/** The keys under `prefix`. */
export function streamKeys(prefix = DEFAULT_PREFIX): StreamKeys {
  return {
    events: (index) => `${prefix}:events:${index}`,
    commands: `${prefix}:commands`,
    dead: (group) => `${prefix}:dead:${group}`,
    errors: (group) => `${prefix}:errors:${group}`,
    lease: (group, index) => `${prefix}:lease:${group}:${index}`,
    workers: (group) => `${prefix}:workers:${group}`,
  };
}

/** The number of partitions both sides use unless told otherwise. */
export const DEFAULT_PARTITIONS = 8;

/** Checks a partition count; both sides must use the same one. */
export function checkPartitions(partitions: number): number {
  if (!Number.isInteger(partitions) || partitions < 1 || partitions > 1024) {
    throw new TypeError(`partitions must be a whole number from 1 to 1024, not ${String(partitions)}`);
  }
  return partitions;
}
