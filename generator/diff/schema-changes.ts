/**
 * Compares two schema nodes keyword by keyword. Each keyword the rules know has one comparer below;
 * any other keyword is compared by the shape the meta-schema gives it (keyword-shapes.ts), so a keyword
 * added to the spec's dialect later is still diffed, and the nodes inside it get the same rules.
 */
import type { SchemaNode } from '../load/model.js';
import { below, canonical, same, shownValue, type Changes, type Place } from './change.js';
import { KEYWORD_SHAPES } from './keyword-shapes.js';

type Node = SchemaNode & Record<string, unknown>;
type Comparer = (before: Node, after: Node, place: Place, changes: Changes) => void;

/** The types a node allows by its `type`, or by what `properties` and `items` imply; undefined allows any. */
function typesOf(node: Node): Set<string> | undefined {
  if (node.type !== undefined) return new Set(Array.isArray(node.type) ? node.type : [node.type]);
  if (node.properties !== undefined || node.additionalProperties !== undefined) return new Set(['object']);
  if (node.items !== undefined) return new Set(['array']);
  return undefined;
}

const covers = (set: ReadonlySet<string>, type: string) => set.has(type) || (type === 'integer' && set.has('number'));
/** Whether every value of `inner` is allowed by `outer`; undefined allows any. */
const within = (inner: ReadonlySet<string> | undefined, outer: ReadonlySet<string> | undefined): boolean =>
  outer === undefined || (inner !== undefined && [...inner].every((type) => covers(outer, type)));
const typeWords = (types: ReadonlySet<string> | undefined) => (types === undefined ? 'any' : [...types].join(' or '));

const compareTypes: Comparer = (before, after, place, changes) => {
  const [was, now] = [typesOf(before), typesOf(after)];
  if (same(was && [...was].sort(), now && [...now].sort())) return;
  const detail = `${typeWords(was)} → ${typeWords(now)}`;
  const at = below(place, undefined, ['type']);
  if (within(was, now)) changes.add('type-widened', at, detail);
  else if (within(now, was)) changes.add('type-narrowed', at, detail);
  else changes.add('type-changed', at, detail);
};

/** The scalar values `enum` or `const` allow, by their JSON; undefined allows any. */
function valuesOf(node: Node): Map<string, unknown> | undefined {
  const values = node.const !== undefined ? [node.const] : node.enum;
  return values && new Map(values.map((value) => [JSON.stringify(value), value]));
}

const compareValues: Comparer = (before, after, place, changes) => {
  const [was, now] = [valuesOf(before), valuesOf(after)];
  const at = below(place, undefined, [after.const !== undefined || before.const !== undefined ? 'const' : 'enum']);
  const words = (values: Map<string, unknown> | undefined) => (values === undefined ? 'any value' : [...values.keys()].join(', '));
  const detail = `${words(was)} → ${words(now)}`;
  const added = now && [...now.keys()].filter((key) => !was?.has(key));
  const removed = was && [...was.keys()].filter((key) => !now?.has(key));
  if (was === undefined && now === undefined) return;
  if (now === undefined || (was !== undefined && added!.length > 0 && removed!.length === 0)) changes.add('values-widened', at, detail);
  else if (was === undefined || (added!.length === 0 && removed!.length > 0)) changes.add('values-narrowed', at, detail);
  else if (added!.length > 0) changes.add('values-changed', at, detail);
};

const compareFormat: Comparer = (before, after, place, changes) => {
  if (before.format === after.format) return;
  const at = below(place, undefined, ['format']);
  const detail = `${shownValue(before.format)} → ${shownValue(after.format)}`;
  if (before.format === undefined) changes.add('format-added', at, detail);
  else if (after.format === undefined) changes.add('format-removed', at, detail, true);
  else changes.add('format-changed', at, detail);
};

/** `minimum` and `maximum`: a bound added, or moved towards the middle, narrows. */
function compareBound(keyword: 'minimum' | 'maximum'): Comparer {
  const tighter = (was: number, now: number) => (keyword === 'minimum' ? now > was : now < was);
  return (before, after, place, changes) => {
    const [was, now] = [before[keyword], after[keyword]];
    if (was === now) return;
    const at = below(place, undefined, [keyword]);
    const detail = `${keyword} ${shownValue(was)} → ${shownValue(now)}`;
    if (now !== undefined && (was === undefined || tighter(was, now))) changes.add('bound-narrowed', at, detail);
    else changes.add('bound-widened', at, detail, now === undefined);
  };
}

const compareNullable: Comparer = (before, after, place, changes) => {
  if (Boolean(before.nullable) === Boolean(after.nullable)) return;
  changes.add(after.nullable ? 'became-nullable' : 'became-non-nullable', below(place, undefined, ['nullable']));
};

const compareProperties: Comparer = (before, after, place, changes) => {
  const [was, now] = [before.properties ?? {}, after.properties ?? {}];
  for (const [name, node] of Object.entries(now)) {
    const at = below(place, name, ['properties', name]);
    const old = Object.hasOwn(was, name) ? was[name] : undefined;
    if (old === undefined) changes.add(node.optional ? 'field-added-optional' : 'field-added-required', at);
    else {
      if (Boolean(old.optional) !== Boolean(node.optional)) changes.add(node.optional ? 'field-became-optional' : 'field-became-required', at);
      compareNodes(old, node, at, changes);
    }
  }
  for (const name of Object.keys(was).filter((key) => !Object.hasOwn(now, key))) changes.add('field-removed', below(place, name, ['properties', name]), undefined, true);
};

