/** The whole comparison of two loaded specs: every change, classified, and the release step they need. */
import type { Spec } from '../load/model.js';
import { Changes, same, type Change, type Place } from './change.js';
import { compareConnection } from './connection-changes.js';
import { compareCommands, compareEvents, compareHello, compareObjects, objectSides } from './entry-changes.js';
import { IMPACTS, RULES, STEP_OF, type Impact, type SemverStep } from './rules.js';

/** What `diff` found. */
export interface SpecDiff {
  readonly changes: readonly Change[];
  readonly counts: Readonly<Record<Impact, number>>;
  /** The release step the package needs for these changes. */
  readonly step: SemverStep;
}

interface Named {
  readonly name: string;
  readonly source: Place['after']['file'];
  readonly path: Place['after']['path'];
}

/** Entries matched by name: added, removed, or compared with `compare`. */
function matchEntries<T extends Named>(
  kind: string,
  before: readonly T[],
  after: readonly T[],
  changes: Changes,
  compare: (was: T, now: T) => void,
): void {
  const old = new Map(before.map((entry) => [entry.name, entry]));
  const current = new Set(after.map((entry) => entry.name));
  const place = (was: T | undefined, now: T): Place => ({
    subject: `${kind} ${now.name}`,
    sides: kind === 'command' ? ['write'] : ['read'],
    pointer: '',
    before: { file: (was ?? now).source, path: (was ?? now).path },
    after: { file: now.source, path: now.path },
  });
  for (const entry of after) {
    const was = old.get(entry.name);
    if (was) compare(was, entry);
    else changes.add('entry-added', place(undefined, entry));
  }
  for (const entry of before) if (!current.has(entry.name)) changes.add('entry-removed', place(entry, entry), undefined, true);
}

/** Every change from `before` to `after`, in spec order: events, commands, objects, the hello, the connection, the sources. */
export function diffSpecs(before: Spec, after: Spec): SpecDiff {
  const changes = new Changes();
  matchEntries('event', before.events, after.events, changes, (was, now) => compareEvents(was, now, changes));
  matchEntries('command', before.commands, after.commands, changes, (was, now) => compareCommands(was, now, changes));
  const sides = objectSides(after);
  matchEntries('object', before.objects, after.objects, changes, (was, now) => compareObjects(was, now, sides.get(now.name) ?? ['read'], changes));
  compareHello(before, after, changes);
  compareConnection(before, after, changes);
  const sourcesFile = after.files.find((file) => file.kind === 'sources')?.file ?? 'sources.yaml';
  for (const tag of new Set([...after.sources.keys(), ...before.sources.keys()])) {
    if (same(before.sources.get(tag), after.sources.get(tag))) continue;
    const how = !before.sources.has(tag) ? 'added' : !after.sources.has(tag) ? 'removed' : 'changed';
    // The loader keeps no positions in sources.yaml: a change there points at its first line.
    changes.list.push({ rule: 'source-tag-changed', impact: 'annotation', subject: `source ${tag}`, pointer: '', message: `${RULES['source-tag-changed'].what}: ${how}`, file: sourcesFile, line: 1, col: 1, was: false });
  }
  return summarize(changes.list);
}

/** The counts by impact, and the release step the worst change needs. */
export function summarize(changes: readonly Change[]): SpecDiff {
  const counts = Object.fromEntries(IMPACTS.map((impact) => [impact, changes.filter((change) => change.impact === impact).length])) as Record<Impact, number>;
  const worst = IMPACTS.find((impact) => counts[impact] > 0);
  return { changes, counts, step: worst === undefined ? 'none' : STEP_OF[worst] };
}
