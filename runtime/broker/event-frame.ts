import { decodeEventArgs, decodeFrame, eventNameEnd, eventNameHasEscape, EVENT_NAME_START, parseEventPayload } from '../codec.js';

/** An event frame read for publishing: its name, its payload parsed, and the payload's text as it came. */
export interface FrameEvent {
  readonly name: string;
  readonly payload: unknown;
  readonly text: string;
}

const TRAILING_NULL = ',null';

/**
 * Reads `42["Name",payload]` (or with the trailing `null` sent since 2023) keeping the payload's text;
 * undefined for any frame that is not an event of the default namespace, or not valid. Only an event
 * the name peek cannot read (escapes in its name, an ack id) pays for serialising its payload again.
 */
export function readFrameEvent(frame: string): FrameEvent | undefined {
  const nameEnd = eventNameEnd(frame);
  if (nameEnd !== -1 && !eventNameHasEscape(frame, nameEnd)) {
    const payload = parseEventPayload(frame, nameEnd);
    if (payload !== undefined) {
      let text = frame.slice(nameEnd + 2, frame.length - 1);
      // No JSON value ends in `,null`: when the payload parsed, such an ending is the trailing argument.
      if (text.endsWith(TRAILING_NULL)) text = text.slice(0, -TRAILING_NULL.length);
      return { name: frame.slice(EVENT_NAME_START, nameEnd), payload, text };
    }
  }
  const packet = decodeFrame(frame);
  if (packet.type !== 'event' || packet.namespace !== '/') return undefined;
  const decoded = decodeEventArgs(packet);
  if (decoded.type === 'invalid') return undefined;
  const payload = decoded.args[0];
  return { name: packet.name, payload, text: JSON.stringify(payload) ?? 'null' };
}
