import {
  CURRENT_ENDPOINT,
  SESSION_ENDING_CLOSE_CODES,
  events,
  type CommandName,
  type CommandPayloadMap,
  type EventEntry,
  type EventName,
  type Hello,
} from '../generated/index.js';
import type { ClientEvent, ClientEventMap } from './client-events.js';
import {
  decodeEventArgs,
  decodeFrame,
  encodeEvent,
  encodePing,
  encodePong,
  eventNameEnd,
  EVENT_NAME_START,
  parseEventPayload,
  type DecodeError,
  type EventHead,
  type Packet,
} from './codec.js';
import { TypedEmitter, type Listener } from './emitter.js';
import { gatewayUrl } from './endpoint.js';
import { GatewayError, type Consequence, type GatewayErrorCode, type GatewayErrorDetails } from './errors.js';
import { EventQueue } from './event-queue.js';
import { Heartbeat } from './heartbeat.js';
import { ListenedEvents, type ListenedEvent } from './listened-events.js';
import { createRedactor } from './redact.js';
import {
  backoffDelay,
  reconnectPolicy,
  reconnectsAfterClose,
  retriesAfterStatus,
  type ReconnectOptions,
} from './reconnect.js';
import { printUnheardError } from './unheard-error.js';
import { upgradeHeaders } from './upgrade-headers.js';
import { describeErrors, reportErrors, validateCommand } from './validation.js';
import {
  loadNodeWebSocket,
  ReadyState,
  whenClosed,
  type WebSocketConstructor,
  type WebSocketEventLike,
  type WebSocketFactory,
  type WebSocketLike,
} from './websocket.js';

/** Where the client is: `ready` means events flow; `closed` means the session ended. */
export type ClientStatus = 'idle' | 'connecting' | 'ready' | 'reconnecting' | 'closed';

/** How payloads are checked against the spec. */
export type ValidationMode = 'strict' | 'warn' | 'off';

/** The arguments `send` takes after the command name: none for `logout`. */
export type CommandArgs<K extends CommandName> = CommandPayloadMap[K] extends undefined
  ? []
  : [payload: CommandPayloadMap[K]];

/** Options of `GatewayClient`. Only `cookie` is required, and only with the default WebSocket (`ws`). */
export interface GatewayClientOptions {
  /**
   * The cookie header, with at least `hmac_signed_session=<token>`. Never shown in errors, debug lines or
   * inspection. Required unless `WebSocket` or `createWebSocket` is given: a browser cannot set it, and
   * sends the page's own cookies with the upgrade.
   */
  readonly cookie?: string;
  /** The endpoint without its query. Default: the spec's current endpoint. */
  readonly url?: string;
  /** Open a team socket for this team instead of the user socket. */
  readonly teamId?: string;
  /** Default: a random UUIDv4 per client, as 2023 web clients sent. */
  readonly guildedClientId?: string;
  /** Sent as the `deviceType` query parameter when given (2023 web clients sent `web`). */
  readonly deviceType?: string;
  /** The upgrade request's `user-agent` (Guilded's web client sends its browser's); it wins over one in `headers`. Browsers send their own. */
  readonly userAgent?: string;
  /**
   * Extra headers of the upgrade request, names case-insensitive. A `cookie` here is a TypeError: use the
   * `cookie` option, which is kept out of errors and logs. Never shown in inspection; browsers cannot set headers.
   */
  readonly headers?: Readonly<Record<string, string>>;
  /** Default `warn`: invalid payloads are delivered and reported. */
  readonly validation?: ValidationMode;
  /** The retry policy, or `false` to end the session on the first lost connection. */
  readonly reconnect?: false | ReconnectOptions;
  /** How long to wait from opening the socket until `40`. Default 20 s. */
  readonly handshakeTimeoutMs?: number;
  /** A WebSocket class taking `(url, { headers })`, like `ws`. Default: `ws`. */
  readonly WebSocket?: WebSocketConstructor;
  /** A WebSocket factory, for implementations with another constructor (browsers). Takes precedence over `WebSocket`. */
  readonly createWebSocket?: WebSocketFactory;
}

