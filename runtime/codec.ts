/**
 * Engine.IO v3 / socket.io v2 text frames (spec/connection.yaml `frames`): a pure decoder for what the
 * server sends and the encoders for what the client sends.
 *
 * Decoding is two-step so that a frame nobody listens to costs a few character comparisons:
 * `decodeFrame` reads the packet type and, for events, only the event name; `decodeEventArgs` parses
 * the JSON when someone wants the payload.
 */
import { EnginePacketType, SocketPacketType, type Hello } from '../generated/index.js';
import { helloTiming } from './hello-timing.js';

/**
 * An event frame (`42[...]`) whose name has been located and whose arguments have not been parsed yet.
 * The name is compared in place (`nameIs`) or sliced only when asked for, so that a frame nobody
 * listens to makes no string at all.
 */
export class EventHead {
  readonly type = 'event';
  /** The frame, for `decodeEventArgs`. */
  readonly frame: string;
  readonly namespace: string;
  /** Present when the server asks for an acknowledgement (`42<id>[...]`). */
  readonly ackId: number | undefined;
  /** Where the JSON array starts in `frame`. */
  readonly dataStart: number;
  /** The length of the name. */
  readonly nameLength: number;
  // Where the name's raw text starts in `frame`; -1 when it had to be decoded (escapes, numbers).
  readonly #nameStart: number;
  #name: string | undefined;

  /** Made by `decodeFrame`: `name` is given only when it had to be decoded, and then `nameStart` is -1. */
  constructor(
    frame: string,
    namespace: string,
    ackId: number | undefined,
    dataStart: number,
    nameStart: number,
    name: string | undefined,
    nameLength: number,
  ) {
    this.frame = frame;
    this.namespace = namespace;
    this.ackId = ackId;
    this.dataStart = dataStart;
    this.#nameStart = nameStart;
    this.#name = name;
    this.nameLength = nameLength;
  }

