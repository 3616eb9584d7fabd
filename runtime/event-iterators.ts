import type { ClientEvent } from './client-events.js';
import { EventQueue } from './event-queue.js';

const DEFAULT_BUFFER_SIZE = 1000;

/** What the iterators ask of the client. */
export interface EventIteratorsHooks {
  /** An iterator started or ended. */
  countChanged(): void;
  /** An iterator is full: stop reading the socket. Returns false when the socket cannot pause. */
  pause(): boolean;
  /** No iterator is full any more: read the socket again. */
  resume(): void;
}

/**
 * The client's `for await` iterators, each a bounded queue, and the one kept for the first of them.
 *
 * Events that arrive in the same socket read as `40` are dispatched before the code after
 * `await connect()` runs, so an iterator created there would miss them. When no iterator exists yet,
 * connect() starts one of its own (`holdForFirst`); the first `iterate` call takes it over, and if none
 * has by the tick after the connection is ready, it is dropped (listeners had the events all along).
 */
export class EventIterators {
  readonly #queues = new Set<EventQueue<ClientEvent>>();
  readonly #hooks: EventIteratorsHooks;
  // The iterators that paused the socket: it is read again when the last of them drains.
  readonly #full = new Set<EventQueue<ClientEvent>>();
  /** Events since connect(), kept for the first iterator. */
  #held: EventQueue<ClientEvent> | undefined;
  #heldTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(hooks: EventIteratorsHooks) {
    this.#hooks = hooks;
  }

  /** How many iterators run, the held one included. */
  get size(): number {
    return this.#queues.size;
  }

  /** Hands an event to every iterator. */
  push(event: ClientEvent): void {
    for (const queue of this.#queues) queue.push(event);
  }

  /**
   * A new iterator, or the held one with every event since the connection was ready; one made after
   * the session ended (`sessionEnded`) ends at once.
   */
  iterate(bufferSize: number | undefined, sessionEnded: boolean): AsyncIterableIterator<ClientEvent> {
    const held = this.#held;
    if (held !== undefined) {
      if (bufferSize !== undefined) held.resize(bufferSize);
      this.#stopHolding();
      return held;
    }
    const queue = this.#newQueue(bufferSize ?? DEFAULT_BUFFER_SIZE);
    if (sessionEnded) queue.end();
    return queue;
  }

  /** connect() starts a session: keep its events for the first iterator, unless one runs already. */
  holdForFirst(): void {
    if (this.#held !== undefined || this.#queues.size > 0) return;
    this.#held = this.#newQueue(DEFAULT_BUFFER_SIZE);
  }

  /** The connection is ready: drop the held iterator if nobody has taken it by the next tick. */
  connectionReady(): void {
    const held = this.#held;
    // A timer, not a microtask: it must run after the continuation of `await connect()`.
    if (held !== undefined && this.#heldTimer === undefined) {
      this.#heldTimer = setTimeout(() => {
        this.#stopHolding();
        void held.return();
      }, 0);
    }
  }

  /** The session ended: every iterator ends after its buffered events. */
  sessionEnded(): void {
    // An iterator created after the session ended gets nothing of it.
    const held = this.#held;
    this.#stopHolding();
    void held?.return();
    for (const queue of this.#queues) queue.end();
  }

  #newQueue(bufferSize: number): EventQueue<ClientEvent> {
    const queue: EventQueue<ClientEvent> = new EventQueue(bufferSize, {
      finished: () => {
        this.#queues.delete(queue);
        this.#hooks.countChanged();
      },
      full: () => {
        if (!this.#hooks.pause()) return false;
        this.#full.add(queue);
        return true;
      },
      drained: () => {
        this.#full.delete(queue);
        if (this.#full.size === 0) this.#hooks.resume();
      },
    });
    this.#queues.add(queue);
    this.#hooks.countChanged();
    return queue;
  }

  #stopHolding(): void {
    clearTimeout(this.#heldTimer);
    this.#heldTimer = undefined;
    this.#held = undefined;
  }
}
