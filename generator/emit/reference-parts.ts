import type { Spec } from '../load/model.js';
import { exampleJson, jsonLine } from './compact-json.js';
import { fence } from './markdown.js';
import { literal } from './ts.js';

/** A heading and what follows it. Bodies are rendered after every anchor is known, so they may link forward. */
export interface Section {
  level: number;
  /** Names the section for links: `event:<wire name>`, `object:<name>`, `command:<name>`, or a fixed word. */
  key: string;
  /** Further keys that land here: the name-only events listed in this section's table. */
  alsoKeys?: readonly string[];
  title: string;
  body: () => string;
}

/** Makes a link to the section with `key`. */
export type Link = (key: string, text: string) => string;

/** The parts that are present, as Markdown blocks. */
export const blocks = (...parts: (string | undefined | false)[]) => parts.filter((part): part is string => Boolean(part)).join('\n\n');

/** `Sources: a, b.` for prose; nothing when there are none. */
export const sourcesText = (tags: readonly string[] | undefined) => (tags && tags.length > 0 ? `Sources: ${tags.join(', ')}.` : '');

export const json = (value: unknown) => fence(exampleJson(value), 'json');

/** Field types link shared objects to their sections. */
export const objectLink = (link: Link) => (name: string) => link(`object:${name}`, name);

/** The first example shown; the others folded, one per line, so that they cost a click, not a scroll. */
export function examplesBlock(values: readonly unknown[]): string | undefined {
  const [first, ...rest] = values;
  if (values.length === 0) return undefined;
  if (rest.length === 0) return json(first);
  const more = rest.length === 1 ? 'One more example' : `${rest.length} more examples, one per line`;
  // GitHub renders Markdown inside <details> only with a blank line after the summary.
  return blocks(json(first), `<details><summary>${more}</summary>`, fence(rest.map(jsonLine).join('\n'), 'json'), '</details>');
}

/** The frame text of a socket.io event or command: `42["Name",{...}]`. */
export function frameOf(spec: Spec, name: string, payload?: unknown): string {
  const { enginePacketTypes, socketPacketTypes } = spec.connection.frames;
  return `${enginePacketTypes['message']!.code}${socketPacketTypes['event']!.code}${literal(payload === undefined ? [name] : [name, payload])}`;
}
