import path from 'node:path';
import type { CommandSpec, EventSpec, ObjectSpec, Spec } from '../load/model.js';
import { fieldTable, typeText } from './field-table.js';
import { entryFacts } from './entry-facts.js';
import { eventPayloadNode } from './json-schema.js';
import { code, fence, inline, paragraph, Slugger, table } from './markdown.js';
import { notice } from './notice.js';
import { literal } from './ts.js';

/** A heading and what follows it. Bodies are rendered after every anchor is known, so they may link forward. */
interface Section {
  level: number;
  /** Names the section for links: `event:<wire name>`, `object:<name>`, `command:<name>`, or a fixed word. */
  key: string;
  title: string;
  body: () => string;
}

/** Makes a link to the section with `key`. */
type Link = (key: string, text: string) => string;

const sources = (tags: readonly string[]) => `Sources: ${inline(tags.join(', '), false)}.`;
const blocks = (...parts: (string | undefined | false)[]) => parts.filter((part): part is string => Boolean(part)).join('\n\n');
const json = (value: unknown) => fence(literal(value, 2), 'json');

/** `spec/events/team-channels.yaml` -> `team channels`. */
const areaOf = (file: string) => path.posix.basename(file, '.yaml').replace(/[-_]+/g, ' ');

/** Entries grouped by the spec file that holds them, in spec order. */
function byFile<T extends { source: { file: string } }>(entries: readonly T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const entry of entries) {
    const group = groups.get(entry.source.file) ?? [];
    group.push(entry);
    groups.set(entry.source.file, group);
  }
  return [...groups];
}

/** The frame text of a socket.io event or command: `42["Name",{...}]`. */
function frameOf(spec: Spec, name: string, payload?: unknown): string {
  const { enginePacketTypes, socketPacketTypes } = spec.connection.frames;
  return `${enginePacketTypes['message']!.code}${socketPacketTypes['event']!.code}${literal(payload === undefined ? [name] : [name, payload])}`;
}

/** A bullet list of the items that are present. */
const list = (...items: (string | undefined | false)[]) => items.filter((item): item is string => Boolean(item)).map((item) => `- ${item}`).join('\n');

/** The facts under an event or command heading. */
function facts(entry: EventSpec | CommandSpec): string {
  const { status, aliases, wireNames, file, ...rest } = entryFacts(entry);
  return list(
    `Evidence: ${status}`,
    aliases.length > 0 && `Also known as: ${inline(aliases.join(', '), false)}`,
    wireNames.length > 0 && `Other wire spellings: ${wireNames.map(code).join(', ')}`,
    sources(rest.sources),
    `Defined in ${code(file)}`,
  );
}

/** Field types link shared objects to their sections. */
const objectLink = (link: Link) => (name: string) => link(`object:${name}`, name);

function examples(values: readonly unknown[]): string | undefined {
  if (values.length === 0) return undefined;
  return blocks(values.length === 1 ? 'Example:' : 'Examples:', ...values.map(json));
}

