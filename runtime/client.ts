import type { CommandName, Hello } from '../generated/index.js';
import type { ClientEvent, ClientEventMap } from './client-events.js';
import {
  clientSettings,
  type ClientSettings,
  type ClientStatus,
  type CommandArgs,
  type EventIteratorOptions,
  type GatewayClientOptions,
  type ValidationMode,
} from './client-options.js';
import { ClientReporter } from './client-reporter.js';
import { checkCommand } from './command-check.js';
import { decodeFrame, encodeEvent, encodePing, encodePong, type DecodeError, type Packet } from './codec.js';
import { TypedEmitter, type Listener } from './emitter.js';
import { deferred, type Deferred } from './deferred.js';
import { EventIterators } from './event-iterators.js';
import { EventRouter } from './event-router.js';
import { Heartbeat } from './heartbeat.js';
import { backoffDelay } from './reconnect.js';
import { socketError, teardowns, type HandshakePhase, type SocketError, type Teardown } from './teardowns.js';
import { headerNames } from './upgrade-headers.js';
import {
  attachSocket,
  loadNodeWebSocket,
  ReadyState,
  releaseSocket,
  whenClosed,
  type SocketListeners,
  type WebSocketEventLike,
  type WebSocketFactory,
  type WebSocketLike,
} from './websocket.js';

export type { ClientStatus, CommandArgs, EventIteratorOptions, GatewayClientOptions, ValidationMode };

/**
 * A connection to Guilded's user-account gateway: socket.io v2 over Engine.IO v3 over WebSocket
 * (spec/connection.yaml). It keeps the heartbeat, reconnects with backoff, validates payloads against
 * the spec and delivers them typed.
 */
export class GatewayClient implements AsyncIterable<ClientEvent> {
  #status: ClientStatus = 'idle';
  readonly #settings: ClientSettings;
  readonly #reporter: ClientReporter;
  readonly #emitter: TypedEmitter<ClientEventMap>;
  readonly #heartbeat: Heartbeat;
  readonly #iterators: EventIterators;
  readonly #router: EventRouter;
  #factory: WebSocketFactory | undefined;
  #socket: WebSocketLike | undefined;
  #socketError: SocketError | undefined;
  #handshakeTimer: ReturnType<typeof setTimeout> | undefined;
  #reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  #attempt = 0;
  #wasReady = false;
  #sid: string | undefined;
  #ping: number | undefined;
  #pending: Deferred | undefined;
  // An iterator is full: each socket is paused as its events reach it, until the iterators drain.
  #readingPaused = false;
  // Someone listens to 'frame': kept as a flag so that every other frame skips the emitter's lookup.
  #tapsFrames = false;

