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
 * ping unanswered within pingTimeout means the link is dead. The `acked` flag also catches a ping still
 * unanswered at the next beat, for a server whose pingTimeout is longer than its pingInterval.
 */
export class Heartbeat {
  readonly #hooks: HeartbeatHooks;
  #beatTimer: ReturnType<typeof setTimeout> | undefined;
  #deadlineTimer: ReturnType<typeof setTimeout> | undefined;
  #acked = true;
  #sentAt = 0;

  constructor(hooks: HeartbeatHooks) {
    this.#hooks = hooks;
  }

  /** Starts beating (the first ping goes out after one interval), replacing any earlier schedule. */
  start(intervalMs: number, timeoutMs: number): void {
    this.stop();
    const beat = (): void => {
      if (!this.#acked) return this.#hooks.dead(timeoutMs);
      this.#acked = false;
      this.#sentAt = performance.now();
      this.#deadlineTimer = setTimeout(() => this.#hooks.dead(timeoutMs), timeoutMs);
      this.#beatTimer = setTimeout(beat, intervalMs);
      this.#hooks.ping();
    };
    this.#beatTimer = setTimeout(beat, intervalMs);
  }

  /** Records a pong. A pong that answers no outstanding ping is ignored. */
  acknowledge(): void {
    if (this.#acked) return;
    this.#acked = true;
    clearTimeout(this.#deadlineTimer);
    this.#deadlineTimer = undefined;
    this.#hooks.pong(performance.now() - this.#sentAt);
  }

  /** Clears both timers. */
  stop(): void {
    clearTimeout(this.#beatTimer);
    clearTimeout(this.#deadlineTimer);
    this.#beatTimer = undefined;
    this.#deadlineTimer = undefined;
    this.#acked = true;
  }
}
