import type { ObjectSpec, SchemaNode, Spec } from './model.js';
import { walkNode } from './walk.js';
import type { SpecPath, YamlFile } from './yaml-file.js';

type Report = (file: YamlFile, path: SpecPath, message: string, atKey?: boolean) => void;

/**
 * A top-level field of the same name with the same description this long, written twice word for word, is a copy:
 * the shape should be said once (an object to $ref or extend). Shorter ones ("Sort position.") are
 * phrases, and the same words on fields of different names describe different things.
 */
export const COPIED_DESCRIPTION_LENGTH = 40;

/** The fields of a shared object with listed properties, or undefined. */
const fieldsOf = (objects: ReadonlyMap<string, ObjectSpec>, name: string) => objects.get(name)?.schema.properties;

/**
 * Checks the keys that name shapes: `extends` (a shared object with fields, at a root, no cycle),
 * `variants` (on an enum field, cases that are its values), `members` (the values of a shared object),
 * and, under `currentRules`, that no field is copied: the same name with the same long description.
 */
export function checkShapes(spec: Spec, report: Report, { currentRules = true }: { currentRules?: boolean } = {}): void {
  const objects = new Map(spec.objects.map((object) => [object.name, object]));
  const roots: { node: SchemaNode; path: SpecPath; file: YamlFile; kind: 'object' | 'event' | 'command' }[] = [
    ...spec.objects.map((object) => ({ node: object.schema, path: object.path, file: object.source, kind: 'object' as const })),
    ...spec.events.map((event) => ({ node: event.payload, path: [...event.path, 'payload'], file: event.source, kind: 'event' as const })),
    ...spec.commands.flatMap((command) =>
      command.payload ? [{ node: command.payload, path: [...command.path, 'payload'], file: command.source, kind: 'command' as const }] : [],
    ),
  ];

  for (const { node, path, file, kind } of roots) {
    const isPayload = kind !== 'object';
    walkNode(node, path, (child, at, role) => {
      if (role === 'root') return;
      if (child.extends !== undefined) report(file, [...at, 'extends'], 'extends only applies to an object in spec/objects/ or a payload, at its top', true);
      if (child.variants !== undefined) report(file, [...at, 'variants'], 'variants only apply at the top of an event payload', true);
      const isAlternativeOfObject = !isPayload && at.length === path.length + 2 && at[path.length] === 'anyOf';
      if (child.members !== undefined && !isAlternativeOfObject) {
        report(file, [...at, 'members'], 'members name the values of an object in spec/objects/ (at its top or in its anyOf); move this one there', true);
      }
    });
    if (node.extends !== undefined) checkExtends(node, path, file, objects, report);
    if (node.variants !== undefined) {
      if (kind !== 'event') report(file, [...path, 'variants'], 'variants only apply at the top of an event payload', true);
      else checkVariants(node, path, file, objects, report);
    }
    if (node.members !== undefined && isPayload) report(file, [...path, 'members'], 'members name the values of an object in spec/objects/; move this one there', true);
    checkMembers(node, path, file, report);
    node.anyOf?.forEach((alternative, i) => checkMembers(alternative, [...path, 'anyOf', i], file, report));
  }
  if (currentRules) checkCopiedFields(roots, report);
}

function checkExtends(node: SchemaNode, path: SpecPath, file: YamlFile, objects: ReadonlyMap<string, ObjectSpec>, report: Report): void {
  const base = node.extends!;
  if (!objects.has(base)) return report(file, [...path, 'extends'], `unknown object "${base}"; objects are defined in spec/objects/`);
  if (!fieldsOf(objects, base)) return report(file, [...path, 'extends'], `${base} has no properties to extend`);
  if (node.anyOf || node.additionalProperties || node.$ref || node.items) {
    return report(file, [...path, 'extends'], 'extends needs an object with properties (no anyOf, $ref, items or additionalProperties beside it)', true);
  }
  // Follow the chain: an object that (through others) extends itself has no fields to start from.
  const seen = new Set<string>();
  for (let name: string | undefined = base; name !== undefined; name = objects.get(name)?.schema.extends) {
    if (seen.has(name) || (path[0] === 'objects' && path[1] === name)) {
      return report(file, [...path, 'extends'], `${base} extends, through ${[...seen].join(', ') || base}, the object that extends it`);
    }
    seen.add(name);
  }
}

