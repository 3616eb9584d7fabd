import { commands, events } from '../../generated/index.js';
import { EVENT_NAME_START, decodeEventArgs, decodeFrame, eventNameEnd, eventNameHasEscape, parseEventPayload } from '../../runtime/codec.js';
import type { Direction } from '../capture/record.js';
import { MAX_NESTING, nestsTooDeep } from './nesting.js';

/** The Engine.IO and socket.io packets that carry no payload to check: counted, not validated. */
export type PacketName = 'close' | 'ping' | 'pong' | 'upgrade' | 'noop' | 'connect' | 'disconnect' | 'ack' | 'error';

/** What a frame is, once its direction has said which table (events or commands) its name belongs to. */
export type Classified =
  | { readonly kind: 'event' | 'command'; readonly name: string; readonly payload: unknown }
  | { readonly kind: 'hello'; readonly payload: unknown }
  | { readonly kind: 'packet'; readonly packet: PacketName }
  | { readonly kind: 'invalid'; readonly reason: string };

// Shared, so that the frames that are most of a capture after events (heartbeats) allocate nothing.
const PACKETS = Object.fromEntries(
  (['close', 'ping', 'pong', 'upgrade', 'noop', 'connect', 'disconnect', 'ack', 'error'] as const).map((packet) => [
    packet,
    Object.freeze({ kind: 'packet', packet }),
  ]),
) as Record<PacketName, Classified>;

const TOO_DEEP: Classified = Object.freeze({
  kind: 'invalid',
  reason: `json nested more than ${MAX_NESTING} levels deep: no gateway payload is; not read`,
});

/**
 * Decodes a frame and tells an event from a command: received frames are events, sent frames are
 * commands, and a frame of unknown direction is an event unless its name is only a command's.
 */
export function classify(data: string | Uint8Array, direction: Direction): Classified {
  if (typeof data === 'string' && nestsTooDeep(data)) return TOO_DEEP;
  // Nearly every frame is 42["Name",{...}]: parse only its payload, as the client does.
  if (typeof data === 'string') {
    const nameEnd = eventNameEnd(data);
    if (nameEnd > EVENT_NAME_START && !eventNameHasEscape(data, nameEnd)) {
      const payload = parseEventPayload(data, nameEnd);
      if (payload !== undefined) return eventOrCommand(data.slice(EVENT_NAME_START, nameEnd), payload, direction);
    }
  }
  const packet = decodeFrame(data);
  switch (packet.type) {
    case 'invalid':
      return { kind: 'invalid', reason: packet.reason };
    case 'event': {
      const args = decodeEventArgs(packet);
      if (args.type === 'invalid') return { kind: 'invalid', reason: args.reason };
      return eventOrCommand(packet.name, args.args[0], direction);
    }
    case 'open':
      // The decoder fills in defaults; the spec's hello schema is checked against what was sent.
      return { kind: 'hello', payload: JSON.parse((data as string).slice(1)) as unknown };
    default:
      return PACKETS[packet.type];
  }
}

function eventOrCommand(name: string, payload: unknown, direction: Direction): Classified {
  const isCommand = direction === 'out' || (direction === 'unknown' && events[name] === undefined && commands[name] !== undefined);
  return { kind: isCommand ? 'command' : 'event', name, payload };
}
