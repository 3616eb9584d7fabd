import { StructureKind, VariableDeclarationKind } from './ts-morph.js';
import type { CommandSpec, EventSpec, Spec } from '../load/model.js';
import { validatorName } from '../load/names.js';
import { doc, header, literal, printFile, propertyKey, type Statement } from './ts.js';

function entryObject(entry: EventSpec | CommandSpec, aliases: readonly string[], extra: string[] = []): string {
  return [
    '{',
    `    name: ${literal(entry.name)},`,
    `    aliases: ${literal(aliases)},`,
    ...extra,
    `    status: ${literal(entry.status)},`,
    `    description: ${literal(entry.description)},`,
    `    validate: validators.${validatorName(entry.typeName)},`,
    `    validatorName: ${literal(validatorName(entry.typeName))},`,
    '  }',
  ].join('\n');
}

/** A frozen, prototype-free table: looking up `constructor` or `__proto__` finds nothing. */
function table(name: string, type: string, docs: string, rows: readonly string[]): Statement {
  return {
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: [docs],
    declarations: [{ name, type: `Readonly<Record<string, ${type}>>`, initializer: `freezeTable({\n${rows.map((row) => `  ${row},`).join('\n')}\n})` }],
  };
}

/** The table by canonical name, typed key by key: `eventEntries.ChatMessageCreated.validate` proves a ChatMessageCreatedPayload. */
function entries(name: string, keyType: string, entryType: string, docs: string, rows: [string, string][]): Statement {
  return {
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: [docs],
    declarations: [
      {
        name,
        type: `{ readonly [K in ${keyType}]: ${entryType}<K> }`,
        initializer: `Object.freeze({\n${rows.map(([key, value]) => `  ${propertyKey(key)}: ${value},`).join('\n')}\n})`,
      },
    ],
  };
}

/** generated/dispatcher.ts: wire name to `{ name, aliases, status, description, validate }`. */
export function emitDispatcher(spec: Spec, inputs: readonly string[]): string {
  // Other wire spellings share the canonical entry, so both dispatch to one event.
  const spellings = spec.events.flatMap((event) =>
    event.wireNames.map((spelling) => `${propertyKey(spelling)}: eventEntries[${literal(event.name)}]`),
  );

  return printFile('dispatcher.ts', header(inputs), [
    `import * as validators from './validators.js';`,
    `import type { ValidateFunction } from './validators.js';`,
    `import type { CommandName, CommandPayloadMap, EventName, EventPayloadMap } from './types.js';`,
    `/** How an entry is known: only its name, fields from public sources, or a real captured frame. */\nexport type EvidenceStatus = 'name-only' | 'fields' | 'captured';`,
    {
      kind: StructureKind.Interface,
      isExported: true,
      name: 'EventEntry',
      typeParameters: [{ name: 'K', constraint: 'EventName', default: 'EventName' }],
      docs: [doc('What the dispatcher knows about one event: `EventEntry<"ChatMessageCreated">` for one, `EventEntry` for any.')],
      properties: [
        { name: 'name', type: 'K', isReadonly: true, docs: ['The canonical wire name (the key of EventPayloadMap).'] },
        { name: 'aliases', type: 'readonly string[]', isReadonly: true, docs: ['Tidy names the community documentation used.'] },
        { name: 'status', type: 'EvidenceStatus', isReadonly: true },
        { name: 'description', type: 'string', isReadonly: true },
        {
          name: 'validate',
          type: 'ValidateFunction<EventPayloadMap[K]>',
          isReadonly: true,
          docs: ['The fast validator of the payload, a type guard: true when it matches the spec and has no unknown field.'],
        },
        { name: 'validatorName', type: 'string', isReadonly: true, docs: ['The validator\'s export name, the same in validators.js and in the full report, validators-report.cjs.'] },
      ],
    },
    {
      kind: StructureKind.Interface,
      isExported: true,
      name: 'CommandEntry',
      typeParameters: [{ name: 'K', constraint: 'CommandName', default: 'CommandName' }],
      docs: [doc('What the dispatcher knows about one command: `CommandEntry<"ChatChannelTyping">` for one, `CommandEntry` for any.')],
      properties: [
        { name: 'name', type: 'K', isReadonly: true },
        { name: 'aliases', type: 'readonly string[]', isReadonly: true },
        { name: 'hasPayload', type: 'boolean', isReadonly: true, docs: ['False for commands sent as a bare name, such as 42["logout"].'] },
        { name: 'status', type: 'EvidenceStatus', isReadonly: true },
        { name: 'description', type: 'string', isReadonly: true },
        { name: 'validate', type: 'ValidateFunction<CommandPayloadMap[K]>', isReadonly: true },
        { name: 'validatorName', type: 'string', isReadonly: true },
      ],
    },
    {
      kind: StructureKind.Function,
      name: 'freezeTable',
      typeParameters: ['T'],
      parameters: [{ name: 'rows', type: 'Record<string, T>' }],
      returnType: 'Readonly<Record<string, T>>',
      statements: 'return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, rows));',
    },
    entries(
      'eventEntries',
      'EventName',
      'EventEntry',
      doc('Every event by its canonical wire name, each entry typed for its own payload. To look up a name read from the wire, use `events`.'),
      spec.events.map((event) => [event.name, entryObject(event, event.aliases)]),
    ),
    table(
      'events',
      'EventEntry',
      doc('Every event by every wire spelling. Unknown names are absent: look up with `events[name]` and handle `undefined`.'),
      ['...eventEntries', ...spellings],
    ),
    entries(
      'commandEntries',
      'CommandName',
      'CommandEntry',
      doc('Every command by name, each entry typed for its own payload.'),
      spec.commands.map((command) => [command.name, entryObject(command, command.aliases, [`    hasPayload: ${command.payload !== undefined},`])]),
    ),
    table('commands', 'CommandEntry', doc('Every command the client can send, by name.'), ['...commandEntries']),
  ]);
}