/** Options of `GatewayClient.events()`. */
export interface EventIteratorOptions {
  /** How many events may wait for the consumer before the iterator ends with BUFFER_OVERFLOW. Default 1000. */
  readonly bufferSize?: number;
}

interface Teardown {
  /** The close code we send, or the one the server sent. */
  readonly code: number;
  /** What happened, lowercase: the start of the error message. */
  readonly reason: string;
  /** Reconnect afterwards, if the reconnect policy allows. */
  readonly recover: boolean;
  /** Absent when the user closed the client: then nothing failed. */
  readonly error?: GatewayErrorCode;
  readonly status?: number;
}

interface Deferred {
  readonly promise: Promise<void>;
  readonly resolve: () => void;
  readonly reject: (error: GatewayError) => void;
}

const [NORMAL_CLOSURE] = SESSION_ENDING_CLOSE_CODES;
// A private-use code: unlike 1000 and 1001 it does not end the session (spec `closeCodes`), and browsers may send it.
const RECONNECT_CLOSE_CODE = 4000;
const ABNORMAL_CLOSURE = 1006;
const DEFAULT_HANDSHAKE_TIMEOUT_MS = 20_000;
const DEFAULT_BUFFER_SIZE = 1000;
// `ws` reports a refused upgrade only in its error message; browsers do not report the status at all.
const UPGRADE_STATUS = /Unexpected server response: (\d{3})/;

/**
 * A connection to Guilded's user-account gateway: socket.io v2 over Engine.IO v3 over WebSocket
 * (spec/connection.yaml). It keeps the heartbeat, reconnects with backoff, validates payloads against
 * the spec and delivers them typed.
 */
export class GatewayClient implements AsyncIterable<ClientEvent> {
  #status: ClientStatus = 'idle';
  readonly #url: string;
  readonly #headers: Record<string, string>;
  readonly #guildedClientId: string;
  readonly #teamId: string | undefined;
  readonly #redact: (text: string) => string;
  readonly #validation: ValidationMode;
  readonly #reconnect: Required<ReconnectOptions> | undefined;
  readonly #handshakeTimeoutMs: number;
  readonly #emitter: TypedEmitter<ClientEventMap>;
  readonly #heartbeat: Heartbeat;
  readonly #queues = new Set<EventQueue<ClientEvent>>();
  /** Events since connect(), kept for the first iterator; see #holdForFirstIterator. */
  #held: EventQueue<ClientEvent> | undefined;
  #heldTimer: ReturnType<typeof setTimeout> | undefined;
  // An iterator or an unknownEvent listener wants events nobody listens to by name.
  #wantsEveryEvent = false;
  // The events someone listens to, by every wire spelling: what the fast path of `#onMessage` looks up.
  #listened = new ListenedEvents([]);
  #factory: WebSocketFactory | undefined;
  #socket: WebSocketLike | undefined;
  #socketError: { readonly message: string; readonly status: number | undefined } | undefined;
  #handshakeTimer: ReturnType<typeof setTimeout> | undefined;
  #reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  #attempt = 0;
  #wasReady = false;
  #sid: string | undefined;
  #ping: number | undefined;
  #pending: Deferred | undefined;

