import { GatewayError } from './errors.js';

/** What a queue tells its producer. */
export interface EventQueueHooks {
  /** Runs once, when the queue ends, fails, or the consumer stops. */
  finished(): void;
  /**
   * The consumer is `capacity` values behind and another arrived: pause the producer. Returns false when
   * it cannot pause; the queue then stops taking values and ends with BUFFER_OVERFLOW.
   */
  full(): boolean;
  /** A queue that was full is down to half its capacity, or finished: the producer may go on. */
  drained(): void;
}

/**
 * A bounded buffer read by `for await`. The producer pushes; the consumer's `next()` waits when it is
 * empty. When the consumer falls `capacity` values behind, the queue asks the producer to pause and
 * still takes what was already on its way, so that nothing is lost or reordered; once the consumer is
 * down to half, it lets the producer go on. A producer that cannot pause makes the queue stop taking
 * values and, after the buffered ones, `next()` rejects with BUFFER_OVERFLOW: losing events silently
 * would be worse.
 */
export class EventQueue<T> implements AsyncIterableIterator<T> {
  #capacity: number;
  readonly #hooks: EventQueueHooks;
  readonly #buffer: T[] = [];
  #head = 0;
  #waiting: ((result: IteratorResult<T>) => void) | undefined;
  #waitingFailed: ((error: unknown) => void) | undefined;
  #finished = false;
  #failure: GatewayError | undefined;
  // The producer was paused for this queue and waits for it to drain.
  #holding = false;

  constructor(capacity: number, hooks: EventQueueHooks) {
    this.#capacity = checkedCapacity(capacity);
    this.#hooks = hooks;
  }

  /** How many values wait for the consumer. */
  get length(): number {
    return this.#buffer.length - this.#head;
  }

  /** Sets how far the consumer may fall behind from now on; events already buffered stay. */
  resize(capacity: number): void {
    this.#capacity = checkedCapacity(capacity);
  }

  /** Hands a value to the waiting consumer, or buffers it. */
  push(value: T): void {
    if (this.#finished) return;
    const waiting = this.#waiting;
    if (waiting) {
      this.#clearWaiting();
      return waiting({ value, done: false });
    }
    if (this.length >= this.#capacity) {
      // Asked again for every value past capacity: after a reconnect the producer is a new socket.
      if (!this.#hooks.full()) {
        return this.fail(
          new GatewayError(
            'BUFFER_OVERFLOW',
            `event iterator fell more than ${this.#capacity} events behind and this websocket cannot pause reading; it ended after the buffered events, consume faster or raise bufferSize`,
            'stop',
          ),
        );
      }
      this.#holding = true;
    }
    this.#buffer.push(value);
  }

  /** Ends the iteration after the buffered values. */
  end(): void {
    this.#finish();
  }

  /** Ends the iteration with an error after the buffered values. */
  fail(error: GatewayError): void {
    if (this.#finished) return;
    this.#failure = error;
    this.#finish();
  }

  next(): Promise<IteratorResult<T>> {
    if (this.#head < this.#buffer.length) {
      const value = this.#buffer[this.#head] as T;
      this.#head++;
      // Compact now and then so a long-lived queue does not keep every consumed value alive.
      if (this.#head > 1024 && this.#head * 2 > this.#buffer.length) {
        this.#buffer.splice(0, this.#head);
        this.#head = 0;
      }
      if (this.#holding && this.length <= this.#capacity / 2) this.#release();
      return Promise.resolve({ value, done: false });
    }
    if (this.#failure) {
      const failure = this.#failure;
      this.#failure = undefined;
      return Promise.reject(failure);
    }
    if (this.#finished) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.#waiting = resolve;
      this.#waitingFailed = reject;
    });
  }

  return(): Promise<IteratorResult<T>> {
    this.#buffer.length = 0;
    this.#head = 0;
    this.#failure = undefined;
    this.#finish();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  #finish(): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#hooks.finished();
    if (this.#holding) this.#release();
    const waiting = this.#waiting;
    const waitingFailed = this.#waitingFailed;
    this.#clearWaiting();
    const failure = this.#failure;
    if (failure && waitingFailed) {
      this.#failure = undefined;
      waitingFailed(failure);
    } else {
      waiting?.({ value: undefined, done: true });
    }
  }

  #release(): void {
    this.#holding = false;
    this.#hooks.drained();
  }

  #clearWaiting(): void {
    this.#waiting = undefined;
    this.#waitingFailed = undefined;
  }
}

function checkedCapacity(capacity: number): number {
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new RangeError(`event buffer size ${capacity} is not a positive integer; no iterator was created`);
  }
  return capacity;
}
