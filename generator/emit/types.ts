import { StructureKind } from './ts-morph.js';
import type { EventSpec, Spec } from '../load/model.js';
import { pascalCase } from '../load/names.js';
import { declaration } from './declaration.js';
import { FORMAT_TYPES } from './format-types.js';
import { eventPayloadNode, toJsonSchema } from './json-schema.js';
import { extendingDeclaration, membersOf, variantDeclarations, type Objects } from './shaped-types.js';
import { doc, header, literal, namedConstants, printFile, propertyKey, type Statement } from './ts.js';

function entryDocs(entry: { description: string; status?: string; sources: string[]; aliases?: string[]; source: { file: string } }, isOpen = false): string {
  return doc(
    entry.description,
    entry.aliases?.length ? `Also known as ${entry.aliases.join(', ')}.` : undefined,
    [entry.status && `Evidence: ${entry.status}.`, entry.sources.length > 0 && `Sources: ${entry.sources.join(', ')}.`]
      .filter(Boolean)
      .join(' '),
    isOpen ? "@remarks No source shows this event's fields, so the type is open: read any field as `unknown` and check it before use." : undefined,
    `@see ${entry.source.file}`,
  );
}

/** The first sentence of a description: what a hover or a table row shows. */
function firstSentence(text: string): string {
  const end = text.search(/\.(\s|$)/);
  return end === -1 ? text : text.slice(0, end + 1);
}

function region(name: string, statements: Statement[]): Statement[] {
  return [`// #region ${name}`, ...statements, '// #endregion'];
}

/** One event payload: open when only its name is known, a union when it has variants, an extension when it extends. */
async function eventDeclarations(event: EventSpec, objects: Objects): Promise<string[]> {
  const node = eventPayloadNode({ ...event, payload: { ...event.payload, description: undefined } });
  const docs = entryDocs(event, event.status === 'name-only');
  if (node.variants) return variantDeclarations(event.typeName, node, docs, objects);
  if (node.extends) return [await extendingDeclaration(event.typeName, node, docs, objects, event.typeField ? ['type'] : [])];
  const schema = toJsonSchema(node, 'types');
  if (event.status !== 'name-only') return [await declaration(event.typeName, schema, docs)];
  // No source shows a name-only event's fields: reading one is not a mistake the type can catch.
  const open = await declaration(event.typeName, { ...schema, additionalProperties: true }, docs);
  return [open.replace('[k: string]: unknown | undefined;', '[field: string]: unknown;')];
}

/** Every tidy name (PascalCase of the wire name, unless it is misspelled, and each alias) to its event. */
function gatewayEventNames(events: readonly EventSpec[]): { key: string; event: EventSpec }[] {
  const owners = new Map<string, EventSpec>();
  for (const event of events) {
    const names = new Set([...(event.misspelled ? [] : [pascalCase(event.name)]), ...event.aliases]);
    for (const key of names) {
      const earlier = owners.get(key);
      if (earlier && earlier !== event) throw new Error(`GatewayEvent.${key} would name both ${earlier.name} and ${event.name}; give one of them another alias`);
      owners.set(key, event);
    }
  }
  return [...owners].map(([key, event]) => ({ key, event }));
}

/** generated/types.ts: every object, event payload and command, the name maps and the unions. */
export async function emitTypes(spec: Spec, inputs: readonly string[]): Promise<string> {
  const hello = spec.connection.hello;
  const objectsByName: Objects = new Map(spec.objects.map((object) => [object.name, object]));
  const objects = (
    await Promise.all(
      spec.objects.map(async (object) => {
        const node = { ...object.schema, description: undefined, sources: undefined };
        const docs = entryDocs({ description: object.schema.description ?? object.name, sources: object.schema.sources ?? [], source: object.source });
        const type = node.extends ? await extendingDeclaration(object.name, node, docs, objectsByName) : await declaration(object.name, toJsonSchema(node, 'types'), docs);
        const members = membersOf(object.schema);
        // The values by name beside the type of the same name: PresenceStatus.Online is a PresenceStatus.
        const named = members.length > 0 ? namedConstants(object.name, `${object.name} by name. ${firstSentence(object.schema.description ?? '')}`.trim(), members, false) : [];
        return [type, ...named];
      }),
    )
  ).flat();
  const events = (await Promise.all(spec.events.map((event) => eventDeclarations(event, objectsByName)))).flat();
  const commands = await Promise.all(
    spec.commands
      .filter((command) => command.payload)
      .map((command) => declaration(command.typeName, toJsonSchema({ ...command.payload!, description: undefined }, 'types'), entryDocs(command))),
  );
  const helloType = await declaration('Hello', toJsonSchema({ ...hello.payload, description: undefined }, 'types'), doc(hello.description, `@see ${spec.connection.file.file}`));

  const mapInterface = (name: string, docs: string, entries: [string, string, string?][]): Statement => ({
    kind: StructureKind.Interface,
    isExported: true,
    name,
    docs: [docs],
    properties: entries.map(([key, type, memberDocs]) => ({ name: propertyKey(key), type, ...(memberDocs ? { docs: [memberDocs] } : {}) })),
  });
  const gatewayEvents = gatewayEventNames(spec.events);

  return printFile('types.ts', header(inputs), [
    ...region(
      'Formats',
      Object.values(FORMAT_TYPES).map(({ name, docs }) => `/** ${doc(docs)} */\nexport type ${name} = string & {};`),
    ),
    ...region('Connection', [helloType]),
    ...region('Shared objects', objects),
    ...region('Events (server to client)', [
      ...events,
      mapInterface(
        'EventPayloadMap',
        doc('Every event the server sends, by wire name, to the type of its payload.'),
        spec.events.map((event) => [event.name, event.typeName, doc(firstSentence(event.description))]),
      ),
      `/** The wire name of an event. */\nexport type EventName = keyof EventPayloadMap;`,
      `/** The payload of any event the server sends. */\nexport type EventPayload = EventPayloadMap[EventName];`,
      `/** A received event: its wire name as a literal tag, and its payload. */\nexport type ReceivedEvent = { [K in EventName]: { name: K; payload: EventPayloadMap[K] } }[EventName];`,
      `/**\n * Every event by a tidy name (PascalCase, and the aliases the community used) to its wire name, the key of\n * {@link EventPayloadMap}: \`client.on(GatewayEvent.TeamRolesUpdated, ...)\` listens to \`teamRolesUpdated\`.\n */\nexport const GatewayEvent = {\n${gatewayEvents
        .map(({ key, event }) => `  /** ${doc(firstSentence(event.description))} */\n  ${propertyKey(key)}: ${literal(event.name)},`)
        .join('\n')}\n} as const;`,
    ]),
    ...region('Commands (client to server)', [
      ...commands,
      mapInterface(
        'CommandPayloadMap',
        doc('Every command the client sends, by name, to the type of its payload (`undefined`: the command is sent as a bare name).'),
        spec.commands.map((command) => [command.name, command.payload ? command.typeName : 'undefined', doc(firstSentence(command.description))]),
      ),
      `/** The name of a command. */\nexport type CommandName = keyof CommandPayloadMap;`,
      `/** A command to send: its name as a literal tag, and its payload. */\nexport type SentCommand = { [K in CommandName]: { name: K; payload: CommandPayloadMap[K] } }[CommandName];`,
    ]),
  ]);
}
