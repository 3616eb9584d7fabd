import path from 'node:path';
import type { CommandSpec, EventSpec, Spec } from '../load/model.js';
import { entryFacts } from './entry-facts.js';

/**
 * The messages and their tags. One message per wire spelling, keyed by it: a consumer that matches
 * on the socket.io event name finds each spelling the client dispatches. Commands are keyed by their
 * type name, since a command may share its wire name with an event (ChatChannelTyping).
 */

const tagRef = (key: string) => ({ $ref: `#/components/tags/${key}` });
const areaKey = (file: string) => `area-${path.posix.basename(file, path.posix.extname(file))}`;
const evidenceKey = (status: string) => `evidence-${status}`;
const sourceKey = (tag: string) => `source-${tag}`;

const EVIDENCE: Record<EventSpec['status'], string> = {
  'name-only': 'No source shows a field: only the name is known.',
  fields: 'The fields come from the cited sources.',
  captured: 'A real frame of it was seen (spec/reference/captures).',
};

/** The tags messages and servers refer to: one per spec file, evidence level and source. */
export function tags(spec: Spec): Record<string, unknown> {
  const files = [...new Set([...spec.events, ...spec.commands].map((entry) => entryFacts(entry).file))];
  return {
    ...Object.fromEntries(files.map((file) => [areaKey(file), { name: `area:${path.posix.basename(file, path.posix.extname(file))}`, description: `Defined in ${file}.` }])),
    ...Object.fromEntries(Object.entries(EVIDENCE).map(([status, description]) => [evidenceKey(status), { name: `evidence:${status}`, description }])),
    ...Object.fromEntries(
      [...spec.sources].map(([tag, source]) => [
        sourceKey(tag),
        { name: `source:${tag}`, description: source.era ? `${source.title} (${source.era} era).` : source.title, ...(source.url ? { externalDocs: { url: source.url } } : {}) },
      ]),
    ),
  };
}

/** References to the tags of some sources. */
export const sourceTags = (sources: readonly string[]) => sources.map((tag) => tagRef(sourceKey(tag)));

/** What every message says about where it is defined and how it is known. */
function common(entry: EventSpec | CommandSpec): Record<string, unknown> {
  const { status, sources, aliases, file } = entryFacts(entry);
  return {
    description: entry.description,
    ...(entry.payload !== undefined ? { payload: { $ref: `#/components/schemas/${entry.typeName}` } } : {}),
    tags: [tagRef(areaKey(file)), tagRef(evidenceKey(status)), ...sourceTags(sources)],
    ...(aliases.length > 0 ? { 'x-aliases': aliases } : {}),
  };
}

const examplesOf = (values: readonly unknown[]) => (values.length > 0 ? { examples: values.map((payload) => ({ payload })) } : {});

/** An event's messages, one per spelling; each example goes to the spelling its `type` names. */
function eventMessages(event: EventSpec): [string, Record<string, unknown>][] {
  const others = new Set(event.wireNames);
  const typeOf = (example: unknown) => (typeof example === 'object' && example !== null ? (example as { type?: unknown }).type : undefined);
  const spelledAs = (spelling: string) => event.examples.filter((example) => typeOf(example) === spelling);
  return [
    [
      event.name,
      {
        name: event.name,
        title: event.name,
        ...common(event),
        ...examplesOf(event.examples.filter((example) => !others.has(typeOf(example) as string))),
        ...(event.wireNames.length > 0 ? { 'x-other-wire-spellings': event.wireNames } : {}),
      },
    ],
    ...event.wireNames.map((spelling): [string, Record<string, unknown>] => [
      spelling,
      {
        name: spelling,
        title: spelling,
        summary: `Another wire spelling of ${event.name}; the client dispatches it as that event.`,
        ...common(event),
        ...examplesOf(spelledAs(spelling)),
        'x-dispatched-as': event.name,
      },
    ]),
  ];
}

function commandMessage(command: CommandSpec): [string, Record<string, unknown>] {
  return [command.typeName, { name: command.name, title: command.name, ...common(command), ...examplesOf(command.examples) }];
}

/** Every message by its key, events before commands; two entries under one key are an error, not an overwrite. */
export function messages(spec: Spec): { received: string[]; sent: string[]; all: Record<string, unknown> } {
  const received = spec.events.flatMap(eventMessages);
  const sent = spec.commands.map(commandMessage);
  const all: Record<string, unknown> = {};
  for (const [key, message] of [...received, ...sent]) {
    if (key in all) throw new Error(`two AsyncAPI messages are keyed ${key}: a wire spelling and a command type name collide`);
    all[key] = message;
  }
  return { received: received.map(([key]) => key), sent: sent.map(([key]) => key), all };
}
