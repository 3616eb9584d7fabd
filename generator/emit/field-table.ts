import type { SchemaNode } from '../load/model.js';
import { code, inline, table } from './markdown.js';

/** Makes the Markdown link to a shared object's section. */
export type ObjectLink = (name: string) => string;

const typesOf = (node: SchemaNode): string[] => (node.type === undefined ? [] : [node.type].flat());

const isObject = (node: SchemaNode): boolean =>
  node.properties !== undefined || node.additionalProperties !== undefined || typesOf(node).includes('object');

/** An element type inside "array of" or "map of", bracketed when it is itself a choice. */
function element(node: SchemaNode, link: ObjectLink): string {
  const text = typeText(node, link);
  return text.includes(' or ') ? `(${text})` : text;
}

/** A node's type in words, for a table cell; shared objects become links and `nullable` reads "or null". */
export function typeText(node: SchemaNode, link: ObjectLink): string {
  return node.nullable ? `${baseType(node, link)} or null` : baseType(node, link);
}

function baseType(node: SchemaNode, link: ObjectLink): string {
  if (node.$ref !== undefined) return link(node.$ref);
  if (node.anyOf) return node.anyOf.map((child) => typeText(child, link)).join(' or ');
  if (node.const !== undefined) return code(JSON.stringify(node.const));
  if (node.enum) return `one of ${node.enum.map((value) => code(JSON.stringify(value))).join(', ')}`;
  if (node.members) {
    // Each description is a sentence of its own, so they are joined as sentences.
    const named = Object.entries(node.members).map(([name, { value, description }]) => `${code(JSON.stringify(value))} ${name}: ${description}`);
    return `one of: ${named.join(' ')}`;
  }
  if (node.items) return `array of ${element(node.items, link)}`;
  if (node.additionalProperties) return `map of ${element(node.additionalProperties, link)}`;
  if (isObject(node)) return node.properties ? 'object' : 'object (any keys)';
  const bounds = [node.minimum !== undefined && `min ${node.minimum}`, node.maximum !== undefined && `max ${node.maximum}`].filter(Boolean);
  const notes = [node.format, ...bounds].filter(Boolean);
  return `${typesOf(node).join(' or ')}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
}

interface Row {
  path: string;
  node: SchemaNode;
}

/** Every field of `node` and of the inline objects below it, as dotted paths (`[]` an array element, `*` a map value). */
function rows(node: SchemaNode, prefix: string): Row[] {
  return Object.entries(node.properties ?? {}).flatMap(([key, child]) => [{ path: `${prefix}${key}`, node: child }, ...below(child, `${prefix}${key}`)]);
}

/** The rows of inline objects nested in a field; shared objects are linked, not expanded. */
function below(node: SchemaNode, path: string): Row[] {
  if (node.properties) return rows(node, `${path}.`);
  if (node.items) return below(node.items, `${path}[]`);
  if (node.additionalProperties) return below(node.additionalProperties, `${path}.*`);
  return (node.anyOf ?? []).flatMap((child) => below(child, path));
}

const cited = (sources: readonly string[] | undefined) => (sources && sources.length > 0 ? `Sources: ${sources.join(', ')}.` : '');

/** A description followed by the sources it cites and any further notes, as one table cell. */
export function describedCell(description: string | undefined, sources: readonly string[] | undefined, notes: readonly string[] = []): string {
  return inline([description, cited(sources), ...notes].filter(Boolean).join(' '));
}

/**
 * What the nodes inside a field say about themselves (its items, map values and alternatives): they
 * have no row of their own, so their descriptions and sources join the field's.
 */
export function innerNotes(node: SchemaNode): string[] {
  const inner: [string, SchemaNode][] = [
    ...(node.items ? [['Each item', node.items] as [string, SchemaNode]] : []),
    ...(node.additionalProperties ? [['Each value', node.additionalProperties] as [string, SchemaNode]] : []),
    ...(node.anyOf ?? []).map((child, i): [string, SchemaNode] => [`Alternative ${i + 1}`, child]),
  ];
  return inner.flatMap(([label, child]) => {
    const own = [child.description, cited(child.sources)].filter(Boolean).join(' ');
    return [...(own ? [`${label}: ${own}`] : []), ...innerNotes(child)];
  });
}

/**
 * The fields table of an object node, or undefined when it lists no field: the path (with `?` when
 * the key may be absent), the type (with "or null") and the description with its sources.
 */
export function fieldTable(node: SchemaNode, link: ObjectLink): string | undefined {
  const found = rows(node, '');
  if (found.length === 0) return undefined;
  return table(
    ['Field', 'Type', 'Description'],
    found.map(({ path, node: field }) => [
      code(`${path}${field.optional ? '?' : ''}`),
      typeText(field, link),
      describedCell(field.description, field.sources, innerNotes(field)),
    ]),
  );
}
