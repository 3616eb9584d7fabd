/**
 * What many payloads have in common, gathered one sample at a time: at each place, which JSON types
 * were seen and how often, which keys objects had, what strings looked like. Memory grows with the
 * number of distinct places, not with the number of samples.
 */
import { STRING_FORMATS } from '../../generated/index.js';

// A string field with this few values over this many samples is proposed as an enum.
export const MAX_ENUM_VALUES = 5;
export const MIN_ENUM_SAMPLES = 10;
// An object with more distinct keys than this, over all samples, is taken for a map keyed by ids.
const MAX_PROPERTIES = 200;

// The spec's own format patterns, as the generated validators check them, so that a proposed format
// accepts exactly what the generated validator will.
const UUID = new RegExp(STRING_FORMATS.uuid.pattern);
const DATE_TIME = new RegExp(STRING_FORMATS['date-time'].pattern);
const isIdKey = (key: string): boolean => /^\d+$/.test(key) || UUID.test(key);

/** Everything seen at one place of the payloads. */
export class Shape {
  /** Values seen here, null included. */
  seen = 0;
  nulls = 0;
  booleans = 0;
  integers = 0;
  /** Numbers with a fraction. */
  fractions = 0;
  strings = 0;
  uuids = 0;
  dateTimes = 0;
  /** The distinct strings, until there are more than MAX_ENUM_VALUES of them; then undefined. */
  distinct: Set<string> | undefined = new Set();
  /** Objects with ordinary keys (or none). */
  objects = 0;
  readonly properties = new Map<string, Shape>();
  /** Objects whose keys are all ids (digits or uuids), such as rolesById: their values merged. */
  maps = 0;
  mapValues: Shape | undefined;
  arrays = 0;
  /** Every element of every array, merged. */
  items: Shape | undefined;
  // Set once the object had too many distinct keys: every later object is taken for a map too.
  #folded = false;

  /** Adds one value seen here. */
  add(value: unknown): void {
    this.seen++;
    if (value === null) {
      this.nulls++;
    } else if (typeof value === 'boolean') {
      this.booleans++;
    } else if (typeof value === 'number') {
      if (Number.isInteger(value)) this.integers++;
      else this.fractions++;
    } else if (typeof value === 'string') {
      this.#addString(value);
    } else if (Array.isArray(value)) {
      this.arrays++;
      for (const item of value) (this.items ??= new Shape()).add(item);
    } else if (typeof value === 'object') {
      this.#addObject(value as Record<string, unknown>);
    }
  }

  /** Folds another shape of the same place into this one. */
  absorb(other: Shape): void {
    this.seen += other.seen;
    this.nulls += other.nulls;
    this.booleans += other.booleans;
    this.integers += other.integers;
    this.fractions += other.fractions;
    this.strings += other.strings;
    this.uuids += other.uuids;
    this.dateTimes += other.dateTimes;
    if (this.distinct && other.distinct) for (const text of other.distinct) this.#remember(text);
    else this.distinct = undefined;
    this.objects += other.objects;
    for (const [key, shape] of other.properties) this.#property(key).absorb(shape);
    this.maps += other.maps;
    if (other.mapValues) (this.mapValues ??= new Shape()).absorb(other.mapValues);
    this.arrays += other.arrays;
    if (other.items) (this.items ??= new Shape()).absorb(other.items);
    this.#foldIfTooWide();
  }

  #addString(text: string): void {
    this.strings++;
    if (UUID.test(text)) this.uuids++;
    else if (DATE_TIME.test(text)) this.dateTimes++;
    this.#remember(text);
  }

  #remember(text: string): void {
    if (!this.distinct || this.distinct.has(text)) return;
    if (this.distinct.size === MAX_ENUM_VALUES) this.distinct = undefined;
    else this.distinct.add(text);
  }

  #addObject(object: Record<string, unknown>): void {
    const keys = Object.keys(object);
    if (this.#folded || (keys.length > 0 && keys.every(isIdKey))) {
      this.maps++;
      const values = (this.mapValues ??= new Shape());
      for (const key of keys) values.add(object[key]);
      return;
    }
    this.objects++;
    for (const key of keys) this.#property(key).add(object[key]);
    this.#foldIfTooWide();
  }

  #property(key: string): Shape {
    let shape = this.properties.get(key);
    if (!shape) this.properties.set(key, (shape = new Shape()));
    return shape;
  }

  // Keys that never repeat (user ids, say) would grow without end: past MAX_PROPERTIES the object is a map.
  #foldIfTooWide(): void {
    if (this.properties.size <= MAX_PROPERTIES) return;
    const values = (this.mapValues ??= new Shape());
    for (const shape of this.properties.values()) values.absorb(shape);
    this.properties.clear();
    this.maps += this.objects;
    this.objects = 0;
    this.#folded = true;
  }
}
