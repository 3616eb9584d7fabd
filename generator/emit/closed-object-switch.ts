import { endOfLiteral } from './fast-validator-code.js';

/**
 * Rewrites the key loop ajv writes for `additionalProperties: false` in the fast validators: each key
 * is met by a `switch` over the declared names instead of ajv's chain of `key === "name"` comparisons
 * (8 names or fewer) or its `hasOwnProperty` lookup in the schema's `properties` (more than 8).
 *
 * The answer is the same (a key passes iff it is one of the declared names, compared with ===); V8
 * turns a switch over constant strings into a cheaper test, which took a sixth off the chat message
 * validator (bench/validator-micro.ts). A declared name `continue`s the loop; any other key falls
 * through to ajv's own failure code, unchanged, so its `break` still leaves the loop.
 */

/** ajv's loop head and the test it makes of each key: `for(const key0 in data){if(!(<test>)){`. */
const KEY_LOOP = /for\(const (key\d+) in (data\d*)\)\{if\(!\(([^{}]*)\)\)\{/g;
const QUOTED = '"(?:[^"\\\\]|\\\\.)*"';

/** The names a key is compared with in `test`, or undefined when `test` is another form. */
function declaredNames(code: string, key: string, test: string): string[] | undefined {
  // `schema14.properties`, or for a nested object `schema21.properties.lastMessage.properties`.
  const own = new RegExp(`^(func\\d+)\\.call\\((schema\\d+)((?:\\.[A-Za-z_$][\\w$]*)+), ${key}\\)$`).exec(test);
  if (own) {
    const [, hasOwn, schema, path] = own as unknown as [string, string, string, string];
    if (!code.includes(`const ${hasOwn} = Object.prototype.hasOwnProperty;`)) return undefined;
    const head = `const ${schema} = `;
    const start = code.indexOf(head) + head.length;
    const literal: unknown = JSON.parse(code.slice(start, endOfLiteral(code, start)));
    const properties = path.slice(1).split('.').reduce((node, step) => (node as Record<string, unknown>)[step], literal);
    return Object.keys(properties as object);
  }
  const comparison = new RegExp(`${key} === (${QUOTED})`, 'g');
  const names = [...test.matchAll(comparison)].map((match) => JSON.parse(match[1] as string) as string);
  // Nothing but the comparisons joined by ||: otherwise the test means something else.
  const rest = test.replace(comparison, '').replace(/[()|\s]/g, '');
  return names.length > 0 && rest === '' ? names : undefined;
}

/** Rewrites every key loop of a closed object; a loop of another form is left as ajv wrote it. */
export function closedObjectSwitch(code: string): string {
  let out = '';
  let from = 0;
  for (const match of code.matchAll(KEY_LOOP)) {
    const [head, key, data, test] = match as unknown as [string, string, string, string];
    const names = declaredNames(code, key, test);
    if (names === undefined) continue;
    const blockStart = match.index + head.length - 1;
    const blockEnd = endOfLiteral(code, blockStart);
    const cases = names.map((name) => `case ${JSON.stringify(name)}:`).join('');
    out += `${code.slice(from, match.index)}for(const ${key} in ${data}){switch(${key}){${cases}continue;}${code.slice(blockStart + 1, blockEnd - 1)}`;
    from = blockEnd;
  }
  return out + code.slice(from);
}
