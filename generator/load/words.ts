/** How problems name types and values: the spec's words, never a schema library's. */

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

/** `a, b or c`. */
export function either(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** `integer` -> `an integer`; `[string, null]` -> `a string or null`. */
export function typeWords(type: unknown): string {
  const types = Array.isArray(type) ? type : String(type).split(',');
  return either(types.map((name) => TYPE_WORDS[String(name)] ?? String(name)));
}

/** A value as the message echoes it: short values as JSON, long ones by their kind. */
export function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  // JSON.stringify gives undefined for a function or a symbol, which no YAML value is but an inherited one can be.
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) return `a ${typeof value}`;
  if (json.length <= 40) return json;
  if (typeof value === 'string') return `${JSON.stringify(value.slice(0, 30)).slice(0, -1)}..."`;
  return Array.isArray(value) ? `a list of ${value.length}` : 'an object';
}

/** The allowed values of an enum, as a message lists them. */
export const oneOf = (values: readonly unknown[]): string => `one of ${values.map((value) => JSON.stringify(value)).join(', ')}`;
