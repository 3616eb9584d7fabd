/**
 * Turns a capture into what the replay server sends each client: the heartbeat values of the capture's
 * hello, and its server-to-client events with when to send them.
 */
import { DEFAULT_PING_INTERVAL, DEFAULT_PING_TIMEOUT } from '../../generated/index.js';
import { decodeEventArgs, decodeFrame } from '../../runtime/codec.js';
import type { RecordPosition } from '../capture/record.js';
import type { CapturedFrame } from './capture.js';

/** One frame to send, `delayMs` after the client's `40`. */
export interface ScheduledFrame {
  readonly delayMs: number;
  /** The socket.io event name, for logs. */
  readonly name: string;
  readonly data: string | Uint8Array;
}

/** A frame of the capture that is not valid Engine.IO / socket.io, and why. */
export interface InvalidFrame {
  readonly position: RecordPosition | undefined;
  readonly reason: string;
}

/** What every client of a replay gets. */
export interface Schedule {
  readonly pingInterval: number;
  readonly pingTimeout: number;
  /** True when the heartbeat values are the capture's own; false when they are the spec's defaults. */
  readonly helloFromCapture: boolean;
  /** The events to replay, in order, with their delays already divided by the speed. */
  readonly frames: readonly ScheduledFrame[];
  /** How long the capture's events took as recorded (speed 1), in milliseconds. */
  readonly recordedMs: number;
  /** Frames of the capture that are not replayed: the hello, `40`, pongs, what the client sent. */
  readonly skipped: number;
  /** The server's frames that are not valid protocol: skipped, or replayed as recorded under `verbatim`. */
  readonly invalid: readonly InvalidFrame[];
}

/**
 * Schedules `frames` at `speed` (2 is twice as fast; Infinity sends everything at once). Only event packets
 * (`42...`) the server sent are replayed: the server makes its own hello, `40` and pongs, and the client
 * sends its own commands. A frame without a time keeps the previous frame's; times that go back are
 * held level, so the order of the capture is kept.
 */
export function buildSchedule(frames: readonly CapturedFrame[], speed: number, options: { readonly verbatim?: boolean } = {}): Schedule {
  if (!(speed > 0)) throw new RangeError(`speed ${speed} is not a positive number; use Infinity for as fast as possible`);
  let hello: { pingInterval: number; pingTimeout: number } | undefined;
  let start: number | undefined;
  let offset = 0;
  const scheduled: ScheduledFrame[] = [];
  const invalid: InvalidFrame[] = [];
  for (const frame of frames) {
    if (frame.direction === 'out') continue;
    const reason = invalidReason(frame.data);
    if (reason !== undefined) {
      invalid.push({ position: frame.position, reason });
      if (options.verbatim) scheduled.push({ delayMs: offset, name: '(as recorded)', data: frame.data });
      continue;
    }
    const packet = decodeFrame(frame.data);
    if (packet.type === 'open' && hello === undefined) {
      hello = packet.hello;
      // The recorded pace counts from the hello, as a client's does from connecting.
      start = frame.time ?? start;
    }
    if (frame.time !== undefined) {
      start ??= frame.time;
      offset = Math.max(offset, (frame.time - start) * 1000);
    }
    if (packet.type === 'event') scheduled.push({ delayMs: offset, name: packet.name, data: frame.data });
  }
  const recordedMs = scheduled.at(-1)?.delayMs ?? 0;
  return {
    pingInterval: hello?.pingInterval ?? DEFAULT_PING_INTERVAL,
    pingTimeout: hello?.pingTimeout ?? DEFAULT_PING_TIMEOUT,
    helloFromCapture: hello !== undefined,
    frames: scheduled.map((frame) => ({ ...frame, delayMs: speed === Infinity ? 0 : frame.delayMs / speed })),
    recordedMs,
    skipped: frames.length - scheduled.length,
    invalid,
  };
}

/**
 * Why a server frame is not valid protocol, or undefined: a client fed it (socket.io-client@2 throws
 * "invalid payload" on a truncated event) would fail on the capture, not on the gateway.
 */
function invalidReason(data: string | Uint8Array): string | undefined {
  if (typeof data !== 'string') return 'a binary frame (opcode 2): the gateway sends text only';
  const packet = decodeFrame(data);
  if (packet.type === 'invalid') return packet.reason;
  if (packet.type !== 'event') return undefined;
  const args = decodeEventArgs(packet);
  return args.type === 'invalid' ? args.reason : undefined;
}
