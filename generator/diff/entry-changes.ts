/** Compares the entries two specs share by name: events, commands, shared objects and the hello. */
import type { CommandSpec, EventSpec, ObjectSpec, SchemaNode, Spec } from '../load/model.js';
import { walkNode } from '../load/walk.js';
import { below, same, shownValue, type Changes, type Place } from './change.js';
import type { Side } from './rules.js';
import { compareNodes } from './schema-changes.js';

type Entry = EventSpec | CommandSpec;

/** Entry keys compared as annotations, and the rule each takes. */
const ANNOTATED = { description: 'description-changed', sources: 'sources-changed', examples: 'examples-changed', status: 'status-changed', aliases: 'aliases-changed' } as const;
/** Keys the loader adds or that are compared on their own. */
const OWN = new Set(['name', 'typeName', 'source', 'path', 'payload', 'wireNames', 'typeField', ...Object.keys(ANNOTATED)]);

/** The entry's keys beyond the known ones (a keyword added to the spec later), compared as values. */
function compareOtherKeys(before: Entry, after: Entry, place: Place, changes: Changes): void {
  const [was, now] = [before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>];
  for (const key of new Set([...Object.keys(now), ...Object.keys(was)])) {
    if (OWN.has(key) || same(was[key], now[key])) continue;
    changes.add('keyword-changed', below(place, undefined, [key]), `${key}: ${shownValue(was[key])} → ${shownValue(now[key])}`, now[key] === undefined);
  }
}

function compareAnnotations(before: Entry, after: Entry, place: Place, changes: Changes): void {
  for (const [key, rule] of Object.entries(ANNOTATED)) {
    const [was, now] = [before[key as keyof Entry], after[key as keyof Entry]];
    if (!same(was, now)) changes.add(rule, below(place, undefined, [key]), key === 'status' ? `${String(was)} → ${String(now)}` : undefined);
  }
}

function compareWireNames(before: EventSpec, after: EventSpec, place: Place, changes: Changes): void {
  after.wireNames.forEach((name, i) => {
    if (!before.wireNames.includes(name)) changes.add('wire-name-added', below(place, undefined, ['wireNames', i]), name);
  });
  before.wireNames.forEach((name, i) => {
    if (!after.wireNames.includes(name)) changes.add('wire-name-removed', below(place, undefined, ['wireNames', i]), name, true);
  });
  if (before.typeField !== after.typeField) changes.add(after.typeField ? 'type-field-added' : 'type-field-removed', below(place, undefined, ['typeField']));
}

const entryPlace = (subject: string, sides: readonly Side[], before: Entry | ObjectSpec, after: Entry | ObjectSpec): Place => ({
  subject,
  sides,
  pointer: '',
  before: { file: before.source, path: before.path },
  after: { file: after.source, path: after.path },
});

/** Every change between two versions of an event. */
export function compareEvents(before: EventSpec, after: EventSpec, changes: Changes): void {
  const place = entryPlace(`event ${after.name}`, ['read'], before, after);
  compareWireNames(before, after, place, changes);
  compareNodes(before.payload, after.payload, below(place, undefined, ['payload']), changes);
  compareAnnotations(before, after, place, changes);
  compareOtherKeys(before, after, place, changes);
}

/** Every change between two versions of a command. */
export function compareCommands(before: CommandSpec, after: CommandSpec, changes: Changes): void {
  const place = entryPlace(`command ${after.name}`, ['write'], before, after);
  const payload = below(place, undefined, ['payload']);
  if (before.payload && after.payload) compareNodes(before.payload, after.payload, payload, changes);
  else if (after.payload) changes.add('payload-added', payload);
  else if (before.payload) changes.add('payload-removed', payload, undefined, true);
  compareAnnotations(before, after, place, changes);
  compareOtherKeys(before, after, place, changes);
}

/** Every change between two versions of a shared object, read or sent as the entries that use it are. */
export function compareObjects(before: ObjectSpec, after: ObjectSpec, sides: readonly Side[], changes: Changes): void {
  compareNodes(before.schema, after.schema, entryPlace(`object ${after.name}`, sides, before, after), changes);
}

/** Every change between two versions of the hello, which the client reads first. */
export function compareHello(before: Spec, after: Spec, changes: Changes): void {
  const [was, now] = [before.connection.hello, after.connection.hello];
  const place: Place = {
    subject: 'hello',
    sides: ['read'],
    pointer: '',
    before: { file: before.connection.file, path: ['hello'] },
    after: { file: after.connection.file, path: ['hello'] },
  };
  compareNodes(was.payload, now.payload, below(place, undefined, ['payload']), changes);
  if (!same(was.description, now.description)) changes.add('description-changed', below(place, undefined, ['description']));
  if (!same(was.sources, now.sources)) changes.add('sources-changed', below(place, undefined, ['sources']));
  if (!same(was.examples, now.examples)) changes.add('examples-changed', below(place, undefined, ['examples']));
}

/**
 * Which sides use each shared object: read when an event or the hello reaches it through `$ref`s, sent
 * when a command does. An object nothing uses is read: the package exports it as a type.
 */
export function objectSides(spec: Spec): Map<string, Side[]> {
  const refs = (root: SchemaNode) => {
    const found: string[] = [];
    walkNode(root, [], (node) => {
      if (node.$ref) found.push(node.$ref);
    });
    return found;
  };
  const objects = new Map(spec.objects.map((object) => [object.name, object.schema]));
  const sides = new Map<string, Side[]>();
  const reach = (names: string[], side: Side) => {
    for (const name of names) {
      const seen = sides.get(name) ?? [];
      if (seen.includes(side)) continue;
      sides.set(name, [...seen, side]);
      const schema = objects.get(name);
      if (schema) reach(refs(schema), side);
    }
  };
  reach([...spec.events.flatMap((event) => refs(event.payload)), ...refs(spec.connection.hello.payload)], 'read');
  reach(spec.commands.flatMap((command) => (command.payload ? refs(command.payload) : [])), 'write');
  for (const object of spec.objects) if (!sides.has(object.name)) sides.set(object.name, ['read']);
  return sides;
}