  /** The event name as sent; a numeric name is given as its decimal string. */
  get name(): string {
    return (this.#name ??= this.frame.slice(this.#nameStart, this.#nameStart + this.nameLength));
  }

  /** Whether the name is `candidate`, without making a string. */
  nameIs(candidate: string): boolean {
    if (this.#nameStart === -1) return this.name === candidate;
    return candidate.length === this.nameLength && this.frame.startsWith(candidate, this.#nameStart);
  }
}

/** A decoded frame: an Engine.IO packet, or the socket.io packet that an Engine.IO message carries. */
export type Packet =
  /** `adjustments` says which heartbeat values of the hello were replaced or clamped, and why (`helloTiming`). */
  | { readonly type: 'open'; readonly hello: Hello; readonly adjustments: readonly string[] }
  | { readonly type: 'close' }
  | { readonly type: 'ping'; readonly data: string }
  | { readonly type: 'pong'; readonly data: string }
  | { readonly type: 'upgrade' }
  | { readonly type: 'noop' }
  | { readonly type: 'connect'; readonly namespace: string }
  | { readonly type: 'disconnect'; readonly namespace: string }
  | EventHead
  | { readonly type: 'ack'; readonly namespace: string; readonly ackId: number; readonly args: unknown[] }
  /** `44`: the server refused the namespace connection; `data` is its reason (a string or an object). */
  | { readonly type: 'error'; readonly namespace: string; readonly data: unknown };

/** What the decoder returns for a frame it cannot read. The frame should be dropped. */
export interface DecodeError {
  readonly type: 'invalid';
  /** Lowercase, names the bad value. */
  readonly reason: string;
}

/** The arguments of an event after its name: `[payload]`, or `[payload, null]` since 2023. */
export interface EventArgs {
  readonly type: 'args';
  readonly args: unknown[];
}

const DIGIT_0 = 48;
const DIGIT_9 = 57;
const QUOTE = 34;
const BACKSLASH = 92;
const SLASH = 47;
const COMMA = 44;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
// Longer ack ids would lose precision as a JavaScript number.
const MAX_ACK_ID_DIGITS = 15;
const PREVIEW_LENGTH = 40;
const TRAILING_NULL = ',null';
const MESSAGE = DIGIT_0 + EnginePacketType.Message;
const EVENT = DIGIT_0 + SocketPacketType.Event;

/** Decodes one frame as received from the WebSocket. Never throws: bad input yields a `DecodeError`. */
export function decodeFrame(frame: unknown): Packet | DecodeError {
  if (typeof frame !== 'string') {
    return invalid(`binary frame of ${describeBinary(frame)} on a text-only gateway`);
  }
  // `42[` is nearly every frame: skip the packet-type dispatch, namespace and ack id scans for it.
  if (frame.charCodeAt(0) === MESSAGE && frame.charCodeAt(1) === EVENT && frame.charCodeAt(2) === OPEN_BRACKET) {
    return decodeEventHead(frame, '/', undefined, 2);
  }
  if (frame.length === 0) return invalid('empty frame');
  switch (frame.charCodeAt(0) - DIGIT_0) {
    case EnginePacketType.Message:
      return decodeMessage(frame);
    case EnginePacketType.Pong:
      return { type: 'pong', data: frame.slice(1) };
    case EnginePacketType.Ping:
      return { type: 'ping', data: frame.slice(1) };
    case EnginePacketType.Open:
      return decodeOpen(frame);
    case EnginePacketType.Close:
      return { type: 'close' };
    case EnginePacketType.Upgrade:
      return { type: 'upgrade' };
    case EnginePacketType.Noop:
      return { type: 'noop' };
    default:
      return invalid(`unknown engine.io packet type ${JSON.stringify(frame[0])} in ${preview(frame)}`);
  }
}

/** Where the name starts in `42["Name",...]`, the frame of nearly every event. */
export const EVENT_NAME_START = 4;

/**
 * The name peek, for the frame of nearly every event, `42["Name"...` (the default namespace, no ack
 * id): the index of the first quote after the name's opening quote; -1 for any other frame. With
 * `EVENT_NAME_START` it bounds the name's raw text, which equals a plain name (no escapes) exactly
 * when the parsed name does, so comparing it with plain names never misreads a frame. Whoever uses the
 * raw text otherwise (drops the frame for its name, or slices the name) asks `eventNameHasEscape` first:
 * that search costs more than the comparison, so a frame whose name is listened to never pays for it.
 */
export function eventNameEnd(frame: string): number {
  if (
    frame.charCodeAt(0) !== MESSAGE ||
    frame.charCodeAt(1) !== EVENT ||
    frame.charCodeAt(2) !== OPEN_BRACKET ||
    frame.charCodeAt(3) !== QUOTE
  ) {
    return -1;
  }
  return frame.indexOf('"', EVENT_NAME_START);
}

/** Whether the raw text of a name that `eventNameEnd` bounds holds an escape: then only `decodeFrame` reads the name right. */
export function eventNameHasEscape(frame: string, nameEnd: number): boolean {
  return hasEscape(frame, EVENT_NAME_START, nameEnd);
}

/**
 * The payload of `42["Name",payload]`, or of `42["Name",payload,null]` as sent since 2023, whose name
 * ends at `nameEnd` (from `eventNameEnd`), parsed without the array and the name around it. Undefined,
 * which JSON never yields, for any other shape and for invalid JSON: `decodeFrame` then reads the frame
 * and says what is wrong with it. Never throws.
 */
export function parseEventPayload(frame: string, nameEnd: number): unknown {
  const start = nameEnd + 2;
  let end = frame.length - 1;
  if (frame.charCodeAt(nameEnd + 1) !== COMMA || frame.charCodeAt(end) !== CLOSE_BRACKET) return undefined;
  // A quote after a backslash may be an escaped one inside the name: only the general decoder can tell.
  if (frame.charCodeAt(nameEnd - 1) === BACKSLASH) return undefined;
  // The trailing null: a payload followed by anything else fails to parse and takes the general path.
  if (end - TRAILING_NULL.length > start && endsWithNull(frame, end)) end -= TRAILING_NULL.length;
  const payload = parseJson(frame.slice(start, end), 0);
  return payload === PARSE_FAILED ? undefined : payload;
}

/** Parses the arguments of an event read by `decodeFrame`. Never throws. */
export function decodeEventArgs(head: EventHead): EventArgs | DecodeError {
  const values = parseJson(head.frame, head.dataStart);
  if (values === PARSE_FAILED || !Array.isArray(values) || values.length === 0) {
    return invalid(`event ${JSON.stringify(head.name)} has no valid json array in ${preview(head.frame)}`);
  }
  values.shift();
  return { type: 'args', args: values };
}

/** The Engine.IO ping the client sends every pingInterval. */
export function encodePing(): string {
  return '2';
}

/** The Engine.IO pong that answers a server ping, echoing its data. */
export function encodePong(data: string): string {
  return `3${data}`;
}

/** A socket.io event on the default namespace: `42["Name",payload]`, or `42["Name"]` without a payload. */
export function encodeEvent(name: string, payload?: unknown): string {
  return `42${JSON.stringify(payload === undefined ? [name] : [name, payload])}`;
}

/** A socket.io acknowledgement on the default namespace: `43<id>[...args]`. */
export function encodeAck(ackId: number, args: readonly unknown[]): string {
  if (!Number.isSafeInteger(ackId) || ackId < 0) {
    throw new RangeError(`ack id ${ackId} is not a non-negative safe integer; nothing was encoded`);
  }
  return `43${ackId}${JSON.stringify(args)}`;
}

function decodeOpen(frame: string): Packet | DecodeError {
  const body = parseJson(frame, 1);
  if (body === PARSE_FAILED || typeof body !== 'object' || body === null || Array.isArray(body)) {
    return invalid(`hello is not a json object in ${preview(frame)}`);
  }
  const { sid, upgrades, pingInterval, pingTimeout } = body as Record<string, unknown>;
  if (typeof sid !== 'string') return invalid(`hello has no string sid in ${preview(frame)}`);
  const timing = helloTiming(pingInterval, pingTimeout);
  return {
    type: 'open',
    hello: {
      sid,
      upgrades: Array.isArray(upgrades) ? upgrades.filter((u): u is string => typeof u === 'string') : [],
      pingInterval: timing.pingInterval,
      pingTimeout: timing.pingTimeout,
    },
    adjustments: timing.adjustments,
  };
}

function decodeMessage(frame: string): Packet | DecodeError {
  const type = frame.charCodeAt(1) - DIGIT_0;
  if (frame.length < 2) return invalid('message frame "4" carries no socket.io packet');
  if (!(type >= 0 && type <= 6)) {
    return invalid(`unknown socket.io packet type ${JSON.stringify(frame[1])} in ${preview(frame)}`);
  }
  if (type === SocketPacketType.BinaryEvent || type === SocketPacketType.BinaryAck) {
    return invalid(`binary socket.io packet ${preview(frame)} on a text-only gateway`);
  }

  let index = 2;
  let namespace = '/';
  if (frame.charCodeAt(index) === SLASH) {
    const comma = frame.indexOf(',', index);
    const end = comma === -1 ? frame.length : comma;
    namespace = frame.slice(index, end);
    index = comma === -1 ? end : end + 1;
  }

  let ackId: number | undefined;
  const idStart = index;
  while (index < frame.length && isDigit(frame.charCodeAt(index))) index++;
  if (index > idStart) {
    if (index - idStart > MAX_ACK_ID_DIGITS) return invalid(`ack id too long in ${preview(frame)}`);
    ackId = Number(frame.slice(idStart, index));
  }

  switch (type) {
    case SocketPacketType.Connect:
      return { type: 'connect', namespace };
    case SocketPacketType.Disconnect:
      return { type: 'disconnect', namespace };
    case SocketPacketType.Event:
      return decodeEventHead(frame, namespace, ackId, index);
    case SocketPacketType.Ack: {
      if (ackId === undefined) return invalid(`ack without an id in ${preview(frame)}`);
      const args = parseJson(frame, index);
      if (!Array.isArray(args)) return invalid(`ack ${ackId} has no valid json array in ${preview(frame)}`);
      return { type: 'ack', namespace, ackId, args };
    }
    default: {
      // `44` alone is an error without a reason; otherwise the reason is JSON.
      const data = index === frame.length ? undefined : parseJson(frame, index);
      if (data === PARSE_FAILED) return invalid(`error packet with invalid json in ${preview(frame)}`);
      return { type: 'error', namespace, data };
    }
  }
}

function decodeEventHead(
  frame: string,
  namespace: string,
  ackId: number | undefined,
  dataStart: number,
): EventHead | DecodeError {
  if (frame.charCodeAt(dataStart) === OPEN_BRACKET && frame.charCodeAt(dataStart + 1) === QUOTE) {
    const nameStart = dataStart + 2;
    const nameEnd = frame.indexOf('"', nameStart);
    const next = frame.charCodeAt(nameEnd + 1);
    // A name with escapes needs the JSON parser.
    // The rest of the array (and any control character in the name) is checked when the arguments are parsed.
    if (nameEnd !== -1 && (next === COMMA || next === CLOSE_BRACKET) && !hasEscape(frame, nameStart, nameEnd)) {
      return new EventHead(frame, namespace, ackId, dataStart, nameStart, undefined, nameEnd - nameStart);
    }
  }
  // Whitespace, escapes, numeric names or garbage: let the JSON parser decide.
  const values = parseJson(frame, dataStart);
  if (values === PARSE_FAILED || !Array.isArray(values)) {
    return invalid(`event without a valid json array in ${preview(frame)}`);
  }
  const name: unknown = values[0];
  if (typeof name === 'string' || (typeof name === 'number' && Number.isFinite(name))) {
    const text = String(name);
    return new EventHead(frame, namespace, ackId, dataStart, -1, text, text.length);
  }
  return invalid(`event name ${preview(JSON.stringify(name) ?? 'missing')} is not a string in ${preview(frame)}`);
}

/** Whether `frame` has a backslash from `start` to `end` (exclusive): memchr is quicker than a loop over the name. */
function hasEscape(frame: string, start: number, end: number): boolean {
  const backslash = frame.indexOf('\\', start);
  return backslash !== -1 && backslash < end;
}

const PARSE_FAILED: unique symbol = Symbol('parse failed');

function parseJson(frame: string, start: number): unknown {
  try {
    return JSON.parse(start === 0 ? frame : frame.slice(start));
  } catch {
    return PARSE_FAILED;
  }
}

// Compared by character: `endsWith(text, position)` takes several times longer (V8, Node 20).
function endsWithNull(frame: string, end: number): boolean {
  for (let i = 1; i <= TRAILING_NULL.length; i++) {
    if (frame.charCodeAt(end - i) !== TRAILING_NULL.charCodeAt(TRAILING_NULL.length - i)) return false;
  }
  return true;
}

function invalid(reason: string): DecodeError {
  return { type: 'invalid', reason };
}

function isDigit(code: number): boolean {
  return code >= DIGIT_0 && code <= DIGIT_9;
}

function preview(text: string): string {
  return JSON.stringify(text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH)}…` : text);
}

function describeBinary(frame: unknown): string {
  if (frame instanceof ArrayBuffer) return `${frame.byteLength} bytes`;
  if (ArrayBuffer.isView(frame)) return `${frame.byteLength} bytes`;
  if (Array.isArray(frame)) return `${frame.length} fragments`;
  return typeof frame;
}
