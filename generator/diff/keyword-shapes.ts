/**
 * What each schema keyword holds, read from the meta-schema the loader checks: a keyword added there
 * later (a `variants` map, an `extends` node) is compared by its shape, and the schema nodes inside it
 * are compared with the same rules as any other node.
 */
import { eventsFileSchema } from '../load/meta-schema.js';

/** A schema node, a map of them, a list of them, or any other value. */
export type KeywordShape = 'node' | 'node-map' | 'node-list' | 'value';

const NODE_REF = '#/definitions/node';
const isNodeRef = (schema: unknown): boolean => (schema as { $ref?: string } | undefined)?.$ref === NODE_REF;

function shapeOf(schema: { additionalProperties?: unknown; items?: unknown }): KeywordShape {
  if (isNodeRef(schema)) return 'node';
  if (isNodeRef(schema.additionalProperties)) return 'node-map';
  if (isNodeRef(schema.items)) return 'node-list';
  return 'value';
}

/** Every keyword a schema node may have, with its shape. */
export const KEYWORD_SHAPES: ReadonlyMap<string, KeywordShape> = new Map(
  Object.entries(eventsFileSchema.definitions.node.properties as Record<string, object>).map(([keyword, schema]) => [keyword, shapeOf(schema)]),
);
