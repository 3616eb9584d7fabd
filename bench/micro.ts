/**
 * The in-process figures: decode + dispatch, decode + validate + dispatch, and a frame nobody listens
 * to, for GatewayClient against socket.io-client@2's decode path, each as a ratio to `JSON.parse` of
 * the frame's JSON part. GatewayClient is fed through the message listener it registers on its
 * WebSocket, the very function a real socket calls. Each figure runs in a few fresh processes (the
 * JIT does not decide the same way in every one) and the median process counts.
 *
 * As a child: node --import tsx bench/micro.ts <figure>, printing its rows as JSON.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { events, type EventName } from '../generated/index.js';
import { GatewayClient, type ValidationMode } from '../runtime/client.js';
import { MAX_HEARTBEAT_MS } from '../runtime/hello-timing.js';
import type { WebSocketEventLike, WebSocketEventName, WebSocketLike } from '../runtime/websocket.js';
import { runChild } from './children.js';
import { framesOf, mixFrames, type Frame } from './frames.js';
import { compare, sink, type Variant } from './harness.js';
import { bounded, medianRow, times, type Row } from './report.js';

type Listener = (event: WebSocketEventLike) => void;

/** A WebSocket that hands its message listener to the bench instead of reading a network. */
class FeedSocket implements WebSocketLike {
  readyState = 1;
  readonly #listeners = new Map<WebSocketEventName, Set<Listener>>();

  addEventListener(type: WebSocketEventName, listener: Listener): void {
    const set = this.#listeners.get(type) ?? new Set();
    set.add(listener);
    this.#listeners.set(type, set);
  }

  removeEventListener(type: WebSocketEventName, listener: Listener): void {
    this.#listeners.get(type)?.delete(listener);
  }

  send(): void {}

