import { StructureKind, VariableDeclarationKind } from 'ts-morph';
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

function entries(name: string, keyType: string, entryType: string, rows: [string, string][]): Statement {
  return {
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [
      {
        name,
        initializer: `{\n${rows.map(([key, value]) => `  ${propertyKey(key)}: ${value},`).join('\n')}\n} satisfies Record<${keyType}, ${entryType}>`,
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
    `import type { CommandName, EventName } from './types.js';`,
    `/** How an entry is known: only its name, fields from public sources, or a real captured frame. */\nexport type EvidenceStatus = 'name-only' | 'fields' | 'captured';`,
    {
      kind: StructureKind.Interface,
      isExported: true,
      name: 'EventEntry',
      docs: [doc('What the dispatcher knows about one event.')],
      properties: [
        { name: 'name', type: 'EventName', isReadonly: true, docs: ['The canonical wire name (the key of EventPayloadMap).'] },
        { name: 'aliases', type: 'readonly string[]', isReadonly: true, docs: ['Tidy names the community documentation used.'] },
        { name: 'status', type: 'EvidenceStatus', isReadonly: true },
        { name: 'description', type: 'string', isReadonly: true },
        { name: 'validate', type: 'ValidateFunction', isReadonly: true, docs: ['The fast validator of the payload: true when it matches the spec and has no unknown field.'] },
        { name: 'validatorName', type: 'string', isReadonly: true, docs: ['The validator\'s export name, the same in validators.js and in the full report, validators-report.cjs.'] },
      ],
    },
    {
      kind: StructureKind.Interface,
      isExported: true,
      name: 'CommandEntry',
      docs: [doc('What the dispatcher knows about one command.')],
      properties: [
        { name: 'name', type: 'CommandName', isReadonly: true },
        { name: 'aliases', type: 'readonly string[]', isReadonly: true },
        { name: 'hasPayload', type: 'boolean', isReadonly: true, docs: ['False for commands sent as a bare name, such as 42["logout"].'] },
        { name: 'status', type: 'EvidenceStatus', isReadonly: true },
        { name: 'description', type: 'string', isReadonly: true },
        { name: 'validate', type: 'ValidateFunction', isReadonly: true },
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
    entries('eventEntries', 'EventName', 'EventEntry', spec.events.map((event) => [event.name, entryObject(event, event.aliases)])),
    table(
      'events',
      'EventEntry',
      doc('Every event by every wire spelling. Unknown names are absent: look up with `events[name]` and handle `undefined`.'),
      ['...eventEntries', ...spellings],
    ),
    entries('commandEntries', 'CommandName', 'CommandEntry', spec.commands.map((command) => [command.name, entryObject(command, command.aliases, [`    hasPayload: ${command.payload !== undefined},`])])),
    table('commands', 'CommandEntry', doc('Every command the client can send, by name.'), ['...commandEntries']),
  ]);
}
