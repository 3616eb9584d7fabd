import type { Spec } from '../load/model.js';
import { code, inline, table } from './markdown.js';
import { blocks, type Link, type Section } from './reference-parts.js';

/** The sources every entry cites, by tag. */
export function sourcesSection(spec: Spec): Section {
  return {
    level: 2,
    key: 'sources',
    title: 'Sources',
    body: () =>
      blocks(
        'The tags that every entry above cites; spec/reference/sources.md lists the files and commits read from each.',
        table(
          ['Tag', 'Source', 'Repository'],
          [...spec.sources].map(([tag, source]) => [code(tag), inline([source.title, source.era && `(${source.era})`].filter(Boolean).join(' ')), source.url ? `<${source.url}>` : '']),
        ),
      ),
  };
}

interface IndexRow {
  name: string;
  kind: string;
  key: string;
  wire: string;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
// Code-unit order, case folded: the same on every machine, unlike a locale's collation.
const byName = (a: IndexRow, b: IndexRow) => compare(a.name.toLowerCase(), b.name.toLowerCase()) || compare(a.name, b.name) || compare(a.wire, b.wire);

/** Every other name of an event or command (community aliases, other wire spellings), leading to its wire name. */
export function namesIndexSection(spec: Spec, link: Link): Section {
  const rows: IndexRow[] = [
    ...spec.events.flatMap((event) => {
      const key = `event:${event.name}`;
      return [
        ...event.aliases.map((name) => ({ name, kind: 'alias', key, wire: event.name })),
        ...event.wireNames.map((name) => ({ name, kind: 'wire spelling', key, wire: event.name })),
      ];
    }),
    ...spec.commands.flatMap((command) => {
      const key = `command:${command.name}`;
      return command.aliases.map((name) => ({ name, kind: 'command alias', key, wire: command.name }));
    }),
  ];
  return {
    level: 2,
    key: 'index',
    title: 'Index: names you may know',
    body: () =>
      blocks(
        'Community documentation and other clients name events and commands their own way; each name here leads to the wire name this reference files it under. An alias is a tidier name the community page used; a wire spelling is another name the server sends, which the client dispatches as the event listed.',
        table(
          ['Name', 'Kind', 'Wire name'],
          rows.sort(byName).map((row) => [code(row.name), row.kind, link(row.key, row.wire)]),
        ),
      ),
  };
}
