/** Machine-readable kinds of `BrokerError`. */
export type BrokerErrorCode =
  /** Redis could not be reached (at start, or lost later: then the broker retries). */
  | 'REDIS_UNREACHABLE'
  /** A Redis command failed for another reason. */
  | 'REDIS_FAILED'
  /** A worker's handler threw or rejected: the message stays pending and is delivered again. */
  | 'HANDLER_FAILED'
  /** A command from a worker could not be sent on its socket. */
  | 'COMMAND_FAILED'
  /** A command failed the spec's check before it was queued. */
  | 'INVALID_COMMAND'
  /** The publisher's buffer was full while Redis was away: events were dropped and counted. */
  | 'BUFFER_OVERFLOW';

/** Every error the broker reports or throws: one lowercase line naming what went wrong and what happens next. */
export class BrokerError extends Error {
  override readonly name = 'BrokerError';

  constructor(
    readonly code: BrokerErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** An error's own words, for a message. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** One line on stderr for an error nobody listens for, as the client does. */
export function printUnheardBrokerError(error: BrokerError): void {
  console.error(`guilded-gateway/broker: ${error.code}: ${error.message} (no 'error' listener: add one to handle errors yourself)`);
}
