import { events, type EventEntry } from '../generated/index.js';

/** An event someone listens to, by one of its wire spellings. */
export interface ListenedEvent {
  /** The wire spelling, as in the frame. */
  readonly spelling: string;
  readonly entry: EventEntry;
}

/** The listened spellings of one name length, keyed by the characters at that length's distinguishing positions. */
interface Bucket<Event extends ListenedEvent> {
  readonly positions: readonly number[];
  readonly keys: readonly number[];
  readonly listened: readonly Event[];
}

const MAX_POSITIONS = 4;

/**
 * The events someone listens to, found by a name still inside its frame. `find` reads the name's length
 * and a few of its characters, chosen so that no two spec events of one length agree on all of them, so
 * that a frame nobody listens to is dropped after a handful of comparisons and without making a string.
 */
export class ListenedEvents<Event extends ListenedEvent = ListenedEvent> {
  readonly #byName: ReadonlyMap<string, Event>;
  readonly #byLength: ReadonlyArray<Bucket<Event> | undefined>;

  constructor(listened: Iterable<Event>) {
    const byName = new Map<string, Event>();
    for (const event of listened) byName.set(event.spelling, event);
    const byLength: Array<Bucket<Event> | undefined> = [];
    for (const event of byName.values()) {
      const length = event.spelling.length;
      const positions = distinguishingPositions(length);
      const bucket = (byLength[length] ??= { positions, keys: [], listened: [] });
      (bucket.keys as number[]).push(keyAt(event.spelling, 0, positions));
      (bucket.listened as Event[]).push(event);
    }
    this.#byName = byName;
    this.#byLength = byLength;
  }

  /** The listened event by exact name. */
  get(name: string): Event | undefined {
    return this.#byName.get(name);
  }

  /** The listened event whose spelling is `frame` from `start` to `end` (exclusive), compared in place. */
  find(frame: string, start: number, end: number): Event | undefined {
    const bucket = this.#byLength[end - start];
    if (bucket === undefined) return undefined;
    const key = keyAt(frame, start, bucket.positions);
    const { keys, listened } = bucket;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] !== key) continue;
      const event = listened[i] as Event;
      // `indexOf` finds a match at `start` in less than half the time `startsWith(spelling, start)` takes
      // (V8, Node 20); it scans further only after a mismatch, which the key makes rare.
      if (frame.indexOf(event.spelling, start) === start) return event;
    }
    return undefined;
  }
}

function keyAt(text: string, start: number, positions: readonly number[]): number {
  let key = 0;
  for (let i = 0; i < positions.length; i++) key = (Math.imul(key, 65_599) + text.charCodeAt(start + (positions[i] as number))) | 0;
  return key;
}

/** Every wire spelling of the spec, by length. */
const SPELLINGS_BY_LENGTH = (() => {
  const byLength = new Map<number, string[]>();
  for (const spelling of Object.keys(events)) byLength.set(spelling.length, [...(byLength.get(spelling.length) ?? []), spelling]);
  return byLength;
})();

const POSITIONS = new Map<number, readonly number[]>();

/**
 * Positions that tell apart the spec's spellings of `length` (chosen greedily, at most four): names of
 * one family differ in few places (ChatMessageCreated, ChatMessageDeleted).
 */
function distinguishingPositions(length: number): readonly number[] {
  const known = POSITIONS.get(length);
  if (known !== undefined) return known;
  const spellings = SPELLINGS_BY_LENGTH.get(length) ?? [];
  const positions: number[] = [0, length - 1];
  const distinct = (candidate: readonly number[]): number =>
    new Set(spellings.map((spelling) => keyAt(spelling, 0, candidate))).size;
  while (positions.length < MAX_POSITIONS && distinct(positions) < spellings.length) {
    let best = -1;
    let bestCount = distinct(positions);
    for (let position = 1; position < length - 1; position++) {
      const count = distinct([...positions, position]);
      if (count > bestCount) [best, bestCount] = [position, count];
    }
    if (best === -1) break;
    positions.push(best);
  }
  POSITIONS.set(length, positions);
  return positions;
}