function checkVariants(node: SchemaNode, path: SpecPath, file: YamlFile, objects: ReadonlyMap<string, ObjectSpec>, report: Report): void {
  const { by, cases } = node.variants!;
  const inherited = node.extends !== undefined ? fieldsOf(objects, node.extends) ?? {} : {};
  const field = node.properties?.[by] ?? inherited[by];
  const values = field && enumValues(field, objects);
  if (!values) {
    return report(file, [...path, 'variants', 'by'], `variants need ${by} to be a field with an enum (or a $ref to one), so that each case narrows it`);
  }
  const known = new Map<string, string>();
  for (const [value, fields] of Object.entries(cases)) {
    if (!values.includes(value)) report(file, [...path, 'variants', 'cases', value], `"${value}" is not a value of ${by} (${values.join(', ')})`, true);
    for (const key of Object.keys(fields)) {
      const at = [...path, 'variants', 'cases', value, key];
      if (key === by || node.properties?.[key] || inherited[key]) report(file, at, `${key} is already a field of the payload; a case only adds fields`, true);
      else if (known.has(key)) report(file, at, `${key} is already a field of the case ${known.get(key)}; give each field to one case`, true);
      else known.set(key, value);
    }
  }
}

/** The values an enum field allows, through a $ref to a shared object. */
function enumValues(field: SchemaNode, objects: ReadonlyMap<string, ObjectSpec>): string[] | undefined {
  const node = field.$ref !== undefined ? objects.get(field.$ref)?.schema : field;
  const values = node?.enum ?? (node?.members && Object.values(node.members).map((member) => member.value));
  return values?.map(String);
}

function checkMembers(node: SchemaNode, path: SpecPath, file: YamlFile, report: Report): void {
  if (!node.members) return;
  if (node.enum !== undefined || node.const !== undefined) return report(file, [...path, 'members'], 'members list the values themselves; remove the enum (or const) beside them', true);
  const type = node.type;
  if (type !== 'integer' && type !== 'string') return report(file, [...path, 'members'], 'members need type integer or string', true);
  const seen = new Map<string | number, string>();
  for (const [name, { value }] of Object.entries(node.members)) {
    const at = [...path, 'members', name, 'value'];
    if (typeof value !== (type === 'integer' ? 'number' : 'string')) report(file, at, `${JSON.stringify(value)} is not of type ${type}`);
    else if (seen.has(value)) report(file, at, `${JSON.stringify(value)} is already the value of ${seen.get(value)}`);
    else seen.set(value, name);
  }
}

function checkCopiedFields(roots: { node: SchemaNode; path: SpecPath; file: YamlFile }[], report: Report): void {
  const first = new Map<string, { file: YamlFile; path: SpecPath }>();
  for (const { node, path, file } of roots) {
    walkNode(node, path, (child, at, role) => {
      const text = child.description;
      // Top-level fields: a copied envelope shows there. Nested documents (content nodes) repeat by nature.
      const topLevel = at.length === path.length + 2;
      if (role !== 'property' || !topLevel || text === undefined || text.length < COPIED_DESCRIPTION_LENGTH) return;
      const key = `${String(at[at.length - 1])}\n${text}`;
      const earlier = first.get(key);
      if (!earlier) return void first.set(key, { file, path: at });
      const where = earlier.file.position(earlier.path, true);
      report(file, [...at, 'description'], `a copy of the field at ${earlier.file.file}:${where.line}:${where.col} (same name, same description); say it once, in an object in spec/objects/ to $ref or extend`);
    });
  }
}
