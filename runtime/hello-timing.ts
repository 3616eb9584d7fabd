import { DEFAULT_PING_INTERVAL, DEFAULT_PING_TIMEOUT } from '../generated/index.js';

/**
 * The shortest heartbeat period the client keeps: a hello asking for less would have it ping in a loop.
 * Low enough for tests against a local server, far below any gateway's (the documented one is 25000 ms).
 */
export const MIN_HEARTBEAT_MS = 10;
/**
 * The longest: a longer ping interval is cut to it (pinging more often than asked is harmless), and a
 * longer pong wait would leave a dead link undetected. Timers over 2^31 - 1 ms fire at once in Node.
 */
export const MAX_HEARTBEAT_MS = 60_000;

/** The heartbeat a hello sets, within the client's limits, and what was changed from what it said. */
export interface HelloTiming {
  readonly pingInterval: number;
  readonly pingTimeout: number;
  /** Lowercase, one per value that was not used as sent: the value, and what the client uses instead. */
  readonly adjustments: readonly string[];
}

/**
 * Reads the hello's pingInterval and pingTimeout (spec/connection.yaml `hello`): a missing, non-numeric,
 * zero or negative value takes the spec's default; a number outside [MIN_HEARTBEAT_MS, MAX_HEARTBEAT_MS]
 * is clamped into it.
 */
export function helloTiming(pingInterval: unknown, pingTimeout: unknown): HelloTiming {
  const adjustments: string[] = [];
  const read = (name: string, value: unknown, fallback: number): number => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      const shown = typeof value === 'number' ? String(value) : JSON.stringify(value);
      const sent = value === undefined ? 'is missing' : `${shown} is not a positive number`;
      adjustments.push(`hello ${name} ${sent}; using the spec's default ${fallback} ms`);
      return fallback;
    }
    const clamped = Math.min(MAX_HEARTBEAT_MS, Math.max(MIN_HEARTBEAT_MS, value));
    if (clamped !== value)
      adjustments.push(
        `hello ${name} ${value} ms is outside ${MIN_HEARTBEAT_MS} to ${MAX_HEARTBEAT_MS} ms; using ${clamped} ms`,
      );
    return clamped;
  };
  return {
    pingInterval: read('pingInterval', pingInterval, DEFAULT_PING_INTERVAL),
    pingTimeout: read('pingTimeout', pingTimeout, DEFAULT_PING_TIMEOUT),
    adjustments,
  };
}