/** `items` and `additionalProperties`: the shape of every element or map value. */
function compareShape(keyword: 'items' | 'additionalProperties'): Comparer {
  return (before, after, place, changes) => {
    const [was, now] = [before[keyword], after[keyword]];
    if (was && now) compareNodes(was, now, below(place, '*', [keyword]), changes);
    else if (now) changes.add('shape-added', below(place, undefined, [keyword]), keyword);
    else if (was) changes.add('shape-removed', below(place, undefined, [keyword]), keyword, true);
  };
}

/** The alternatives of an `anyOf` are a set: one that changed is one removed and one added. */
const compareAlternatives: Comparer = (before, after, place, changes) => {
  const key = (node: SchemaNode) => canonical({ ...node, description: undefined, sources: undefined });
  const [was, now] = [before.anyOf ?? [], after.anyOf ?? []];
  const wasKeys = was.map(key);
  const nowKeys = now.map(key);
  now.forEach((node, i) => {
    if (!wasKeys.includes(nowKeys[i]!)) changes.add('alternative-added', below(place, undefined, ['anyOf', i]), typeWords(typesOf(node as Node)));
  });
  was.forEach((node, i) => {
    if (!nowKeys.includes(wasKeys[i]!)) changes.add('alternative-removed', below(place, undefined, ['anyOf', i]), typeWords(typesOf(node as Node)), true);
  });
};

const annotation = (rule: 'description-changed' | 'sources-changed', keyword: string): Comparer => (before, after, place, changes) => {
  if (!same(before[keyword], after[keyword])) changes.add(rule, below(place, undefined, [keyword]), undefined, after[keyword] === undefined);
};

/**
 * Keys that say how a shape is written, not what it is: the loader folds `extends` (and the `ownKeys` it
 * leaves) into the flat `properties` compared above, and `members` names values `enum` already lists.
 */
const SAID_BY_FLAT_FIELDS = ['extends', 'ownKeys', 'members'];

/** Variants fold into optional flat fields; what they add is that a case requires its fields. */
const compareVariants: Comparer = (before, after, place, changes) => {
  const [was, now] = [before.variants, after.variants];
  if (was === undefined && now !== undefined) changes.add('variants-added', below(place, undefined, ['variants']), `by ${(now as { by: string }).by}`);
  else if (was !== undefined && now === undefined) changes.add('variants-removed', below(place, undefined, ['variants']), `by ${(was as { by: string }).by}`, true);
  else if (!same(was, now)) compareUnknown('variants', before, after, place, changes);
};

/** The keywords compared one by one; `type`, `enum` and `const` are compared once per node (below), `optional` where the field sits. */
const COMPARERS: Record<string, Comparer> = {
  format: compareFormat,
  minimum: compareBound('minimum'),
  maximum: compareBound('maximum'),
  nullable: compareNullable,
  properties: compareProperties,
  items: compareShape('items'),
  additionalProperties: compareShape('additionalProperties'),
  anyOf: compareAlternatives,
  description: annotation('description-changed', 'description'),
  sources: annotation('sources-changed', 'sources'),
  variants: compareVariants,
};
const COMPARED_APART = new Set(['$ref', 'type', 'enum', 'const', 'optional', ...SAID_BY_FLAT_FIELDS]);

/** A keyword no comparer knows, compared by its shape: the nodes in it by the rules, the rest as a value. */
function compareUnknown(keyword: string, before: Node, after: Node, place: Place, changes: Changes): void {
  const [was, now] = [before[keyword], after[keyword]];
  if (same(was, now)) return;
  const at = below(place, undefined, [keyword]);
  const shape = KEYWORD_SHAPES.get(keyword) ?? 'value';
  if (was === undefined || now === undefined || shape === 'value') {
    changes.add('keyword-changed', at, `${keyword}: ${shownValue(was)} → ${shownValue(now)}`, now === undefined);
    return;
  }
  if (shape === 'node') return compareNodes(was as SchemaNode, now as SchemaNode, at, changes);
  const [wasItems, nowItems] = [was as Record<string, SchemaNode>, now as Record<string, SchemaNode>];
  for (const member of new Set([...Object.keys(nowItems), ...Object.keys(wasItems)])) {
    const inner = below(at, undefined, [shape === 'node-list' ? Number(member) : member]);
    const [old, current] = [wasItems[member as never], nowItems[member as never]];
    if (old && current) compareNodes(old, current, inner, changes);
    else changes.add('keyword-changed', inner, `${keyword}.${member} ${current ? 'added' : 'removed'}`, !current);
  }
}

/** Every change from `before` to `after`, two schema nodes at `place`; a `$ref` that changed stops the rest. */
export function compareNodes(before: SchemaNode, after: SchemaNode, place: Place, changes: Changes): void {
  const [was, now] = [before as Node, after as Node];
  if (was.$ref !== now.$ref) {
    changes.add('ref-changed', below(place, undefined, ['$ref']), `${shownValue(was.$ref ?? typeWords(typesOf(was)))} → ${shownValue(now.$ref ?? typeWords(typesOf(now)))}`);
    for (const keyword of ['nullable', 'description', 'sources']) COMPARERS[keyword]!(was, now, place, changes);
    return;
  }
  // `properties` and `items` imply a type, and `enum` and `const` both list the allowed values: each is one comparison.
  compareTypes(was, now, place, changes);
  compareValues(was, now, place, changes);
  for (const keyword of new Set([...Object.keys(now), ...Object.keys(was)])) {
    if (COMPARED_APART.has(keyword)) continue;
    const comparer = COMPARERS[keyword];
    if (comparer) comparer(was, now, place, changes);
    else compareUnknown(keyword, was, now, place, changes);
  }
}
