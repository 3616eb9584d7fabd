/**
 * Turns what infer gathered into the spec's dialect (spec/README.md): a valid events file for the
 * events the spec lacks, and the new fields of the events it has, for a spec author to review.
 */
import path from 'node:path';
import { Document, isMap, isScalar, isSeq, visit, type Node } from 'yaml';
import type { KnownEvent, UnknownEvent } from './collect.js';
import { MAX_ENUM_VALUES, MIN_ENUM_SAMPLES, type Shape } from './merge.js';
import { whereToAdd } from './owner.js';

/** A schema node of the spec's dialect, as infer proposes it. */
export interface ProposedNode {
  type?: string | string[];
  format?: 'uuid' | 'date-time';
  enum?: string[];
  optional?: true;
  nullable?: true;
  properties?: Record<string, ProposedNode>;
  additionalProperties?: ProposedNode;
  items?: ProposedNode;
  description?: string;
}

// Event names the spec can hold (its meta-schema's propertyNames).
const EVENT_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const MAX_FILES_NAMED = 5;
// Maps and lists this short are written on one line, as the spec's own files do.
const FLOW_WIDTH = 72;

/** The schema node for everything seen at one place. */
export function toNode(shape: Shape): ProposedNode {
  const types: string[] = [];
  if (shape.strings > 0) types.push('string');
  if (shape.fractions > 0) types.push('number');
  else if (shape.integers > 0) types.push('integer');
  if (shape.booleans > 0) types.push('boolean');
  if (shape.objects > 0 || shape.maps > 0) types.push('object');
  if (shape.arrays > 0) types.push('array');
  if (types.length === 0) return { type: 'null', description: 'Only null was seen, so the type is unknown.' };

  const node: ProposedNode = {};
  const listsKeys = shape.properties.size > 0 || shape.mapValues !== undefined;
  // Listed keys imply an object; say `type` only when there is more to say.
  if (!(types.length === 1 && types[0] === 'object' && listsKeys)) node.type = types.length === 1 ? types[0]! : types;
  if (shape.strings > 0 && shape.uuids === shape.strings) node.format = 'uuid';
  else if (shape.strings > 0 && shape.dateTimes === shape.strings) node.format = 'date-time';
  else if (types.length === 1 && shape.distinct && shape.strings >= MIN_ENUM_SAMPLES) {
    node.enum = [...shape.distinct].sort();
    // The rule is said once per enum, so a reviewer knows how little stands behind it.
    node.description = `Seen only as ${node.enum.length === 1 ? 'this value' : `these ${node.enum.length} values`} in ${shape.strings} samples (infer proposes an enum for ${MAX_ENUM_VALUES} or fewer values over ${MIN_ENUM_SAMPLES} or more samples); Guilded may send others.`;
  }
  if (shape.nulls > 0) node.nullable = true;
  if (shape.properties.size > 0) node.properties = propertiesOf(shape);
  else if (shape.mapValues) node.additionalProperties = toNode(shape.mapValues);
  if (shape.items) node.items = toNode(shape.items);
  return node;
}

function propertiesOf(shape: Shape): Record<string, ProposedNode> {
  // fromEntries, not assignment: a capture's key may be `__proto__`.
  return Object.fromEntries(
    [...shape.properties].map(([key, child]) => {
      const node = toNode(child);
      // Absent from some objects: optional. `optional` goes first, where a reader looks.
      return [key, child.seen < shape.objects ? { optional: true, ...node } : node];
    }),
  );
}

/** The payload node of an unknown event: its fields, without `type` when the generator adds it. */
function payloadOf(event: UnknownEvent): { payload: ProposedNode; typeField: boolean } {
  const objects = event.samples - event.notObjects;
  // The generator adds `type` (= the event name) unless typeField is false: keep it only when it varies.
  const typeField = objects > 0 && event.typeIsName === objects;
  if (objects === 0) return { payload: {}, typeField: false };
  const properties = propertiesOf(event.shape);
  if (typeField) delete properties['type'];
  return { payload: Object.keys(properties).length > 0 ? { properties } : {}, typeField };
}

