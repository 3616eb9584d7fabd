/** An entry waiting for XADD: its partition and its fields. */
export interface QueuedEntry {
  readonly kind: 'entry';
  readonly partition: number;
  readonly fields: string[];
}

/** Where events were dropped: how many of each partition. */
export interface QueuedGap {
  readonly kind: 'gap';
  readonly dropped: Map<number, number>;
}

export type QueuedItem = QueuedEntry | QueuedGap;

/**
 * The publisher's bounded buffer, in arrival order. When it is full an event is not kept but counted,
 * in a gap marker at the place it would have been, so that the gap reaches each partition in order.
 */
export class PublishQueue {
  #items: QueuedItem[] = [];
  #entries = 0;
  readonly #capacity: number;

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  /** Events waiting. */
  get size(): number {
    return this.#entries;
  }

  /** Keeps an entry, or counts it as dropped when the buffer is full; returns whether it was kept. */
  push(entry: QueuedEntry): boolean {
    if (this.#entries < this.#capacity) {
      this.#items.push(entry);
      this.#entries++;
      return true;
    }
    const last = this.#items.at(-1);
    if (last?.kind === 'gap') {
      last.dropped.set(entry.partition, (last.dropped.get(entry.partition) ?? 0) + 1);
    } else {
      this.#items.push({ kind: 'gap', dropped: new Map([[entry.partition, 1]]) });
    }
    return false;
  }

  /** Takes up to `count` items from the front. */
  take(count: number): QueuedItem[] {
    const taken = this.#items.splice(0, count);
    for (const item of taken) if (item.kind === 'entry') this.#entries--;
    return taken;
  }

  /** Puts back items that were not written, in front, as they were. */
  restore(items: readonly QueuedItem[]): void {
    this.#items = [...items, ...this.#items];
    for (const item of items) if (item.kind === 'entry') this.#entries++;
  }

  get empty(): boolean {
    return this.#items.length === 0;
  }
}
