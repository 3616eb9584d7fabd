import { FORMATS } from '../load/formats.js';
import type { SchemaNode, Spec } from '../load/model.js';
import { FORMAT_TYPES } from './format-types.js';

/**
 * The spec's schema dialect, translated to JSON Schema for three readers:
 * - `validator`: ajv. Objects are closed so that an unknown key surfaces as an
 *   `additionalProperties` error, which the validation layer reports as an unknown
 *   field, never as a failure. Formats become patterns, so the standalone code needs
 *   no format library at run time.
 * - `types`: json-schema-to-typescript. References become `tsType` names, so every
 *   shared object is declared once, under its spec key.
 * - `bundle`: plain JSON Schema (2020-12) for other languages: open objects, real formats.
 * - `asyncapi`: the same as `bundle`, with references into the AsyncAPI document's components.
 */
export type SchemaMode = 'validator' | 'types' | 'bundle' | 'asyncapi';

/** The modes for readers outside this package, who get the protocol's open objects and real formats. */
const isPublic = (mode: SchemaMode): boolean => mode === 'bundle' || mode === 'asyncapi';

export type JsonSchema = Record<string, unknown>;

/** The schema id of a shared object in the validators: each is compiled once and referenced by id. */
export const validatorObjectId = (name: string): string => `object.${name}`;

/** Where a `$ref` points in each mode. */
const refTarget: Record<SchemaMode, (name: string) => JsonSchema> = {
  validator: (name) => ({ $ref: validatorObjectId(name) }),
  types: (name) => ({ tsType: name }),
  bundle: (name) => ({ $ref: `#/$defs/${name}` }),
  asyncapi: (name) => ({ $ref: `#/components/schemas/${name}` }),
};