  constructor(options: GatewayClientOptions) {
    const settings = (this.#settings = clientSettings(options));
    this.#factory = settings.factory;
    this.#emitter = new TypedEmitter<ClientEventMap>({
      listenerError: (name, error) => this.#reporter.listenerError(name, error),
      countChanged: (name) => {
        if (name === 'frame') this.#tapsFrames = this.#emitter.has('frame');
        this.#router.listenersChanged(name);
      },
    });
    this.#reporter = new ClientReporter(this.#emitter, settings.redact);
    this.#iterators = new EventIterators({
      countChanged: () => this.#router.iteratorsChanged(),
      pause: () => this.#pauseReading(),
      resume: () => this.#resumeReading(),
    });
    this.#router = new EventRouter({
      emitter: this.#emitter,
      iterators: this.#iterators,
      validation: settings.validation,
      reporter: this.#reporter,
    });
    this.#heartbeat = new Heartbeat({
      ping: () => {
        this.#reporter.debug(() => 'heartbeat: ping (2) sent');
        this.#socket?.send(encodePing());
      },
      dead: (timeoutMs) => this.#destroy(teardowns.heartbeatDead(timeoutMs)),
      pong: (roundTrip) => {
        // Tenths of a millisecond: finer is timer noise, coarser would show 0 on a fast link.
        const ping = Math.round(roundTrip * 10) / 10;
        this.#ping = ping;
        this.#reporter.debug(() => `heartbeat: pong (3) after ${ping.toFixed(1)} ms`);
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
    return this.#settings.url;
  }

  /** The `guildedClientId` sent in the query; the gateway echoes it in events this client caused. */
  get guildedClientId(): string {
    return this.#settings.guildedClientId;
  }

  /** The team of a team socket; undefined for the user socket. */
  get teamId(): string | undefined {
    return this.#settings.teamId;
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
      this.#iterators.holdForFirst();
      this.#open();
    }
    return pending.promise;
  }

  /** Ends the session: closes with 1000 (no reconnect) and resolves once the socket has closed. */
  async close(): Promise<void> {
    if (this.#status === 'idle' || this.#status === 'closed') return;
    const closed = this.#socket && whenClosed(this.#socket);
    this.#destroy(teardowns.closedByClient);
    await closed;
  }

  /** Sends a command (spec/commands.yaml). Throws NOT_CONNECTED unless the client is ready. */
  send<K extends CommandName>(name: K, ...args: CommandArgs<K>): void {
    const socket = this.#socket;
    if (this.#status !== 'ready' || socket === undefined) {
      throw this.#reporter.error(
        'NOT_CONNECTED',
        `cannot send ${name} while the client is ${this.#status}; the command was not sent, wait for the open event`,
        'drop',
      );
    }
    const [payload] = args;
    checkCommand(name, payload, this.#settings.validation, this.#reporter);
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
    return this.#iterators.iterate(options.bufferSize, this.#status === 'closed');
  }

  /** `for await (const event of client)`: the same as `events()`. */
  [Symbol.asyncIterator](): AsyncIterator<ClientEvent> {
    return this.events();
  }

  /** What `JSON.stringify` shows: no cookie, no headers. */
  toJSON(): Record<string, unknown> {
    return { status: this.#status, url: this.#settings.url, teamId: this.#settings.teamId, ping: this.#ping };
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
      loadNodeWebSocket(this.#settings.maxFrameBytes).then(
        (loaded) => {
          this.#factory = loaded;
          if (this.#status === 'connecting' && this.#socket === undefined) this.#open();
        },
        (error: unknown) => {
          if (this.#status === 'connecting') this.#destroy(teardowns.wsNotLoaded(error));
        },
      );
      return;
    }
    const { url, headers, handshakeTimeoutMs } = this.#settings;
    this.#reporter.debug(
      () =>
        `connecting to ${url}${this.#attempt > 0 ? ` (reconnect attempt ${this.#attempt})` : ''}, ` +
        `sending ${headerNames(headers)}; waiting up to ${handshakeTimeoutMs} ms for the hello and 40`,
    );
    let socket: WebSocketLike;
    try {
      socket = factory(url, { ...headers });
    } catch (error) {
      return this.#destroy(teardowns.notOpened(url, error));
    }
    this.#socket = socket;
    attachSocket(socket, this.#socketListeners());
    this.#handshakeTimer = setTimeout(
      () => this.#destroy(teardowns.handshakeTimeout(handshakeTimeoutMs, this.#handshakePhase())),
      handshakeTimeoutMs,
    );
  }

  /** What the handshake waits for: the upgrade until the socket is open, then the hello, then `40`. */
  #handshakePhase(): HandshakePhase {
    if (this.#sid !== undefined) return 'connect';
    return this.#socket?.readyState === ReadyState.open ? 'hello' : 'upgrade';
  }

  #socketListeners(): SocketListeners {
    return { frame: this.#onFrame, message: this.#onMessage, error: this.#onError, close: this.#onClose };
  }

  readonly #onMessage = (event: WebSocketEventLike): void => this.#onFrame(event.data);

  readonly #onFrame = (frame: unknown): void => {
    this.#heartbeat.heard();
    if (this.#tapsFrames && typeof frame === 'string') this.#emitter.emit('frame', frame);
    // Nearly every frame is an event the router takes as it lies; the rest are decoded here.
    if (!this.#router.take(frame)) this.#onPacket(decodeFrame(frame));
  };

  #onPacket(packet: Packet | DecodeError): void {
    switch (packet.type) {
      case 'event':
        return this.#router.dispatch(packet);
      case 'pong':
        return this.#heartbeat.acknowledge();
      case 'ping':
        return this.#socket?.send(encodePong(packet.data));
      case 'open':
        return this.#onHello(packet.hello, packet.adjustments);
      case 'connect':
        return packet.namespace === '/' ? this.#onReady() : undefined;
      case 'disconnect':
        return packet.namespace === '/' ? this.#destroy(teardowns.namespaceDisconnected) : undefined;
      case 'error':
        return packet.namespace === '/' ? this.#destroy(teardowns.connectRefused(packet.data, this.#retryAuthRefusal)) : undefined;
      case 'close':
        return this.#destroy(teardowns.engineClosed);
      case 'invalid':
        return this.#reporter.report('INVALID_FRAME', `${packet.reason}; the frame was dropped`, 'drop');
      // The client never asks for acks, and a websocket-only connection has nothing to upgrade.
      case 'ack':
      case 'upgrade':
      case 'noop':
        return;
    }
  }

  readonly #onError = (event: WebSocketEventLike): void => {
    const failure = socketError(event);
    // ws has sent 1009 and would wait up to 30 s for a peer that is still sending the frame.
    if (failure.frameTooLarge) return this.#destroy(teardowns.frameTooLarge(this.#settings.maxFrameBytes));
    // A close event follows; it decides what to do, with this error as its reason.
    this.#socketError = failure;
  };

  readonly #onClose = (event: WebSocketEventLike): void =>
    this.#destroy(teardowns.socketClosed(event, this.#socketError, this.#retryAuthRefusal));

  get #retryAuthRefusal(): boolean {
    return this.#settings.reconnect?.retryAuthRefusal ?? false;
  }

  /** An iterator is full: stop reading, so that TCP holds the gateway back. False when this socket cannot pause. */
  #pauseReading(): boolean {
    const socket = this.#socket;
    if (socket?.pause === undefined) return false;
    socket.pause();
    // Pongs wait behind the unread frames too.
    this.#heartbeat.hold();
    if (!this.#readingPaused) {
      this.#readingPaused = true;
      this.#reporter.debug(() => 'backpressure: an event iterator is full; reading paused until it is down to half');
    }
    return true;
  }

  #resumeReading(): void {
    if (!this.#readingPaused) return;
    this.#readingPaused = false;
    this.#socket?.resume?.();
    this.#heartbeat.release();
    this.#reporter.debug(() => 'backpressure: the event iterators caught up; reading resumed');
  }

  #onHello(hello: Hello, adjustments: readonly string[]): void {
    if (this.#status !== 'connecting') return;
    this.#sid = hello.sid;
    // The heartbeat runs on the values helloTiming made safe; each change is said.
    for (const adjustment of adjustments) this.#reporter.report('INVALID_HELLO', adjustment, 'continue');
    this.#reporter.debug(
      () =>
        `hello (0): sid ${hello.sid}, pingInterval ${hello.pingInterval} ms, pingTimeout ${hello.pingTimeout} ms; ` +
        `pinging every ${hello.pingInterval} ms`,
    );
    this.#heartbeat.start(hello.pingInterval, hello.pingTimeout);
    this.#emitter.emit('hello', hello);
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
    this.#reporter.debug(() => `ready (40): events flow${reconnected ? '; events sent while reconnecting are lost' : ''}`);
    this.#pending?.resolve();
    this.#pending = undefined;
    this.#iterators.connectionReady();
    this.#emitter.emit('open', { sid, reconnected });
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
    if (socket !== undefined) {
      // A connection we drop to reconnect needs no closing handshake, and a dead peer would never answer one.
      releaseSocket(socket, this.#socketListeners(), code, recover);
    }

    const policy = this.#settings.reconnect;
    if (recover && policy !== undefined && this.#attempt < policy.maxAttempts) {
      this.#attempt++;
      const attempt = this.#attempt;
      const delayMs = backoffDelay(attempt, policy);
      this.#status = 'reconnecting';
      this.#reconnectTimer = setTimeout(() => this.#open(), delayMs);
      const next = `reconnecting in ${delayMs} ms (attempt ${attempt} of ${policy.maxAttempts})`;
      this.#reporter.debug(() => `connection ended with ${code}: ${reason}; ${next}`);
      const cause = this.#reporter.error(error ?? 'CONNECTION_CLOSED', `${reason}; ${next}`, 'reconnect', {
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
    this.#reporter.debug(() => `connection ended with ${code}: ${reason}; the session ended${retries}`);
    const failure =
      error === undefined
        ? undefined
        : this.#reporter.error(error, `${reason}; the session ended${retries}`, 'stop', { closeCode: code, status });
    const pending = this.#pending;
    this.#pending = undefined;
    pending?.reject(
      failure ?? this.#reporter.error('CLIENT_CLOSED', 'the client was closed before the connection was ready', 'stop'),
    );
    this.#iterators.sessionEnded();
    // A failure that rejects connect() has reached the caller already; printing it too would say it twice.
    if (failure !== undefined) this.#reporter.emitError(failure, { reachedCaller: pending !== undefined });
    this.#emitter.emit('close', { code, reason: failure?.message ?? reason });
  }
}
