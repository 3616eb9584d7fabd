import path from 'node:path';
import type { CommandSpec, EventSpec, ObjectSpec, Spec } from '../load/model.js';
import { jsonLine } from './compact-json.js';
import { entryFacts } from './entry-facts.js';
import { describedCell, fieldTable, innerNotes, typeText } from './field-table.js';
import { code, fence, inline, paragraph, table } from './markdown.js';
import { blocks, examplesBlock, frameOf, objectLink, sourcesText, type Link, type Section } from './reference-parts.js';

/** `spec/events/team-channels.yaml` -> `team channels`. */
const areaOf = (file: string) => path.posix.basename(file, path.posix.extname(file)).replace(/[-_]+/g, ' ');

const definedIn = (files: readonly string[]) => `Defined in ${files.map(code).join(', ')}.`;

/** Entries grouped by the spec file that holds them, in spec order. */
function byFile<T extends { source: { file: string } }>(entries: readonly T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const entry of entries) groups.set(entry.source.file, [...(groups.get(entry.source.file) ?? []), entry]);
  return [...groups];
}

/**
 * An event with nothing to show but its name and description: no source gave a field and it has one
 * example at most. These share one short table per area instead of a section each.
 */
const isNameOnly = (event: EventSpec) =>
  event.status === 'name-only' && Object.keys(event.payload.properties ?? {}).length === 0 && event.examples.length <= 1;

/**
 * Areas for readers: the ones whose events are best known first (a bot author's look-ups, chat
 * messages, are the best documented), ties in spec order.
 */
function readerOrder(areas: [string, EventSpec[]][]): [string, EventSpec[]][] {
  const known = ([, events]: [string, EventSpec[]]) => events.filter((event) => !isNameOnly(event)).length / events.length;
  return areas.map((area, index) => ({ area, index, share: known(area) })).sort((a, b) => b.share - a.share || a.index - b.index).map(({ area }) => area);
}

/** An entry's description, then its evidence, other names and sources: one paragraph. */
function described(entry: EventSpec | CommandSpec): string {
  const { status, aliases, wireNames, sources } = entryFacts(entry);
  return [
    paragraph(entry.description),
    `Evidence: ${status}.`,
    aliases.length > 0 && inline(`Also known as: ${aliases.join(', ')}.`, false),
    wireNames.length > 0 && `Other wire spellings: ${wireNames.map(code).join(', ')}.`,
    'typeField' in entry && !entry.typeField && 'No type field.',
    inline(sourcesText(sources), false),
  ]
    .filter(Boolean)
    .join(' ');
}

/** An entry's description with its facts, for one table cell. */
function factsCell(entry: EventSpec | CommandSpec): string {
  const { aliases, wireNames, sources } = entryFacts(entry);
  const notes = [
    aliases.length > 0 && `Also known as: ${aliases.join(', ')}.`,
    wireNames.length > 0 && `Other wire spellings: ${wireNames.join(', ')}.`,
    'typeField' in entry && !entry.typeField && 'No type field.',
  ];
  return describedCell([entry.description, ...notes].filter(Boolean).join(' '), sources);
}

export function eventSections(spec: Spec, link: Link): Section[] {
  const event = (entry: EventSpec): Section => ({
    level: 4,
    key: `event:${entry.name}`,
    title: entry.name,
    body: () =>
      blocks(described(entry), fieldTable(entry.payload, objectLink(link)) ?? (entry.typeField ? 'No field is known beyond the type.' : 'No field is known.'), examplesBlock(entry.examples)),
  });
  const area = ([file, events]: [string, EventSpec[]]): Section[] => {
    const full = events.filter((entry) => !isNameOnly(entry));
    const named = events.filter(isNameOnly);
    const nameOnly: Section = {
      level: 4,
      key: `name-only:${file}`,
      alsoKeys: named.map((entry) => `event:${entry.name}`),
      title: `Known only by name: ${areaOf(file)}`,
      body: () =>
        table(
          ['Event', 'Payload', 'Description'],
          named.map((entry) => [code(entry.name), entry.examples.length > 0 ? code(jsonLine(entry.examples[0])) : '', factsCell(entry)]),
        ),
    };
    return [
      {
        level: 3,
        key: `events:${file}`,
        title: `Events: ${areaOf(file)}`,
        body: () =>
          [
            definedIn([file]),
            full.length > 0 && `Events: ${full.map((entry) => link(`event:${entry.name}`, entry.name)).join(', ')}.`,
            named.length > 0 && `Known only by name: ${named.map((entry) => link(`event:${entry.name}`, entry.name)).join(', ')}.`,
          ]
            .filter(Boolean)
            .join(' '),
      },
      ...full.map(event),
      ...(named.length > 0 ? [nameOnly] : []),
    ];
  };
  return [
    {
      level: 2,
      key: 'events',
      title: 'Events',
      body: () =>
        'What the server sends, one area per spec file, the best-known areas first. Each event gives its description, how it is known and from which sources, its fields, and an example payload (any further examples folded below it). Evidence is name-only (no source shows a field), fields (the fields come from the cited sources) or captured (a real frame of it was seen). A field marked `?` may be absent. Every payload also carries `type`, its wire name (or one of its other wire spellings), unless the event says it has no type field. Events no source shows a field of close each area in one table, with the spec\'s example payload.',
    },
    ...readerOrder(byFile(spec.events)).flatMap(area),
  ];
}

export function commandSections(spec: Spec, link: Link): Section[] {
  const files = [...new Set(spec.commands.map((command) => command.source.file))];
  return [
    {
      level: 2,
      key: 'commands',
      title: 'Commands',
      body: () =>
        blocks(
          `What the client sends, besides the ${link('heartbeat', 'heartbeat')}. ${definedIn(files)}`,
          table(
            ['Command', 'Evidence', 'Description'],
            spec.commands.map((command) => [link(`command:${command.name}`, command.name), command.status, inline(command.description)]),
          ),
        ),
    },
    ...spec.commands.map((command) => ({
      level: 3,
      key: `command:${command.name}`,
      title: `${command.name} command`,
      body: () =>
        blocks(
          described(command),
          command.payload && (fieldTable(command.payload, objectLink(link)) ?? 'No field is known.'),
          examplesBlock(command.examples),
          'As a frame:',
          fence((command.payload ? command.examples : [undefined]).map((payload) => frameOf(spec, command.name, payload)).join('\n'), 'text'),
        ),
    })),
  ];
}

export function objectSections(spec: Spec, link: Link): Section[] {
  const object = (entry: ObjectSpec): Section => ({
    level: 4,
    key: `object:${entry.name}`,
    title: entry.name,
    body: () =>
      blocks(
        paragraph([entry.schema.description, sourcesText(entry.schema.sources)].filter(Boolean).join(' ')),
        entry.schema.properties ? fieldTable(entry.schema, objectLink(link)) : `Type: ${typeText(entry.schema, objectLink(link))}. ${inline(innerNotes(entry.schema).join(' '), false)}`.trim(),
      ),
  });
  return [
    { level: 2, key: 'objects', title: 'Objects', body: () => 'Shared objects that events and commands refer to.' },
    ...byFile(spec.objects).flatMap(([file, objects]) => [
      {
        level: 3,
        key: `objects:${file}`,
        title: `Objects: ${areaOf(file)}`,
        body: () =>
`${definedIn([file])} Objects: ${objects.map((entry) => link(`object:${entry.name}`, entry.name)).join(', ')}.`,
      },
      ...objects.map(object),
    ]),
  ];
}