/** `12 samples in a.har, b.jsonl`: files by base name, since a proposal is committed and a local path means nothing to others. */
function describeSamples(count: number, files: ReadonlySet<string>, noun = 'sample'): string {
  const names = [...new Set([...files].map((file) => path.basename(file)))].sort();
  const shown = names.slice(0, MAX_FILES_NAMED).join(', ');
  const rest = names.length > MAX_FILES_NAMED ? ` and ${names.length - MAX_FILES_NAMED} more files` : '';
  return `${count} ${count === 1 ? noun : `${noun}s`} in ${shown}${rest}`;
}

/** The events file proposed for the unknown events whose names the spec can hold; undefined when there are none. */
export function eventsDocument(events: readonly UnknownEvent[]): Document | undefined {
  const entries: Record<string, unknown> = {};
  for (const event of [...events].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (!EVENT_NAME.test(event.name)) continue;
    const { payload, typeField } = payloadOf(event);
    const notes = event.notObjects > 0 ? ` ${event.notObjects} of them carried no object payload.` : '';
    entries[event.name] = {
      description: `Inferred by guilded-gateway infer from ${describeSamples(event.samples, event.files)}.${notes} Review every field before merging.`,
      status: 'fields',
      sources: ['capture'],
      ...(typeField ? {} : { typeField: false }),
      payload,
      examples: [event.example ?? {}],
    };
  }
  return Object.keys(entries).length > 0 ? styled(new Document({ events: entries })) : undefined;
}

/** A proposal as text: long descriptions stay on one line, for the author to fold as they edit. */
export function toText(doc: Document): string {
  return doc.toString({ lineWidth: 0 });
}

/** Names that cannot be spec keys, to mention rather than propose. */
export function unproposable(events: readonly UnknownEvent[]): string[] {
  return events.map((event) => event.name).filter((name) => !EVENT_NAME.test(name)).sort();
}

/** The new fields of known events as data: what `--write` saves as new-fields.yaml. */
export function newFieldsData(events: readonly KnownEvent[]): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const event of withNewFields(events)) {
    const fields = Object.fromEntries(
      [...event.fields].map(([pointer, field]) => [pointer, { frames: field.frames, add: whereToAdd(event.name, pointer).replace(/^add /, ''), schema: fieldNode(event, field) }]),
    );
    data[event.name] = { frames: event.frames, fields };
  }
  return data;
}

/** The new fields of known events as YAML comment lines, to follow the events file on stdout. */
export function newFieldsComment(events: readonly KnownEvent[]): string {
  const known = withNewFields(events);
  if (known.length === 0) return '';
  const lines = [
    'New fields in events the spec already has, each with where to add it: under the event\'s payload in',
    'spec/events/, or in the shared object that holds it in spec/objects/. In a pointer, * stands for any',
    'array element or id key.',
  ];
  for (const event of known) {
    lines.push('', `${event.name}: ${event.fields.size} new ${event.fields.size === 1 ? 'field' : 'fields'}, ${describeSamples(event.frames, event.files, 'frame')}`);
    for (const [pointer, field] of event.fields) {
      lines.push(`  ${pointer} (in ${field.frames} of ${event.frames} frames): ${whereToAdd(event.name, pointer)}`);
      const yaml = toText(styled(new Document(fieldNode(event, field)))).trimEnd();
      lines.push(...yaml.split('\n').map((line) => `    ${line}`));
    }
  }
  return `${lines.map((line) => `# ${line}`.trimEnd()).join('\n')}\n`;
}

function withNewFields(events: readonly KnownEvent[]): KnownEvent[] {
  return events.filter((event) => event.fields.size > 0).sort((a, b) => (a.name < b.name ? -1 : 1));
}

function fieldNode(event: KnownEvent, field: { frames: number; shape: Shape }): ProposedNode {
  const node = toNode(field.shape);
  return field.frames < event.frames ? { optional: true, ...node } : node;
}

/** Writes short maps and lists on one line, the way the spec's files are written. */
export function styled(doc: Document): Document {
  visit(doc, {
    Map(_, node) {
      if (node.items.every((pair) => isScalar(pair.value) || (isSeq(pair.value) && pair.value.items.every(isScalar))) && short(node)) node.flow = true;
    },
    Seq(_, node) {
      if (node.items.every(isScalar) && short(node)) node.flow = true;
    },
  });
  return doc;
}

function short(node: Node): boolean {
  return (isMap(node) || isSeq(node)) && JSON.stringify(node.toJSON()).length <= FLOW_WIDTH;
}
