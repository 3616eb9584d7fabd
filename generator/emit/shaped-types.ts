import type { ObjectSpec, SchemaNode } from '../load/model.js';
import { commonFieldsTypeName, OTHER_CASE, variantTypeName } from '../load/names.js';
import { declaration } from './declaration.js';
import { toJsonSchema, type JsonSchema } from './json-schema.js';
import { doc, literal } from './ts.js';

/** What shaping a node needs to know of the shared objects: their resolved fields. */
export type Objects = ReadonlyMap<string, ObjectSpec>;

const typesOf = (node: SchemaNode): string[] => (node.type === undefined ? [] : Array.isArray(node.type) ? node.type : [node.type]);

/** The parts of a node that decide its type, without the ones that only say whether it may be absent or null. */
function shapeOf({ optional: _optional, nullable: _nullable, description: _description, sources: _sources, ...shape }: SchemaNode): string {
  return JSON.stringify(shape);
}

/**
 * Whether `own` fits where `base` is declared, so that an interface may redeclare it while extending the
 * base (TypeScript allows narrowing a member, not widening it). When unsure, no: the base member is omitted.
 */
function narrows(own: SchemaNode, base: SchemaNode): boolean {
  if ((own.optional && !base.optional) || (own.nullable && !base.nullable)) return false;
  if (shapeOf({ ...own, nullable: false }) === shapeOf({ ...base, nullable: false })) return true;
  const scalar = (node: SchemaNode) => node.$ref === undefined && !node.properties && !node.items && !node.anyOf && !node.additionalProperties;
  if (!scalar(own) || !scalar(base)) return false;
  const baseTypes = typesOf(base);
  const typesFit = typesOf(own).length > 0 && typesOf(own).every((type) => baseTypes.includes(type));
  const enumFits = base.enum === undefined || (own.enum !== undefined && own.enum.every((value) => base.enum!.includes(value)));
  const formatFits = base.format === undefined || own.format === base.format;
  return typesFit && enumFits && formatFits;
}

/** `Base`, or `Omit<Base, 'a' | 'b'>` when own fields widen some of the base's. */
function heritageOf(node: SchemaNode, objects: Objects): string {
  const base = node.extends!;
  const inherited = objects.get(base)!.schema.properties ?? {};
  const widened = (node.ownKeys ?? []).filter((key) => inherited[key] && !narrows(node.properties![key]!, inherited[key]!));
  return widened.length === 0 ? base : `Omit<${base}, ${widened.map((key) => literal(key)).join(' | ')}>`;
}

/** A node with only the fields written on it (and the generated type tag), as jstt should declare it. */
function ownFields({ extends: _base, variants: _variants, ownKeys: _own, ...rest }: SchemaNode, keep: readonly string[]): SchemaNode {
  return { ...rest, properties: Object.fromEntries(Object.entries(rest.properties ?? {}).filter(([key]) => keep.includes(key))) };
}

/**
 * An interface for an object or payload node that extends a shared object: only its own fields are written,
 * and `generated` (an event's type tag).
 */
export function extendingDeclaration(name: string, node: SchemaNode, docs: string, objects: Objects, generated: readonly string[] = []): Promise<string> {
  return declaration(name, toJsonSchema(ownFields(node, [...generated, ...(node.ownKeys ?? [])]), 'types'), docs, heritageOf(node, objects));
}

/**
 * A payload with variants as a discriminated union: `<Name>Fields` holds what every case has, one
 * interface per case narrows the field `by` to its value and adds the case's fields, and `Other` covers
 * the values no case names. `if (p.contentType === 'doc') p.doc` then compiles without `!`.
 */
export async function variantDeclarations(typeName: string, node: SchemaNode, docs: string, objects: Objects): Promise<string[]> {
  const { by, cases } = node.variants!;
  const caseKeys = new Set(Object.values(cases).flatMap((fields) => Object.keys(fields)));
  const fieldsName = commonFieldsTypeName(typeName);
  const shared = Object.keys(node.properties ?? {}).filter((key) => !caseKeys.has(key));
  const sharedNode = node.extends === undefined ? ownFields(node, shared) : ownFields(node, shared.filter((key) => [...(node.ownKeys ?? []), 'type'].includes(key)));
  const byField = node.properties![by]!;
  const fieldsDeclaration = await declaration(
    fieldsName,
    toJsonSchema(sharedNode, 'types'),
    doc(`The fields every case of ${typeName} has; the cases add the fields their ${by} carries.`),
    node.extends === undefined ? undefined : heritageOf(node, objects),
  );

  const caseDeclaration = (value: string, fields: Record<string, SchemaNode>, tag: string) => {
    const schema = toJsonSchema({ properties: fields }, 'types');
    const properties = { [by]: { tsType: tag }, ...(schema['properties'] as JsonSchema) };
    const required = [by, ...((schema['required'] as string[] | undefined) ?? [])];
    const docs = value === OTHER_CASE ? `${typeName} for any other ${by}: none of the cases' fields.` : `${typeName} when ${by} is ${value}.`;
    return declaration(variantTypeName(typeName, value), { ...schema, properties, required }, doc(docs), fieldsName);
  };

  const named = Object.entries(cases);
  const caseTexts = await Promise.all(named.map(([value, fields]) => caseDeclaration(value, fields, literal(value))));
  const others = otherValues(byField, objects, named.map(([value]) => value));
  const union = [...named.map(([value]) => variantTypeName(typeName, value))];
  if (others.length > 0) {
    caseTexts.push(await caseDeclaration(OTHER_CASE, {}, others.map((value) => literal(value)).join(' | ')));
    union.push(variantTypeName(typeName, OTHER_CASE));
  }
  const unionText = `/**\n${docs.split('\n').map((line) => ` * ${line}`.trimEnd()).join('\n')}\n */\nexport type ${typeName} =\n${union.map((name) => `  | ${name}`).join('\n')};`;
  return [fieldsDeclaration, ...caseTexts, unionText];
}

/** The values of the field `by` that no case names (null too, when the field is nullable). */
function otherValues(byField: SchemaNode, objects: Objects, named: readonly string[]): (string | number | boolean | null)[] {
  const enumNode = byField.$ref !== undefined ? objects.get(byField.$ref)!.schema : byField;
  const all = enumNode.enum ?? Object.values(enumNode.members ?? {}).map((member) => member.value);
  const values: (string | number | boolean | null)[] = all.filter((value) => !named.includes(String(value)));
  return byField.nullable ? [...values, null] : values;
}

/** The members of a shared object's values (PresenceStatus.Online), from the node or its anyOf alternatives. */
export function membersOf(node: SchemaNode): { name: string; value: string | number; description: string }[] {
  return [node, ...(node.anyOf ?? [])].flatMap((alternative) =>
    Object.entries(alternative.members ?? {}).map(([name, member]) => ({ name, ...member })),
  );
}