  constructor(options: GatewayClientOptions) {
    const { cookie, WebSocket } = options;
    if (cookie === undefined && WebSocket === undefined && options.createWebSocket === undefined) {
      throw new TypeError(
        'the cookie option is missing; only a WebSocket or createWebSocket option (a browser) can do without it; no client was created',
      );
    }
    if (cookie !== undefined && (typeof cookie !== 'string' || cookie.trim() === '')) {
      throw new TypeError('the cookie option is empty or not a string; no client was created');
    }
    this.#headers = upgradeHeaders({ cookie, userAgent: options.userAgent, headers: options.headers });
    this.#redact = createRedactor(cookie);
    this.#guildedClientId = options.guildedClientId ?? crypto.randomUUID();
    this.#teamId = options.teamId;
    this.#url = gatewayUrl(options.url ?? CURRENT_ENDPOINT, {
      guildedClientId: this.#guildedClientId,
      teamId: options.teamId,
      deviceType: options.deviceType,
    });
    this.#validation = options.validation ?? 'warn';
    this.#reconnect = options.reconnect === false ? undefined : reconnectPolicy(options.reconnect);
    this.#handshakeTimeoutMs = options.handshakeTimeoutMs ?? DEFAULT_HANDSHAKE_TIMEOUT_MS;
    this.#factory = options.createWebSocket ?? (WebSocket && ((url, headers) => new WebSocket(url, { headers })));
    this.#emitter = new TypedEmitter<ClientEventMap>({
      listenerError: (name, error) => this.#onListenerError(name, error),
      countChanged: (name) => {
        if (SPELLINGS.has(name)) this.#indexListened();
        else if (name === 'unknownEvent') this.#updateWantsEveryEvent();
      },
    });
    this.#heartbeat = new Heartbeat({
      ping: () => {
        this.#debug(() => 'heartbeat: ping (2) sent');
        this.#socket?.send(encodePing());
      },
      dead: (timeoutMs) =>
        this.#destroy({
          code: RECONNECT_CLOSE_CODE,
          reason: `no pong within ${timeoutMs} ms of a ping, the link is dead`,
          recover: true,
          error: 'HEARTBEAT_TIMEOUT',
        }),
      pong: (roundTrip) => {
        // Tenths of a millisecond: finer is timer noise, coarser would show 0 on a fast link.
        const ping = Math.round(roundTrip * 10) / 10;
        this.#ping = ping;
        this.#debug(() => `heartbeat: pong (3) after ${ping.toFixed(1)} ms`);
        this.#emitter.emit('heartbeat', { ping });
      },
    });
  }

  /** Where the client is. */
  get status(): ClientStatus {
    return this.#status;
  }

  /** The last heartbeat's round trip: milliseconds from a ping to its pong; undefined before the first pong. */
  get ping(): number | undefined {
    return this.#ping;
  }

  /** The Engine.IO session id of the current connection. */
  get sid(): string | undefined {
    return this.#sid;
  }

  /** The WebSocket URL with its query. It holds no secret. */
  get url(): string {
    return this.#url;
  }

  /** The `guildedClientId` sent in the query; the gateway echoes it in events this client caused. */
  get guildedClientId(): string {
    return this.#guildedClientId;
  }

  /** The team of a team socket; undefined for the user socket. */
  get teamId(): string | undefined {
    return this.#teamId;
  }

  /**
   * Opens the connection. Resolves when it is ready (after the hello and `40`), retrying lost attempts
   * per the reconnect policy; rejects with a GatewayError when the session ends first (refused handshake,
   * `44`, attempts exhausted, or `close()`).
   */
  connect(): Promise<void> {
    if (this.#status === 'ready') return Promise.resolve();
    // Kept here: a factory that throws ends the attempt inside #open, which settles and clears #pending.
    const pending = (this.#pending ??= deferred());
    if (this.#status === 'idle' || this.#status === 'closed') {
      this.#attempt = 0;
      this.#wasReady = false;
      this.#holdForFirstIterator();
      this.#open();
    }
    return pending.promise;
  }

  /** Ends the session: closes with 1000 (no reconnect) and resolves once the socket has closed. */
  async close(): Promise<void> {
    if (this.#status === 'idle' || this.#status === 'closed') return;
    const closed = this.#socket && whenClosed(this.#socket);
    this.#destroy({ code: NORMAL_CLOSURE, reason: 'closed by the client', recover: false });
    await closed;
  }

  /** Sends a command (spec/commands.yaml). Throws NOT_CONNECTED unless the client is ready. */
  send<K extends CommandName>(name: K, ...args: CommandArgs<K>): void {
    const socket = this.#socket;
    if (this.#status !== 'ready' || socket === undefined) {
      throw this.#error(
        'NOT_CONNECTED',
        `cannot send ${name} while the client is ${this.#status}; the command was not sent, wait for the open event`,
        'drop',
      );
    }
    const [payload] = args;
    if (this.#validation !== 'off') {
      const result = validateCommand(name, payload);
      if (!result.ok) {
        const problems = result.errors.map((error) => `${error.pointer || '/'} ${error.message}`).join(', ');
        if (this.#validation === 'strict') {
          throw this.#error(
            'INVALID_COMMAND',
            `${name} payload is invalid (${problems}); the command was not sent`,
            'drop',
          );
        }
        this.#report(
          'INVALID_COMMAND',
          `${name} payload is invalid (${problems}); sent anyway (validation is warn)`,
          'continue',
        );
      }
    }
    socket.send(encodeEvent(name, payload));
  }

  /** Adds a listener for a gateway event (by its spec name) or a lifecycle event. */
  on<K extends keyof ClientEventMap>(name: K, listener: Listener<ClientEventMap[K]>): this {
    this.#emitter.on(name, listener);
    return this;
  }

  /** Adds a listener that runs once. */
  once<K extends keyof ClientEventMap>(name: K, listener: Listener<ClientEventMap[K]>): this {
    this.#emitter.once(name, listener);
    return this;
  }

  /** Removes a listener. */
  off<K extends keyof ClientEventMap>(name: K, listener: Listener<ClientEventMap[K]>): this {
    this.#emitter.off(name, listener);
    return this;
  }

  /** The number of listeners for `name`, or for all events. */
  listenerCount(name?: keyof ClientEventMap): number {
    return this.#emitter.listenerCount(name);
  }

  /**
   * An async iterator over gateway events, unknown events and rejected payloads; it ends when the session
   * does. The first iterator created by the end of the tick in which `connect()` resolves (the README's
   * `await client.connect(); for await (...)`) starts with every event since the connection was ready;
   * any other starts from when it is created.
   */
  events(options: EventIteratorOptions = {}): AsyncIterableIterator<ClientEvent> {
    const held = this.#held;
    if (held !== undefined) {
      if (options.bufferSize !== undefined) held.resize(options.bufferSize);
      this.#stopHolding();
      return held;
    }
    const queue = this.#newQueue(options.bufferSize ?? DEFAULT_BUFFER_SIZE);
    if (this.#status === 'closed') queue.end();
    return queue;
  }

  /** `for await (const event of client)`: the same as `events()`. */
  [Symbol.asyncIterator](): AsyncIterator<ClientEvent> {
    return this.events();
  }

  /** What `JSON.stringify` shows: no cookie, no headers. */
  toJSON(): Record<string, unknown> {
    return { status: this.#status, url: this.#url, teamId: this.#teamId, ping: this.#ping };
  }

  /** What `util.inspect` and `console.log` show: no cookie, no headers. */
  [Symbol.for('nodejs.util.inspect.custom')](
    _depth: number,
    options: unknown,
    inspect: (value: unknown, options: unknown) => string,
  ): string {
    return `GatewayClient ${inspect(this.toJSON(), options)}`;
  }

  #open(): void {
    this.#status = 'connecting';
    const factory = this.#factory;
    if (factory === undefined) {
      loadNodeWebSocket().then(
        (loaded) => {
          this.#factory = loaded;
          if (this.#status === 'connecting' && this.#socket === undefined) this.#open();
        },
        (error: unknown) => {
          if (this.#status !== 'connecting') return;
          this.#destroy({
            code: ABNORMAL_CLOSURE,
            reason: `could not load the ws package (${describe(error)}); in a browser, pass the createWebSocket option`,
            recover: false,
            error: 'CONNECTION_FAILED',
          });
        },
      );
      return;
    }
    this.#debug(
      () =>
        `connecting to ${this.#url}${this.#attempt > 0 ? ` (reconnect attempt ${this.#attempt})` : ''}, ` +
        `sending ${headerNames(this.#headers)}; waiting up to ${this.#handshakeTimeoutMs} ms for the hello and 40`,
    );
    let socket: WebSocketLike;
    try {
      socket = factory(this.#url, { ...this.#headers });
    } catch (error) {
      return this.#destroy({
        code: ABNORMAL_CLOSURE,
        reason: `could not open a websocket to ${this.#url} (${describe(error)})`,
        recover: false,
        error: 'CONNECTION_FAILED',
      });
    }
    this.#socket = socket;
    socket.addEventListener('message', this.#onMessage);
    socket.addEventListener('error', this.#onError);
    socket.addEventListener('close', this.#onClose);
    this.#handshakeTimer = setTimeout(
      () =>
        this.#destroy({
          code: RECONNECT_CLOSE_CODE,
          reason: `no hello and 40 within ${this.#handshakeTimeoutMs} ms of opening the socket`,
          recover: true,
          error: 'HANDSHAKE_TIMEOUT',
        }),
      this.#handshakeTimeoutMs,
    );
  }

  readonly #onMessage = (event: WebSocketEventLike): void => {
    const frame = event.data;
    if (typeof frame === 'string') {
      // Nearly every frame is `42["Name",...]`: look the name up where it lies before decoding anything.
      const nameEnd = eventNameEnd(frame);
      if (nameEnd !== -1) {
        const listened = this.#listened.find(frame, EVENT_NAME_START, nameEnd);
        if (listened !== undefined) {
          const payload = parseEventPayload(frame, nameEnd);
          if (payload !== undefined) return this.#deliverEvent(listened.entry, listened.spelling, payload);
          // Another shape of the array, or invalid JSON: the general path below reads it and reports what is wrong.
        } else if (!this.#wantsEveryEvent && !hasEscape(frame, nameEnd)) {
          // Nobody listens: no string, no parse. (A name with escapes may still spell a listened one.)
          return;
        }
      }
    }
    this.#onPacket(decodeFrame(frame));
  };

  #onPacket(packet: Packet | DecodeError): void {
    switch (packet.type) {
      case 'event':
        return this.#dispatch(packet);
      case 'pong':
        return this.#heartbeat.acknowledge();
      case 'ping':
        return this.#socket?.send(encodePong(packet.data));
      case 'open':
        return this.#onHello(packet.hello);
      case 'connect':
        return packet.namespace === '/' ? this.#onReady() : undefined;
      case 'disconnect':
        if (packet.namespace !== '/') return;
        return this.#destroy({
          code: RECONNECT_CLOSE_CODE,
          reason: 'the server disconnected the socket.io namespace (41)',
          recover: true,
          error: 'NAMESPACE_DISCONNECTED',
        });
      case 'error':
        if (packet.namespace !== '/') return;
        // A refusal (such as "unauthorized") will not change by retrying with the same cookie.
        return this.#destroy({
          code: NORMAL_CLOSURE,
          reason: `the server refused the connection with 44 ${JSON.stringify(packet.data) ?? '(no reason)'}, check the cookie`,
          recover: false,
          error: 'CONNECT_REFUSED',
        });
      case 'close':
        return this.#destroy({
          code: RECONNECT_CLOSE_CODE,
          reason: 'the server sent an engine.io close packet (1)',
          recover: true,
          error: 'CONNECTION_CLOSED',
        });
      case 'invalid':
        return this.#report('INVALID_FRAME', `${packet.reason}; the frame was dropped`, 'drop');
      // The client never asks for acks, and a websocket-only connection has nothing to upgrade.
      case 'ack':
      case 'upgrade':
      case 'noop':
        return;
    }
  }

  readonly #onError = (event: WebSocketEventLike): void => {
    // A close event follows; it decides what to do, with this error as its reason.
    const message = event.message || (event.error instanceof Error ? event.error.message : '') || 'websocket error';
    const status = UPGRADE_STATUS.exec(message)?.[1];
    this.#socketError = { message, status: status === undefined ? undefined : Number(status) };
  };

  readonly #onClose = (event: WebSocketEventLike): void => {
    const code = event.code ?? ABNORMAL_CLOSURE;
    const failure = this.#socketError;
    if (failure?.status !== undefined) {
      return this.#destroy({
        code,
        reason: `the websocket upgrade was refused with http ${failure.status}${failure.status === 400 ? ' (a missing guildedClientId or a rejected cookie)' : ''}`,
        recover: retriesAfterStatus(failure.status),
        error: 'HANDSHAKE_REJECTED',
        status: failure.status,
      });
    }
    if (failure !== undefined) {
      return this.#destroy({
        code,
        reason: `websocket error: ${failure.message}`,
        recover: true,
        error: 'CONNECTION_FAILED',
      });
    }
    const reason = event.reason ? ` "${event.reason}"` : '';
    this.#destroy({
      code,
      reason: `the server closed the connection with ${code}${reason}`,
      recover: reconnectsAfterClose(code),
      error: 'CONNECTION_CLOSED',
    });
  };

  #onHello(hello: Hello): void {
    if (this.#status !== 'connecting') return;
    this.#sid = hello.sid;
    this.#debug(
      () =>
        `hello (0): sid ${hello.sid}, pingInterval ${hello.pingInterval} ms, pingTimeout ${hello.pingTimeout} ms; ` +
        `pinging every ${hello.pingInterval} ms`,
    );
    this.#heartbeat.start(hello.pingInterval, hello.pingTimeout);
    this.#emitter.emit('hello', hello);
  }

  #newQueue(bufferSize: number): EventQueue<ClientEvent> {
    const queue: EventQueue<ClientEvent> = new EventQueue(bufferSize, () => {
      this.#queues.delete(queue);
      this.#updateWantsEveryEvent();
    });
    this.#queues.add(queue);
    this.#updateWantsEveryEvent();
    return queue;
  }

  /**
   * Events that arrive in the same socket read as `40` are dispatched before the code after
   * `await connect()` runs, so an iterator created there would miss them. When no iterator exists yet,
   * connect() starts one of its own; the first events() call takes it over, and if none has by the
   * tick after the connection is ready, it is dropped (listeners had the events all along).
   */
  #holdForFirstIterator(): void {
    if (this.#held !== undefined || this.#queues.size > 0) return;
    this.#held = this.#newQueue(DEFAULT_BUFFER_SIZE);
  }

  #stopHolding(): void {
    clearTimeout(this.#heldTimer);
    this.#heldTimer = undefined;
    this.#held = undefined;
  }

  #onReady(): void {
    const sid = this.#sid;
    if (this.#status !== 'connecting' || sid === undefined) return;
    clearTimeout(this.#handshakeTimer);
    this.#handshakeTimer = undefined;
    this.#status = 'ready';
    this.#attempt = 0;
    const reconnected = this.#wasReady;
    this.#wasReady = true;
    this.#debug(() => `ready (40): events flow${reconnected ? '; events sent while reconnecting are lost' : ''}`);
    this.#pending?.resolve();
    this.#pending = undefined;
    const held = this.#held;
    // A timer, not a microtask: it must run after the continuation of `await connect()`.
    if (held !== undefined && this.#heldTimer === undefined) {
      this.#heldTimer = setTimeout(() => {
        this.#stopHolding();
        void held.return();
      }, 0);
    }
    this.#emitter.emit('open', { sid, reconnected });
  }

  /**
   * An event the fast path left: on another namespace, with an ack id, a name with escapes or numbers,
   * or one nobody listens to while an iterator or an unknownEvent listener wants every event.
   */
  #dispatch(head: EventHead): void {
    if (head.namespace !== '/') return;
    let entry = this.#listened.get(head.name)?.entry;
    if (entry === undefined) {
      if (!this.#wantsEveryEvent) return;
      // The generated table has no prototype, so a name such as "toString" finds nothing.
      entry = events[head.name];
      // A spec event nobody listens to is not unknown: only an iterator wants it.
      if (entry !== undefined && this.#queues.size === 0) return;
    }
    const decoded = decodeEventArgs(head);
    if (decoded.type === 'invalid')
      return this.#report('INVALID_FRAME', `${decoded.reason}; the event was dropped`, 'drop');
    const payload = decoded.args[0];
    if (entry === undefined) return this.#deliver('unknownEvent', { name: head.name, payload });
    this.#deliverEvent(entry, head.name, payload);
  }

  /** Validates (unless off) and delivers a spec event received as `name`, one of its wire spellings. */
  #deliverEvent(entry: EventEntry, name: string, payload: unknown): void {
    // Only a failed fast check pays for the report: objects are closed there, so an unknown field fails it too.
    // The report is a method of its own, which keeps this one, on every event's path, small enough to inline.
    if (this.#validation !== 'off' && !entry.validate(payload) && !this.#reportFailed(entry, name, payload)) return;
    this.#deliver(entry.name, payload as ClientEventMap[EventName]);
  }

  /** Reports what the full validator finds in a payload that failed the fast one; returns whether to deliver it still. */
  #reportFailed(entry: EventEntry, name: string, payload: unknown): boolean {
    const { errors, unknownFields } = describeErrors(reportErrors(entry.validatorName, payload));
    if (errors.length > 0) this.#deliver('invalidPayload', { name, payload, errors });
    if (unknownFields.length > 0) this.#emitter.emit('unknownFields', { name, payload, fields: unknownFields });
    // Unknown fields alone leave the payload valid, even in strict.
    return errors.length === 0 || this.#validation !== 'strict';
  }

  #updateWantsEveryEvent(): void {
    this.#wantsEveryEvent = this.#queues.size > 0 || this.#emitter.has('unknownEvent');
  }

  #indexListened(): void {
    const listened: ListenedEvent[] = [];
    for (const name of this.#emitter.names()) listened.push(...(SPELLINGS.get(name) ?? []));
    this.#listened = new ListenedEvents(listened);
  }

  #deliver<K extends ClientEvent['name']>(name: K, payload: ClientEventMap[K]): void {
    this.#emitter.emit(name, payload);
    if (this.#queues.size === 0) return;
    const event = { name, payload } as ClientEvent;
    for (const queue of this.#queues) queue.push(event);
  }

  /**
   * The one teardown (STYLE item 4): clears every timer, detaches the socket's handlers before closing
   * it, then either schedules a reconnect or ends the session. Nothing else resets connection state.
   */
  #destroy({ code, reason, recover, error, status }: Teardown): void {
    clearTimeout(this.#handshakeTimer);
    clearTimeout(this.#reconnectTimer);
    this.#handshakeTimer = undefined;
    this.#reconnectTimer = undefined;
    this.#heartbeat.stop();
    const socket = this.#socket;
    this.#socket = undefined;
    this.#socketError = undefined;
    this.#sid = undefined;
    if (socket !== undefined) release(socket, this.#onMessage, this.#onError, this.#onClose, code);

    const policy = this.#reconnect;
    if (recover && policy !== undefined && this.#attempt < policy.maxAttempts) {
      this.#attempt++;
      const attempt = this.#attempt;
      const delayMs = backoffDelay(attempt, policy);
      this.#status = 'reconnecting';
      this.#reconnectTimer = setTimeout(() => this.#open(), delayMs);
      const next = `reconnecting in ${delayMs} ms (attempt ${attempt} of ${policy.maxAttempts})`;
      this.#debug(() => `connection ended with ${code}: ${reason}; ${next}`);
      const cause = this.#error(error ?? 'CONNECTION_CLOSED', `${reason}; ${next}`, 'reconnect', {
        closeCode: code,
        status,
      });
      this.#emitter.emit('reconnecting', { attempt, delayMs, error: cause });
      return;
    }

    this.#status = 'closed';
    const retries = !recover
      ? ''
      : policy === undefined
        ? ', reconnect is off'
        : `, gave up after ${policy.maxAttempts} reconnect attempts`;
    this.#debug(() => `connection ended with ${code}: ${reason}; the session ended${retries}`);
    const failure =
      error === undefined
        ? undefined
        : this.#error(error, `${reason}; the session ended${retries}`, 'stop', { closeCode: code, status });
    const pending = this.#pending;
    this.#pending = undefined;
    pending?.reject(
      failure ?? this.#error('CLIENT_CLOSED', 'the client was closed before the connection was ready', 'stop'),
    );
    // An iterator created after the session ended gets nothing of it.
    const held = this.#held;
    this.#stopHolding();
    void held?.return();
    for (const queue of this.#queues) queue.end();
    // A failure that rejects connect() has reached the caller already; printing it too would say it twice.
    if (failure !== undefined) this.#emitError(failure, { reachedCaller: pending !== undefined });
    this.#emitter.emit('close', { code, reason: failure?.message ?? reason });
  }

  #onListenerError(name: keyof ClientEventMap, error: unknown): void {
    // An error listener that throws has nobody left to tell: surface it like an unhandled exception.
    if (name === 'error') {
      queueMicrotask(() => {
        throw error;
      });
      return;
    }
    const stack = error instanceof Error ? error.stack : undefined;
    this.#emitError(
      this.#error('LISTENER_ERROR', `a listener for ${String(name)} threw: ${describe(error)}; the other listeners still ran`, 'continue'),
      { stack: stack === undefined ? undefined : this.#redact(stack) },
    );
  }

  /** Emits a debug line, built only when someone listens, through the redactor like every error. */
  #debug(line: () => string): void {
    if (this.#emitter.has('debug')) this.#emitter.emit('debug', this.#redact(line()));
  }

  #report(code: GatewayErrorCode, message: string, consequence: Consequence): void {
    this.#emitError(this.#error(code, message, consequence));
  }

  /** Emits an error; with no 'error' listener, and unless it reached the caller otherwise, prints it on stderr. */
  #emitError(error: GatewayError, { reachedCaller = false, stack }: { reachedCaller?: boolean; stack?: string | undefined } = {}): void {
    if (this.#emitter.has('error')) this.#emitter.emit('error', error);
    else if (!reachedCaller) printUnheardError(error, stack);
  }

  /** Every GatewayError the client makes comes from here, so none can carry the cookie. */
  #error(
    code: GatewayErrorCode,
    message: string,
    consequence: Consequence,
    details?: GatewayErrorDetails,
  ): GatewayError {
    return new GatewayError(code, this.#redact(message), consequence, details);
  }
}