/** Escapes what would end or disturb a JSDoc block when a description is emitted as a comment. */
export function commentSafe(text: string): string {
  return text.replace(/\*\//g, '*\\/').replace(/[\u2028\u2029]/g, ' ');
}

/** What a node's `members` mean, for readers outside TypeScript, who have no constant to hover: `1 Online: Online.` */
const membersText = (node: SchemaNode): string | undefined =>
  node.members && `Values: ${Object.entries(node.members).map(([name, { value, description }]) => `${JSON.stringify(value)} ${name}: ${description}`).join(' ')}`;

function describe(node: SchemaNode, mode: SchemaMode): JsonSchema {
  if (isPublic(mode) && node.members) return { description: [node.description, membersText(node)].filter(Boolean).join(' ') };
  if (mode === 'validator' || node.description === undefined) return {};
  const sources = node.sources?.length ? `\n\nSources: ${node.sources.join(', ')}.` : '';
  const text = `${node.description}${mode === 'types' ? sources : ''}`;
  return { description: mode === 'types' ? commentSafe(text) : text };
}

/** Translates one node (and everything below it). */
export function toJsonSchema(node: SchemaNode, mode: SchemaMode): JsonSchema {
  const base = translate(node, mode);
  const result = node.nullable ? allowNull(base, mode) : base;
  return { ...result, ...describe(node, mode) };
}

function translate(node: SchemaNode, mode: SchemaMode): JsonSchema {
  if (node.$ref !== undefined) return refTarget[mode](node.$ref);
  if (node.anyOf) return { anyOf: node.anyOf.map((child) => toJsonSchema(child, mode)) };

  const out: JsonSchema = {};
  const types = node.type === undefined ? [] : Array.isArray(node.type) ? node.type : [node.type];
  const isObject = node.properties !== undefined || node.additionalProperties !== undefined || types.includes('object');

  if (isObject && !node.properties && !node.additionalProperties && types.length <= 1) {
    // Declared free-form: any keys, none of them reported as unknown.
    return mode === 'types' ? { tsType: 'Record<string, unknown>' } : { type: 'object' };
  }
  if (types.length === 1) out['type'] = types[0];
  else if (types.length > 1) out['type'] = [...types];
  else if (isObject) out['type'] = 'object';

  if (node.enum) out['enum'] = [...node.enum];
  if (node.members) out['enum'] = Object.values(node.members).map((member) => member.value);
  if (node.const !== undefined) out['const'] = node.const;
  if (node.minimum !== undefined) out['minimum'] = node.minimum;
  if (node.maximum !== undefined) out['maximum'] = node.maximum;
  const range = mode === 'types' ? smallRange(node) : undefined;
  if (range) out['enum'] = range;
  if (node.format) {
    if (mode === 'validator') out['pattern'] = FORMATS[node.format].pattern;
    else if (isPublic(mode)) out['format'] = node.format;
    // A field that can only be a string of the format reads as the format's alias.
    else if (types.length === 1) return { tsType: FORMAT_TYPES[node.format].name };
  }
  if (node.items) out['items'] = toJsonSchema(node.items, mode);
  if (node.properties) {
    const entries = Object.entries(node.properties);
    out['properties'] = Object.fromEntries(entries.map(([key, child]) => [key, toJsonSchema(child, mode)]));
    const required = entries.filter(([, child]) => !child.optional).map(([key]) => key);
    if (required.length > 0) out['required'] = required;
    if (!isPublic(mode)) out['additionalProperties'] = false;
  }
  if (node.additionalProperties) out['additionalProperties'] = toJsonSchema(node.additionalProperties, mode);
  const caseRules = mode === 'types' ? [] : requiredCaseFields(node, isPublic(mode));
  if (caseRules.length > 0) out['allOf'] = caseRules;
  return out;
}

/** The bounds of an integer field that allows a handful of values, as the list of them (a literal union in the types). */
function smallRange(node: SchemaNode): number[] | undefined {
  const { minimum, maximum } = node;
  if (node.type !== 'integer' || minimum === undefined || maximum === undefined || maximum - minimum > 15) return undefined;
  return Array.from({ length: maximum - minimum + 1 }, (_, i) => minimum + i);
}

/**
 * For each case with fields written as required: when `by` has the case's value, they must be present.
 * `declare` repeats them under `then` as `properties`, which strict JSON Schema readers ask of a `required`.
 */
function requiredCaseFields(node: SchemaNode, declare: boolean): JsonSchema[] {
  if (!node.variants) return [];
  const { by, cases } = node.variants;
  return Object.entries(cases).flatMap(([value, fields]) => {
    const required = Object.entries(fields).filter(([, field]) => !field.optional).map(([key]) => key);
    if (required.length === 0) return [];
    const then = declare ? { properties: Object.fromEntries(required.map((key) => [key, true])), required } : { required };
    return [{ if: { properties: { [by]: { const: value } }, required: [by] }, then }];
  });
}

/** Makes `schema` also accept null, folding into `type`/`enum` where ajv can check it without an anyOf. */
function allowNull(schema: JsonSchema, mode: SchemaMode): JsonSchema {
  const type = schema['type'];
  const plain = type !== undefined && schema['const'] === undefined && schema['tsType'] === undefined;
  if (plain) {
    const types = Array.isArray(type) ? type : [type];
    const folded: JsonSchema = { ...schema, type: types.includes('null') ? types : [...types, 'null'] };
    if (Array.isArray(schema['enum']) && !schema['enum'].includes(null)) folded['enum'] = [...schema['enum'], null];
    return folded;
  }
  if (mode === 'types' && typeof schema['tsType'] === 'string') return { tsType: `${schema['tsType']} | null` };
  return { anyOf: [schema, { type: 'null' }] };
}

/** An event's payload node as it travels: the spec's fields plus the generated `type` tag. */
export function eventPayloadNode(event: { name: string; wireNames: string[]; typeField: boolean; payload: SchemaNode }): SchemaNode {
  if (!event.typeField) return event.payload;
  const spellings = [event.name, ...event.wireNames];
  const tag: SchemaNode =
    spellings.length === 1
      ? { type: 'string', const: event.name, description: 'The event name, as on the wire.' }
      : { type: 'string', enum: spellings, description: 'The event name, in any of the spellings seen on the wire.' };
  return { ...event.payload, properties: { type: tag, ...event.payload.properties } };
}

/** An event payload: the spec's fields plus the generated `type` tag. */
export function eventPayloadSchema(
  event: { name: string; wireNames: string[]; typeField: boolean; payload: SchemaNode },
  mode: SchemaMode,
): JsonSchema {
  return toJsonSchema(eventPayloadNode(event), mode);
}

/**
 * Every payload a reader outside TypeScript needs, by its generated type name: the hello, the shared
 * objects, each event payload and each command payload (a bare command has none).
 */
export function publicDefinitions(spec: Spec, mode: 'bundle' | 'asyncapi'): Record<string, JsonSchema> {
  const described = (schema: JsonSchema, description: string) => ({ ...schema, description });
  const { hello } = spec.connection;
  return Object.fromEntries([
    ['Hello', described(toJsonSchema(hello.payload, mode), hello.description)],
    ...spec.objects.map((object) => [object.name, toJsonSchema(object.schema, mode)]),
    ...spec.events.map((event) => [event.typeName, described(eventPayloadSchema(event, mode), event.description)]),
    ...spec.commands.flatMap((command) =>
      command.payload ? [[command.typeName, described(toJsonSchema(command.payload, mode), command.description)]] : [],
    ),
  ]);
}
