import { literal } from './ts.js';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A value as one line of JSON, with a space after each `:` and `,`. */
export function jsonLine(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(jsonLine).join(', ')}]`;
  if (isRecord(value)) return `{${Object.entries(value).map(([key, child]) => `${literal(key)}: ${jsonLine(child)}`).join(', ')}}`;
  return literal(value);
}

/**
 * An example as the reference shows it: on one line when it fits in `width` columns, otherwise its
 * top-level members on lines of their own, short ones sharing a line, each member on one line however
 * deep. The field table above it gives the structure; pretty-printing every level made the
 * reference a third JSON.
 */
export function exampleJson(value: unknown, width = 100): string {
  const flat = jsonLine(value);
  const members = Array.isArray(value) ? value.map(jsonLine) : isRecord(value) ? Object.entries(value).map(([key, child]) => `${literal(key)}: ${jsonLine(child)}`) : [];
  if (flat.length <= width || members.length === 0) return flat;
  const indent = '  ';
  const lines: string[] = [];
  for (const member of members) {
    const last = lines[lines.length - 1];
    // The 1 leaves room for the comma that ends the line.
    if (last !== undefined && indent.length + last.length + 2 + member.length + 1 <= width) lines[lines.length - 1] = `${last}, ${member}`;
    else lines.push(member);
  }
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return `${open}\n${lines.map((line) => `${indent}${line}`).join(',\n')}\n${close}`;
}