/** Every wire spelling of each event, by its canonical name. */
const SPELLINGS: ReadonlyMap<keyof ClientEventMap, readonly ListenedEvent[]> = (() => {
  const spellings = new Map<keyof ClientEventMap, ListenedEvent[]>();
  for (const [spelling, entry] of Object.entries(events)) {
    const known = spellings.get(entry.name);
    if (known) known.push({ spelling, entry });
    else spellings.set(entry.name, [{ spelling, entry }]);
  }
  return spellings;
})();

function release(
  socket: WebSocketLike,
  onMessage: (event: WebSocketEventLike) => void,
  onError: (event: WebSocketEventLike) => void,
  onClose: (event: WebSocketEventLike) => void,
  code: number,
): void {
  socket.removeEventListener('message', onMessage);
  socket.removeEventListener('error', onError);
  socket.removeEventListener('close', onClose);
  // `ws` throws on an error event nobody listens to, and closing a socket that is still connecting emits one.
  socket.addEventListener('error', ignore);
  if (socket.readyState === ReadyState.closing || socket.readyState === ReadyState.closed) return;
  // A connection we drop to reconnect needs no closing handshake, and a dead peer would never answer one.
  if (code === RECONNECT_CLOSE_CODE && socket.terminate) socket.terminate();
  else socket.close(code);
}

function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (error: GatewayError) => void;
  const promise = new Promise<void>((onResolve, onReject) => {
    resolve = onResolve;
    reject = onReject;
  });
  return { promise, resolve, reject };
}

/** The names of the headers sent, for a debug line: their values may be secrets. */
function headerNames(headers: Record<string, string>): string {
  const names = Object.keys(headers);
  return names.length === 0 ? 'no headers' : `headers ${names.join(', ')}`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function ignore(): void {}

/** Whether the name of `42["Name"...`, which ends at `nameEnd`, has a backslash: memchr is quicker than a loop over the name. */
function hasEscape(frame: string, nameEnd: number): boolean {
  const backslash = frame.indexOf('\\', EVENT_NAME_START);
  return backslash !== -1 && backslash < nameEnd;
}