function connectionSections(spec: Spec, link: Link): Section[] {
  const { connection } = spec;
  const { hello, heartbeat, frames } = connection;
  const shown = spec.events.find((event) => event.name === connection.payloads.exampleEvent)!;
  const query = connection.query
    .filter((parameter) => parameter.required)
    .map(({ name, value, example }) => {
      const given = value ?? example;
      return `${name}=${given === undefined ? `{${name}}` : encodeURIComponent(given)}`;
    })
    .join('&');
  const packetTable = (types: typeof frames.enginePacketTypes) =>
    table(['Code', 'Name', 'Description'], Object.entries(types).map(([name, item]) => [String(item.code), code(name), inline(item.description)]));

  return [
    {
      level: 2,
      key: 'payloads',
      title: 'Payloads',
      body: () =>
        blocks(
          paragraph(connection.payloads.description),
          sources(connection.payloads.sources),
          `The payload of a ${link(`event:${shown.name}`, shown.name)} event:`,
          json(shown.examples[0]),
          'The same event as a whole frame:',
          fence(frameOf(spec, shown.name, shown.examples[0]), 'text'),
        ),
    },
    {
      level: 2,
      key: 'connecting',
      title: 'Connecting',
      body: () => blocks('A URL for each endpoint, with every required query parameter:', fence(connection.endpoints.map((endpoint) => `${endpoint.url}?${query}`).join('\n'), 'text')),
    },
    {
      level: 3,
      key: 'endpoints',
      title: 'Endpoints',
      body: () =>
        table(
          ['URL', 'From', 'Until', 'Current', 'Description', 'Sources'],
          connection.endpoints.map((endpoint) => [
            code(endpoint.url),
            inline(endpoint.from),
            inline(endpoint.until ?? ''),
            endpoint.current ? 'yes' : '',
            inline(endpoint.description),
            inline(endpoint.sources.join(', ')),
          ]),
        ),
    },
    {
      level: 3,
      key: 'query',
      title: 'Query parameters',
      body: () =>
        table(
          ['Name', 'Value', 'Required', 'Since', 'Description', 'Sources'],
          connection.query.map((parameter) => [
            code(parameter.name),
            parameter.value !== undefined ? code(parameter.value) : parameter.example !== undefined ? `for example ${code(parameter.example)}` : '',
            parameter.required ? 'yes' : '',
            inline(parameter.since ?? ''),
            inline(parameter.description),
            inline(parameter.sources.join(', ')),
          ]),
        ),
    },
    {
      level: 3,
      key: 'headers',
      title: 'Headers',
      body: () =>
        table(
          ['Name', 'Required', 'Cookies', 'Description', 'Sources'],
          connection.headers.map((header) => [
            code(header.name),
            header.required ? 'yes' : '',
            (header.cookies ?? []).map(code).join(', '),
            inline(header.description),
            inline(header.sources.join(', ')),
          ]),
        ),
    },
    {
      level: 2,
      key: 'hello',
      title: 'Hello',
      body: () =>
        blocks(
          paragraph(hello.description),
          sources(hello.sources),
          `Documented defaults: pingInterval ${hello.defaults.pingInterval} ms, pingTimeout ${hello.defaults.pingTimeout} ms.`,
          fieldTable(hello.payload, objectLink(link)),
          examples(hello.examples),
          'As a frame:',
          fence(`${frames.enginePacketTypes['open']!.code}${literal(hello.examples[0])}`, 'text'),
        ),
    },
    {
      level: 2,
      key: 'heartbeat',
      title: 'Heartbeat',
      body: () =>
        blocks(
          `The client sends ${code(heartbeat.ping)}; the server answers ${code(heartbeat.pong)}.`,
          paragraph(heartbeat.description),
          sources(heartbeat.sources),
        ),
    },
    { level: 2, key: 'frames', title: 'Frames', body: () => blocks(paragraph(frames.description), sources(frames.sources)) },
    { level: 3, key: 'engine-packets', title: 'Engine.IO packet types', body: () => packetTable(frames.enginePacketTypes) },
    { level: 3, key: 'socket-packets', title: 'socket.io packet types', body: () => packetTable(frames.socketPacketTypes) },
    {
      level: 2,
      key: 'close-codes',
      title: 'Close codes',
      body: () =>
        table(
          ['Code', 'Ends the session', 'Description', 'Sources'],
          connection.closeCodes.map((entry) => [inline(String(entry.code)), entry.endsSession ? 'yes' : 'no', inline(entry.description), inline(entry.sources.join(', '))]),
        ),
    },
    {
      level: 2,
      key: 'unknowns',
      title: 'What is unknown',
      body: () =>
        table(
          ['Topic', 'Description', 'Sources'],
          connection.unknown.map((entry) => [inline(entry.topic), inline(entry.description), inline(entry.sources.join(', '))]),
        ),
    },
  ];
}

function commandSections(spec: Spec, link: Link): Section[] {
  const title = (command: CommandSpec) => `${command.name} command`;
  return [
    {
      level: 2,
      key: 'commands',
      title: 'Commands',
      body: () =>
        blocks(
          `What the client sends, besides the ${link('heartbeat', 'heartbeat')}.`,
          table(
            ['Command', 'Also known as', 'Evidence', 'Description'],
            spec.commands.map((command) => [link(`command:${command.name}`, command.name), inline(command.aliases.join(', ')), command.status, inline(command.description)]),
          ),
        ),
    },
    ...spec.commands.map((command) => ({
      level: 3,
      key: `command:${command.name}`,
      title: title(command),
      body: () =>
        blocks(
          paragraph(command.description),
          facts(command),
          command.payload && (fieldTable(command.payload, objectLink(link)) ?? 'No field is known.'),
          examples(command.examples),
          'As a frame:',
          fence((command.payload ? command.examples : [undefined]).map((payload) => frameOf(spec, command.name, payload)).join('\n'), 'text'),
        ),
    })),
  ];
}

