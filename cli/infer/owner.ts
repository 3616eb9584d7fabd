/**
 * Where in the spec a new field of a known event goes. A pointer into an event's payload often ends in
 * a shared object: `/message/embeds` of ChatMessageCreated belongs to Message (spec/objects/message.yaml),
 * which the payload reaches by `$ref`, and every event that carries a Message gets the field from there.
 * The owner is found by walking the event's payload schema in the generated JSON Schema bundle along
 * the pointer, following each `$ref`; the last object entered owns the field.
 *
 * The bundle is read from generated/schema/ next to this module: there in a checkout of the repository,
 * where a spec author acts on the proposal. The installed package leaves it out (its install budget),
 * and then the sentence says what it cannot name rather than guess.
 */
import { readFileSync } from 'node:fs';
import { events } from '../../generated/index.js';
import { specFileOf } from './spec-files.js';

/** The parts of a JSON Schema node that lead somewhere: what the bundle's walk needs. */
export interface SchemaNode {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly items?: SchemaNode;
  readonly additionalProperties?: SchemaNode | boolean;
  readonly anyOf?: readonly SchemaNode[];
}

/** The schemas of the bundle by name: every shared object and every event payload. */
export type SchemaDefs = Readonly<Record<string, SchemaNode>>;

const BUNDLE = new URL('../../generated/schema/gateway.schema.json', import.meta.url);
const REF_PREFIX = '#/$defs/';
// How a generalized pointer writes an array element or an id key (see generalize in cli/frames/pointer.ts).
const ANY = '*';

/** The shared object that holds a place, and at which segment of the pointer the walk entered it. */
interface Owner {
  readonly object: string;
  readonly enteredAt: number;
}

let bundled: SchemaDefs | null | undefined;

/** The bundle's schemas, read once; null when the bundle is not there (the installed package). */
function bundleDefs(): SchemaDefs | null {
  if (bundled === undefined) {
    try {
      bundled = (JSON.parse(readFileSync(BUNDLE, 'utf8')) as { $defs: SchemaDefs }).$defs;
    } catch {
      bundled = null;
    }
  }
  return bundled;
}

/**
 * What to do with the new field at `pointer` (generalized: `*` for array indexes and id keys) of the
 * event `eventName` (any of its wire spellings), as a sentence: `add \`embeds\` to the Message object
 * in spec/objects/message.yaml (reached from ChatMessageCreated at /message)`.
 */
export function whereToAdd(eventName: string, pointer: string, defs: SchemaDefs | null = bundleDefs()): string {
  const entry = events[eventName];
  if (!entry) throw new Error(`${eventName} is not an event of the spec`);
  const segments = pointer.slice(1).split('/').map(unescapeSegment);
  const key = segments.pop()!;
  const eventFile = specFileOf('events', entry.name);
  if (defs === null && segments.length > 0) {
    return `add \`${key}\` to what ${toPointer(segments)} of the ${entry.name} payload is: the payload (${eventFile}) or a shared object (spec/objects/); infer names it when run in a checkout of the repository`;
  }
  const payload = entry.validatorName.replace(/^validate/, '');
  const owner = defs === null ? undefined : walk(defs, { $ref: `${REF_PREFIX}${payload}` }, segments, 0, undefined);
  // The payload's own field, or a place the bundle does not have (it is older than the validators): the event's file.
  if (owner === undefined || owner.object === payload) return `add \`${key}\` to the ${entry.name} payload${at(segments)} in ${eventFile}`;
  const reached = toPointer(segments.slice(0, owner.enteredAt));
  return `add \`${key}\` to the ${owner.object} object${at(segments.slice(owner.enteredAt))} in ${specFileOf('objects', owner.object)} (reached from ${entry.name} at ${reached})`;
}

/**
 * Walks `node` along `segments` from `index`; the owner of the object they lead to, or undefined when the
 * schema has no such object. Of several `anyOf` branches that have it, the first is taken.
 */
function walk(defs: SchemaDefs, node: SchemaNode, segments: readonly string[], index: number, owner: Owner | undefined): Owner | undefined {
  if (node.$ref !== undefined) {
    const name = node.$ref.startsWith(REF_PREFIX) ? node.$ref.slice(REF_PREFIX.length) : undefined;
    const target = name === undefined ? undefined : defs[name];
    return target && walk(defs, target, segments, index, { object: name!, enteredAt: index });
  }
  for (const branch of node.anyOf ?? []) {
    const found = walk(defs, branch, segments, index, owner);
    if (found) return found;
  }
  if (index === segments.length) return holdsKeys(node) ? owner : undefined;
  const segment = segments[index]!;
  const next =
    node.properties?.[segment] ??
    (segment === ANY && node.items ? node.items : undefined) ??
    (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
  return next && walk(defs, next, segments, index + 1, owner);
}

/** Whether a new key can go in `node`: it is an object (the `null` of a nullable object is not). */
function holdsKeys(node: SchemaNode): boolean {
  return node.properties !== undefined || node.type === 'object' || (Array.isArray(node.type) && node.type.includes('object'));
}

/** ` at /a/b` for a place inside an object, nothing for the object itself. */
function at(segments: readonly string[]): string {
  return segments.length === 0 ? '' : ` at ${toPointer(segments)}`;
}

function toPointer(segments: readonly string[]): string {
  return segments.map((segment) => `/${segment.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
