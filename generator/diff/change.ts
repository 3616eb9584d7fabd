import type { SpecPath, YamlFile } from '../load/yaml-file.js';
import { impactOf, RULES, type Impact, type RuleId, type Side } from './rules.js';

/** One change between two specs, classified, with its place. */
export interface Change {
  readonly rule: RuleId;
  readonly impact: Impact;
  /** What it is in: `event ChatMessageCreated`, `command logout`, `object Message`, `hello`, `endpoint wss://…`. */
  readonly subject: string;
  /** A JSON pointer into the payload (`/message/id`; `*` stands for every element or map value); empty for the entry itself. */
  readonly pointer: string;
  /** What the rule says, and the values when they help: `the type was widened: string → string or integer`. */
  readonly message: string;
  readonly file: string;
  readonly line: number;
  readonly col: number;
  /** True when the place is in the old spec: the thing is gone from the new one. */
  readonly was: boolean;
}

/** A place in one of the two specs: a file, and a path in it. */
export interface Spot {
  readonly file: YamlFile;
  readonly path: SpecPath;
}

/** Where a comparison stands: in what, for whom, at which payload pointer, and where that is in each spec. */
export interface Place {
  readonly subject: string;
  readonly sides: readonly Side[];
  readonly pointer: string;
  readonly before: Spot;
  readonly after: Spot;
}

/** `place` one step down: `pointer` extends the payload pointer (undefined keeps it), the path segments each spec's path. */
export function below(place: Place, pointer: string | undefined, before: SpecPath, after: SpecPath = before): Place {
  return {
    ...place,
    pointer: pointer === undefined ? place.pointer : `${place.pointer}/${pointer.replace(/~/g, '~0').replace(/\//g, '~1')}`,
    before: { file: place.before.file, path: [...place.before.path, ...before] },
    after: { file: place.after.file, path: [...place.after.path, ...after] },
  };
}

/** Collects changes in the order they are found. */
export class Changes {
  readonly list: Change[] = [];

  /** Records `rule` at `place`, located in the new spec, or with `was` in the old one. */
  add(rule: RuleId, place: Place, detail?: string, was = false): void {
    const spot = was ? place.before : place.after;
    const { line, col } = spot.file.position(spot.path);
    this.list.push({
      rule,
      impact: impactOf(rule, place.sides),
      subject: place.subject,
      pointer: place.pointer,
      message: detail === undefined ? RULES[rule].what : `${RULES[rule].what}: ${detail}`,
      file: spot.file.file,
      line,
      col,
      was,
    });
  }
}

/** A value as a change's detail shows it. */
export function shownValue(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

/** Whether two values from the spec are the same, keys in any order. */
export function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/** JSON with object keys sorted, so that equal values give equal text. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}
