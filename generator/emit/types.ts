import { compile, type Options } from 'json-schema-to-typescript';
import { StructureKind } from 'ts-morph';
import type { Spec } from '../load/model.js';
import { eventPayloadSchema, toJsonSchema, type JsonSchema } from './json-schema.js';
import { layoutDeclaration } from './layout.js';
import { doc, header, printFile, propertyKey, type Statement } from './ts.js';

const JSTT_OPTIONS: Partial<Options> = {
  bannerComment: '',
  format: false, // Prettier is most of jstt's run time; ts-morph lays out the file instead.
  additionalProperties: false, // closed types: a misspelled key is a compile error
  declareExternallyReferenced: false,
  unknownAny: true,
  strictIndexSignatures: true,
};

/** One named declaration from a schema; the name is the spec key, never a title. */
async function declaration(name: string, schema: JsonSchema, docs: string): Promise<string> {
  const source = await compile({ ...schema, description: docs || undefined }, name, JSTT_OPTIONS);
  if (!new RegExp(`^export (interface|type) ${name}\\b`, 'm').test(source)) {
    throw new Error(`json-schema-to-typescript did not name the declaration ${name}`);
  }
  return layoutDeclaration(source);
}

function entryDocs(entry: { description: string; status?: string; sources: string[]; aliases?: string[]; source: { file: string } }): string {
  return doc(
    entry.description,
    entry.aliases?.length ? `Also known as ${entry.aliases.join(', ')}.` : undefined,
    [entry.status && `Evidence: ${entry.status}.`, entry.sources.length > 0 && `Sources: ${entry.sources.join(', ')}.`]
      .filter(Boolean)
      .join(' '),
    `@see ${entry.source.file}`,
  );
}

function region(name: string, statements: Statement[]): Statement[] {
  return [`// #region ${name}`, ...statements, '// #endregion'];
}

/** generated/types.ts: every object, event payload and command, the name maps and the unions. */
export async function emitTypes(spec: Spec, inputs: readonly string[]): Promise<string> {
  const hello = spec.connection.hello;
  const objects = await Promise.all(
    spec.objects.map((object) =>
      declaration(object.name, toJsonSchema({ ...object.schema, description: undefined, sources: undefined }, 'types'), entryDocs({
        description: object.schema.description ?? object.name,
        sources: object.schema.sources ?? [],
        source: object.source,
      })),
    ),
  );
  const events = await Promise.all(
    spec.events.map((event) =>
      declaration(event.typeName, eventPayloadSchema({ ...event, payload: { ...event.payload, description: undefined } }, 'types'), entryDocs(event)),
    ),
  );
  const commands = await Promise.all(
    spec.commands
      .filter((command) => command.payload)
      .map((command) =>
        declaration(command.typeName, toJsonSchema({ ...command.payload!, description: undefined }, 'types'), entryDocs(command)),
      ),
  );
  const helloType = await declaration('Hello', toJsonSchema({ ...hello.payload, description: undefined }, 'types'), doc(hello.description, `@see ${spec.connection.file.file}`));

  const mapInterface = (name: string, docs: string, entries: [string, string][]): Statement => ({
    kind: StructureKind.Interface,
    isExported: true,
    name,
    docs: [docs],
    properties: entries.map(([key, type]) => ({ name: propertyKey(key), type })),
  });

  return printFile('types.ts', header(inputs), [
    ...region('Connection', [helloType]),
    ...region('Shared objects', objects),
    ...region('Events (server to client)', [
      ...events,
      mapInterface(
        'EventPayloadMap',
        doc('Every event the server sends, by wire name, to the type of its payload.'),
        spec.events.map((event) => [event.name, event.typeName]),
      ),
      `/** The wire name of an event. */\nexport type EventName = keyof EventPayloadMap;`,
      `/** A received event: its wire name as a literal tag, and its payload. */\nexport type ReceivedEvent = { [K in EventName]: { name: K; payload: EventPayloadMap[K] } }[EventName];`,
    ]),
    ...region('Commands (client to server)', [
      ...commands,
      mapInterface(
        'CommandPayloadMap',
        doc('Every command the client sends, by name, to the type of its payload (`undefined`: the command is sent as a bare name).'),
        spec.commands.map((command) => [command.name, command.payload ? command.typeName : 'undefined']),
      ),
      `/** The name of a command. */\nexport type CommandName = keyof CommandPayloadMap;`,
      `/** A command to send: its name as a literal tag, and its payload. */\nexport type SentCommand = { [K in CommandName]: { name: K; payload: CommandPayloadMap[K] } }[CommandName];`,
    ]),
  ]);
}
