/** What the heartbeat asks of its connection. */
export interface HeartbeatHooks {
  /** Send one Engine.IO ping. */
  ping(): void;
  /** A ping went unanswered: the link is dead. */
  dead(timeoutMs: number): void;
  /** A pong arrived `latency` ms after its ping. */
  pong(latency: number): void;
}

/**
 * Engine.IO 3 heartbeat (spec/connection.yaml `heartbeat`): the client pings every pingInterval and a
 * ping unanswered within pingTimeout means the link is dead, unless other frames arrived meanwhile: as
 * in engine.io-client 3, any frame proves the link alive, and a pong may wait behind a backlog of them.
 * The `acked` flag also catches a ping still unanswered at the next beat, for a server whose pingTimeout
 * is longer than its pingInterval.
 */
export class Heartbeat {
  readonly #hooks: HeartbeatHooks;
  #beatTimer: ReturnType<typeof setTimeout> | undefined;
  #deadlineTimer: ReturnType<typeof setTimeout> | undefined;
  #acked = true;
  // Frames so far, and at the last beat: each judge asks whether any arrived since it last looked.
  #frames = 0;
  #framesAtBeat = 0;
  #held = false;
  #sentAt = 0;
  #timeoutMs = 0;

  constructor(hooks: HeartbeatHooks) {
    this.#hooks = hooks;
  }

  /** Starts beating (the first ping goes out after one interval), replacing any earlier schedule. */
  start(intervalMs: number, timeoutMs: number): void {
    this.stop();
    this.#timeoutMs = timeoutMs;
    const beat = (): void => {
      if (!this.#acked && !this.#held && this.#frames === this.#framesAtBeat) return this.#hooks.dead(timeoutMs);
      this.#framesAtBeat = this.#frames;
      // While held, pings go on so that the server keeps the link; the oldest unanswered one is timed.
      if (this.#acked) this.#sentAt = performance.now();
      this.#acked = false;
      if (!this.#held) this.#armDeadline();
      this.#beatTimer = setTimeout(beat, intervalMs);
      this.#hooks.ping();
    };
    this.#beatTimer = setTimeout(beat, intervalMs);
  }

  /** A frame arrived. Called for every frame, so it only counts. */
  heard(): void {
    this.#frames++;
  }

  /** Records a pong. A pong that answers no outstanding ping is ignored. */
  acknowledge(): void {
    if (this.#acked) return;
    this.#acked = true;
    clearTimeout(this.#deadlineTimer);
    this.#deadlineTimer = undefined;
    this.#hooks.pong(performance.now() - this.#sentAt);
  }

  /**
   * The client stopped reading the socket (backpressure): a pong waits behind unread frames, so an
   * unanswered ping proves nothing until `release`.
   */
  hold(): void {
    this.#held = true;
    clearTimeout(this.#deadlineTimer);
    this.#deadlineTimer = undefined;
  }

  /** Reading goes on: a ping still unanswered gets a full pingTimeout from now. */
  release(): void {
    if (!this.#held) return;
    this.#held = false;
    if (!this.#acked && this.#beatTimer !== undefined) this.#armDeadline();
  }

  /** Clears both timers. */
  stop(): void {
    clearTimeout(this.#beatTimer);
    clearTimeout(this.#deadlineTimer);
    this.#beatTimer = undefined;
    this.#deadlineTimer = undefined;
    this.#acked = true;
    this.#framesAtBeat = this.#frames;
    this.#held = false;
  }

  #armDeadline(): void {
    const timeoutMs = this.#timeoutMs;
    clearTimeout(this.#deadlineTimer);
    const frames = this.#frames;
    this.#deadlineTimer = setTimeout(() => {
      if (this.#frames === frames) return this.#hooks.dead(timeoutMs);
      this.#armDeadline();
    }, timeoutMs);
  }
}
