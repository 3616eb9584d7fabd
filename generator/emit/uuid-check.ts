import { FORMATS } from '../load/formats.js';

/**
 * Replaces the uuid pattern in the fast validators with a test of the string's characters: length 36,
 * "-" at 8, 13, 18 and 23, an ASCII hex digit (either case) everywhere else. That is exactly what
 * /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/ accepts (without the
 * m flag, `$` matches only at the very end), at about 0.6x the regex's time in V8; the full report
 * keeps the pattern, so its errors still name it. test/generated/fast-and-report.test.ts checks both agree.
 */

const FUNCTION = 'isUuid';
const TABLE = 'hexDigits';
const DASHES = [8, 13, 18, 23];

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A 1 at each ASCII hex digit's char code; `&` of the lookups is 1 only if every character is one. */
const helper = (): string => {
  const hexAt = Array.from({ length: 36 }, (_, i) => i)
    .filter((i) => !DASHES.includes(i))
    .map((i) => `${TABLE}[s.charCodeAt(${i})]`);
  return [
    `const ${TABLE} = new Uint8Array(128);`,
    `for (const digit of "0123456789abcdefABCDEF") ${TABLE}[digit.charCodeAt(0)] = 1;`,
    `function ${FUNCTION}(s) {`,
    `return s.length === 36 && ${DASHES.map((i) => `s.charCodeAt(${i}) === 45`).join(' && ')} && (${hexAt.join(' & ')}) === 1;`,
    '}',
  ].join('\n');
};

/** Rewrites ajv's standalone code as described above; code without the uuid pattern is returned as is. */
export function uuidCheck(code: string): string {
  const declaration = new RegExp(`const (pattern\\d+) = new RegExp\\(${escape(JSON.stringify(FORMATS.uuid.pattern))}, ""\\);`).exec(code);
  if (!declaration) return code;
  const [statement, name] = declaration as unknown as [string, string];
  if (code.includes(FUNCTION) || code.includes(TABLE)) throw new Error(`ajv's output already uses the name ${FUNCTION} or ${TABLE}`);
  const out = code.replace(statement, helper()).split(`${name}.test(`).join(`${FUNCTION}(`);
  if (new RegExp(`\\b${name}\\b`).test(out)) throw new Error(`the fast validators still use the uuid pattern ${name} other than by .test()`);
  return out;
}
