/**
 * Compares two connection.yaml files: endpoints, query parameters, headers, hello defaults, heartbeat,
 * packet types and close codes are listed as connection changes; their prose as annotations.
 */
import type { Spec } from '../load/model.js';
import type { SpecPath, YamlFile } from '../load/yaml-file.js';
import { same, shownValue, type Changes, type Place } from './change.js';

type Item = Record<string, unknown>;

/** A section of connection.yaml that lists items, and the key that names one. */
interface ListSection {
  readonly path: SpecPath;
  readonly label: string;
  readonly key: string;
}

const LISTS: readonly ListSection[] = [
  { path: ['endpoints'], label: 'endpoint', key: 'url' },
  { path: ['query'], label: 'query parameter', key: 'name' },
  { path: ['headers'], label: 'header', key: 'name' },
  { path: ['closeCodes'], label: 'close code', key: 'code' },
];
/** Sections that are one item each. */
const ITEMS: readonly { path: SpecPath; label: string }[] = [
  { path: ['overview'], label: 'overview' },
  { path: ['payloads'], label: 'payload layout' },
  { path: ['hello', 'defaults'], label: 'hello defaults' },
  { path: ['heartbeat'], label: 'heartbeat' },
  { path: ['frames'], label: 'frames' },
];
/** Sections that are maps of items, keyed by name. */
const MAPS: readonly { path: SpecPath; label: string }[] = [
  { path: ['frames', 'enginePacketTypes'], label: 'engine packet type' },
  { path: ['frames', 'socketPacketTypes'], label: 'socket packet type' },
];
/** Keys that are prose. */
const PROSE = new Set(['description', 'sources', 'exampleEvent']);
/** The maps inside `frames`, compared as MAPS. */
const NESTED = new Set(MAPS.map(({ path }) => path[path.length - 1]));

const valueAt = (root: unknown, path: SpecPath): unknown => path.reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], root);

class ConnectionDiff {
  constructor(
    readonly before: YamlFile,
    readonly after: YamlFile,
    readonly changes: Changes,
  ) {}

  place(subject: string, before: SpecPath, after: SpecPath = before): Place {
    return { subject, sides: ['read', 'write'], pointer: '', before: { file: this.before, path: before }, after: { file: this.after, path: after } };
  }

  /** One item's fields: prose as annotations, every other value as a connection change. */
  item(subject: string, was: Item, now: Item, before: SpecPath, after: SpecPath): void {
    for (const key of new Set([...Object.keys(now), ...Object.keys(was)])) {
      if (NESTED.has(key) || same(was[key], now[key])) continue;
      const place = this.place(subject, [...before, key], [...after, key]);
      const gone = now[key] === undefined;
      if (key === 'description') this.changes.add('description-changed', place, undefined, gone);
      else if (PROSE.has(key)) this.changes.add(key === 'sources' ? 'sources-changed' : 'examples-changed', place, `${key}: ${shownValue(was[key])} → ${shownValue(now[key])}`, gone);
      else this.changes.add('connection-value-changed', place, `${key}: ${shownValue(was[key])} → ${shownValue(now[key])}`, gone);
    }
  }

  /** Items matched by name: added, removed, or compared field by field. */
  members(label: string, was: [string, Item, SpecPath][], now: [string, Item, SpecPath][]): void {
    const old = new Map(was.map(([name, item, path]) => [name, { item, path }]));
    const current = new Map(now.map(([name, item, path]) => [name, { item, path }]));
    for (const [name, { item, path }] of current) {
      const previous = old.get(name);
      if (previous) this.item(`${label} ${name}`, previous.item, item, previous.path, path);
      else this.changes.add('connection-item-added', this.place(`${label} ${name}`, path));
    }
    for (const [name, { path }] of old) if (!current.has(name)) this.changes.add('connection-item-removed', this.place(`${label} ${name}`, path), undefined, true);
  }
}

/** Every change between the connection sections of two specs. */
export function compareConnection(before: Spec, after: Spec, changes: Changes): void {
  const diff = new ConnectionDiff(before.connection.file, after.connection.file, changes);
  const [was, now] = [before.connection as unknown, after.connection as unknown];
  for (const { path, label, key } of LISTS) {
    const entries = (root: unknown) => ((valueAt(root, path) ?? []) as Item[]).map((item, i): [string, Item, SpecPath] => [String(item[key]), item, [...path, i]]);
    diff.members(label, entries(was), entries(now));
  }
  for (const { path, label } of ITEMS) diff.item(label, (valueAt(was, path) ?? {}) as Item, (valueAt(now, path) ?? {}) as Item, path, path);
  for (const { path, label } of MAPS) {
    const entries = (root: unknown) => Object.entries((valueAt(root, path) ?? {}) as Record<string, Item>).map(([name, item]): [string, Item, SpecPath] => [name, item, [...path, name]]);
    diff.members(label, entries(was), entries(now));
  }
  // The open questions are prose: one changed, added or removed is an annotation.
  if (!same(before.connection.unknown, after.connection.unknown)) changes.add('description-changed', diff.place('open questions', ['unknown']), undefined);
}