function eventSections(spec: Spec, link: Link): Section[] {
  const event = (entry: EventSpec): Section => ({
    level: 4,
    key: `event:${entry.name}`,
    title: entry.name,
    body: () =>
      blocks(
        paragraph(entry.description),
        facts(entry),
        fieldTable(eventPayloadNode(entry), objectLink(link)) ?? 'No field is known.',
        examples(entry.examples),
      ),
  });
  return [
    {
      level: 2,
      key: 'events',
      title: 'Events',
      body: () =>
        'What the server sends, grouped by the spec file that holds them. Evidence says how each is known: name-only (no source shows a field), fields (the fields come from the cited sources) or captured (a real frame of it was seen).',
    },
    ...byFile(spec.events).flatMap(([file, events]) => [
      {
        level: 3,
        key: `events:${file}`,
        title: `Events: ${areaOf(file)}`,
        body: () =>
          table(
            ['Event', 'Also known as', 'Evidence', 'Description'],
            events.map((entry) => [link(`event:${entry.name}`, entry.name), inline(entry.aliases.join(', ')), entry.status, inline(entry.description)]),
          ),
      },
      ...events.map(event),
    ]),
  ];
}

function objectSections(spec: Spec, link: Link): Section[] {
  const object = (entry: ObjectSpec): Section => ({
    level: 4,
    key: `object:${entry.name}`,
    title: entry.name,
    body: () =>
      blocks(
        paragraph(entry.schema.description ?? ''),
        list(entry.schema.sources && sources(entry.schema.sources), `Defined in ${code(entry.source.file)}`),
        entry.schema.properties ? fieldTable(entry.schema, objectLink(link)) : `Type: ${typeText(entry.schema, objectLink(link))}`,
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
          table(
            ['Object', 'Description'],
            objects.map((entry) => [link(`object:${entry.name}`, entry.name), inline(entry.schema.description ?? '')]),
          ),
      },
      ...objects.map(object),
    ]),
  ];
}

function sourceSection(spec: Spec): Section {
  return {
    level: 2,
    key: 'sources',
    title: 'Sources',
    body: () =>
      blocks(
        'The tags that every entry above cites; spec/reference/sources.md lists the files and commits read from each.',
        table(
          ['Tag', 'Source', 'Era', 'Repository'],
          [...spec.sources].map(([tag, source]) => [code(tag), inline(source.title), inline(source.era ?? ''), source.url ? `<${source.url}>` : '']),
        ),
      ),
  };
}

/** generated/docs/gateway.md: the whole gateway as a Markdown reference whose links work on a code host. */
export function emitReferenceDocs(spec: Spec, inputs: readonly string[]): string {
  const anchors = new Map<string, string>();
  const link: Link = (key, text) => {
    const anchor = anchors.get(key);
    if (anchor === undefined) throw new Error(`the reference has no section ${key}`);
    return `[${inline(text)}](#${anchor})`;
  };

  const contents: Section = {
    level: 2,
    key: 'contents',
    title: 'Contents',
    body: () =>
      sections
        .filter((section) => section.level >= 2 && section.level <= 3 && section !== contents)
        .map((section) => `${'  '.repeat(section.level - 2)}- ${link(section.key, section.title)}`)
        .join('\n'),
  };
  const sections: Section[] = [
    { level: 1, key: 'top', title: 'Guilded gateway reference', body: () => blocks(paragraph(spec.connection.overview.description), sources(spec.connection.overview.sources)) },
    contents,
    ...connectionSections(spec, link),
    ...commandSections(spec, link),
    ...eventSections(spec, link),
    ...objectSections(spec, link),
    sourceSection(spec),
  ];

  // Anchors in document order, as the code host numbers repeated headings.
  const slugger = new Slugger();
  for (const section of sections) anchors.set(section.key, slugger.slug(section.title));

  const page = sections.map((section) => blocks(`${'#'.repeat(section.level)} ${inline(section.title, false)}`, section.body()));
  return `${blocks(`<!--\n${notice(inputs).join('\n')}\n-->`, ...page)}\n`;
}
