import type { SchemaNode } from './model.js';
import type { SpecPath } from './yaml-file.js';

/** How a node sits in its parent: a property may be optional, nothing else may. */
export type NodeRole = 'root' | 'property' | 'element';

/** Visits `node` and every node below it, depth first, with its path in the YAML file. */
export function walkNode(
  node: SchemaNode,
  path: SpecPath,
  visit: (node: SchemaNode, path: SpecPath, role: NodeRole) => void,
  role: NodeRole = 'root',
): void {
  visit(node, path, role);
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    walkNode(child, [...path, 'properties', key], visit, 'property');
  }
  if (node.additionalProperties) walkNode(node.additionalProperties, [...path, 'additionalProperties'], visit, 'element');
  if (node.items) walkNode(node.items, [...path, 'items'], visit, 'element');
  node.anyOf?.forEach((child, i) => walkNode(child, [...path, 'anyOf', i], visit, 'element'));
  for (const [value, fields] of Object.entries(node.variants?.cases ?? {})) {
    for (const [key, child] of Object.entries(fields)) walkNode(child, [...path, 'variants', 'cases', value, key], visit, 'property');
  }
}
