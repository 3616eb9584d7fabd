/** JSON pointers into a payload, as validate counts unknown fields and infer shapes them. */

const GENERIC_SEGMENT = /\/(?:\d+|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?=\/|$)/g;

/** A pointer with its array indexes and id keys written `*`, so that a field counts once, not once per element or id. */
export function generalize(pointer: string): string {
  return pointer.replace(GENERIC_SEGMENT, '/*');
}

/** The value at a JSON pointer, or undefined. */
export function valueAt(value: unknown, pointer: string): unknown {
  if (pointer === '') return value;
  let current = value;
  for (const segment of pointer.slice(1).split('/')) {
    if (typeof current !== 'object' || current === null) return undefined;
    const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    current = Object.hasOwn(current, key) ? (current as Record<string, unknown>)[key] : undefined;
  }
  return current;
}