  close(code = 1000): void {
    this.readyState = 3;
    for (const listener of this.#listeners.get('close') ?? []) listener({ code, reason: '' });
  }

  /** The client's message listener. */
  messageListener(): Listener {
    const [listener] = this.#listeners.get('message') ?? [];
    if (listener === undefined) throw new Error('the client registered no message listener');
    return listener;
  }
}

/** A ready GatewayClient and the function its WebSocket would call with each frame. */
export interface FedClient {
  readonly client: GatewayClient;
  /** Hands one frame to the client's message listener, reusing one event object. */
  readonly feed: (frame: string) => void;
  close(): Promise<void>;
}

/** Every canonical event name of the spec. */
export const ALL_EVENTS: readonly EventName[] = [...new Set(Object.values(events).map((entry) => entry.name))];

/** Opens a GatewayClient on a FeedSocket, listening to `listened` with a listener that keeps the payload. */
export async function fedClient(validation: ValidationMode, listened: readonly EventName[]): Promise<FedClient> {
  const socket = new FeedSocket();
  const client = new GatewayClient({
    cookie: 'hmac_signed_session=bench',
    validation,
    reconnect: false,
    createWebSocket: () => socket,
  });
  const keep = (payload: unknown): void => {
    sink.value = payload;
  };
  for (const name of listened) client.on(name, keep);
  client.on('error', (error) => {
    throw error;
  });
  const ready = client.connect();
  const listener = socket.messageListener();
  // The longest heartbeat the client keeps: no ping goes out during a round, and the frames fed keep the link alive if one does.
  listener({
    data: `0${JSON.stringify({ sid: 'bench', upgrades: [], pingInterval: MAX_HEARTBEAT_MS, pingTimeout: MAX_HEARTBEAT_MS })}`,
  });
  listener({ data: '40' });
  await ready;
  // Past the tick in which connect() keeps events for a first iterator: what is measured is the steady state.
  await new Promise((resolve) => setTimeout(resolve, 1));
  const event: { data: string } = { data: '' };
  return {
    client,
    feed: (frame) => {
      event.data = frame;
      listener(event);
    },
    close: () => client.close(),
  };
}

const require = createRequire(import.meta.url);
const engineClientDir = dirname(require.resolve('engine.io-client/package.json'));
const socketClientDir = dirname(require.resolve('socket.io-client/package.json'));

interface EngineParser {
  decodePacket(data: string, binaryType?: string): { type: string; data?: string };
}
interface SocketDecoder {
  add(data: string): void;
  on(event: 'decoded', listener: (packet: { type: number; data?: unknown[] }) => void): void;
}

/**
 * socket.io-client@2's decode path, with the parsers it resolves itself: engine.io-parser@2's
 * `decodePacket`, socket.io-parser@3's `Decoder`, and a listener table by event name.
 */
export function socketIoClientPath(listened: readonly string[]): (frame: string) => void {
  const engineParser = require(require.resolve('engine.io-parser', { paths: [engineClientDir] })) as EngineParser;
  const { Decoder } = require(require.resolve('socket.io-parser', { paths: [socketClientDir] })) as {
    Decoder: new () => SocketDecoder;
  };
  const wanted = new Set(listened);
  const decoder = new Decoder();
  decoder.on('decoded', (packet) => {
    const args = packet.data;
    if (packet.type === 2 && args !== undefined && wanted.has(args[0] as string)) sink.value = args[1];
  });
  return (frame) => {
    const packet = engineParser.decodePacket(frame, 'nodebuffer');
    if (packet.type === 'message' && packet.data !== undefined) decoder.add(packet.data);
  };
}

const floor: Variant<Frame> = {
  name: 'JSON.parse',
  run: (frames) => {
    for (const frame of frames) sink.value = JSON.parse(frame.json);
  },
};

function feeding(name: string, feed: (frame: string) => void): Variant<Frame> {
  return {
    name,
    run: (frames) => {
      for (const frame of frames) feed(frame.frame);
    },
  };
}

/** Decode + dispatch with every spec event listened (validation off), on `frames`. */
async function dispatch(label: string, frames: readonly Frame[], max: number): Promise<Row> {
  const ours = await fedClient('off', ALL_EVENTS);
  try {
    const result = compare(frames, [
      floor,
      feeding('socket.io-client@2', socketIoClientPath(ALL_EVENTS)),
      feeding('GatewayClient', ours.feed),
    ]);
    const baseline = result.get('socket.io-client@2')?.ratio ?? NaN;
    const measured = result.get('GatewayClient')?.ratio ?? NaN;
    return bounded(
      {
        figure: `decode + dispatch, every event listened, ${label}`,
        baseline: `socket.io-client@2 decode path: ${times(baseline)} floor`,
        measured: `${times(measured)} floor`,
      },
      measured,
      { max },
      times,
    );
  } finally {
    await ours.close();
  }
}

/** Decode + dispatch of the 70/28/2 mix, every event listened. */
export function dispatchMix(): Promise<Row[]> {
  return dispatch('mix', mixFrames(), 1.02).then((row) => [row]);
}

/** Decode + dispatch of typing frames alone, every event listened. */
export function dispatchTyping(): Promise<Row[]> {
  return dispatch('typing frames only', framesOf('typing', 1000), 1.05).then((row) => [row]);
}

/** Decode + validate (the default, warn) + dispatch of chat messages, against JSON.parse + the generated validator. */
export async function validateChat(): Promise<Row[]> {
  const frames = framesOf('chat', 500);
  const ours = await fedClient('warn', ALL_EVENTS);
  const validate = events['ChatMessageCreated']?.validate;
  if (validate === undefined) throw new Error('the spec has no ChatMessageCreated');
  try {
    const result = compare(frames, [
      floor,
      {
        name: 'JSON.parse + ajv',
        run: (inputs) => {
          for (const frame of inputs) {
            const args = JSON.parse(frame.json) as unknown[];
            if (!validate(args[1])) throw new Error('a bench frame is invalid');
            sink.value = args[1];
          }
        },
      },
      feeding('GatewayClient', ours.feed),
    ]);
    const baseline = result.get('JSON.parse + ajv')?.ratio ?? NaN;
    const measured = result.get('GatewayClient')?.ratio ?? NaN;
    return [
      bounded(
        {
          figure: 'decode + validate (warn) + dispatch, chat messages',
          baseline: `JSON.parse + generated ajv validator: ${times(baseline)} floor`,
          measured: `${times(measured)} floor (${times(measured / baseline)} JSON.parse + ajv)`,
        },
        measured,
        { max: 1.25 },
        times,
      ),
    ];
  } finally {
    await ours.close();
  }
}

/** A frame whose event nobody listens to (every other spec event is listened), on the mix and on typing frames. */
export async function unlistened(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const [label, frames] of [
    ['mix', mixFrames()],
    ['typing frames', framesOf('typing', 1000)],
  ] as const) {
    const names = new Set(frames.map((frame) => frame.name));
    const others = ALL_EVENTS.filter((name) => !names.has(name));
    const ours = await fedClient('warn', others);
    try {
      const result = compare(frames, [
        floor,
        feeding('socket.io-client@2', socketIoClientPath(others)),
        feeding('GatewayClient', ours.feed),
      ]);
      const baseline = result.get('socket.io-client@2')?.ratio ?? NaN;
      const measured = result.get('GatewayClient')?.ratio ?? NaN;
      rows.push(
        bounded(
          {
            figure: `a frame nobody listens to, ${label}`,
            baseline: `socket.io-client@2 parses it: ${times(baseline)} floor`,
            measured: `${times(measured)} floor`,
          },
          measured,
          { max: 0.05 },
          times,
        ),
      );
    } finally {
      await ours.close();
    }
  }
  return rows;
}

/** The micro figures, by the name `--only` takes. */
export const MICRO_FIGURES = {
  'dispatch-mix': dispatchMix,
  'dispatch-typing': dispatchTyping,
  'validate-chat': validateChat,
  unlistened,
} as const;

/** Runs a micro figure in `processes` fresh processes, one after another; row by row, the median process counts. */
export async function isolated(name: keyof typeof MICRO_FIGURES, processes = 3): Promise<Row[]> {
  const runs: Row[][] = [];
  for (let i = 0; i < processes; i++) runs.push(await runChild<Row[]>(new URL(import.meta.url), [name]));
  return (runs[0] ?? []).map((_, index) => medianRow(runs.map((rows) => rows[index] as Row)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const name = process.argv[2] as keyof typeof MICRO_FIGURES;
  if (!Object.hasOwn(MICRO_FIGURES, name)) throw new Error(`unknown micro figure ${name}`);
  const rows = await MICRO_FIGURES[name]();
  process.stdout.write(`${JSON.stringify(rows)}\n`);
  process.exit(0);
}
