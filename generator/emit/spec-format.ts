/**
 * generated/schema/spec-format.json: the spec's own format, for editors. It is the meta-schema the
 * loader checks every spec file against (generator/load/meta-schema.ts), put together as one JSON Schema
 * (draft-07, which the YAML language server reads) that picks a file's schema by its top-level key.
 * Each spec file names it in its first line, `# yaml-language-server: $schema=...`.
 */
import {
  commandsFileSchema,
  connectionFileSchema,
  eventsFileSchema,
  objectsFileSchema,
  sampleSessionFileSchema,
  sourcesFileSchema,
} from '../load/meta-schema.js';
import { notice } from './notice.js';
import { literal } from './ts.js';

/** Each kind of spec file, by the key only that kind has at its top, in the order they are tried. */
const KINDS: readonly { key: string; name: string; schema: object }[] = [
  { key: 'events', name: 'eventsFile', schema: eventsFileSchema },
  { key: 'objects', name: 'objectsFile', schema: objectsFileSchema },
  { key: 'commands', name: 'commandsFile', schema: commandsFileSchema },
  { key: 'sources', name: 'sourcesFile', schema: sourcesFileSchema },
  { key: 'steps', name: 'sampleSessionFile', schema: sampleSessionFileSchema },
  { key: 'overview', name: 'connectionFile', schema: connectionFileSchema },
];

/** Where the spec files find the schema, from their own folders. */
export const SPEC_FORMAT_FILE = 'schema/spec-format.json';

/** True of a file whose top holds `key`; `properties` names it, so that a strict validator accepts the `required`. */
const holds = (key: string) => ({ required: [key], properties: { [key]: true } });

/** A file schema without its own `definitions`: they are shared at the top. */
const withoutDefinitions = (schema: object): object => Object.fromEntries(Object.entries(schema).filter(([key]) => key !== 'definitions'));

/** The text of generated/schema/spec-format.json. */
export function emitSpecFormat(): string {
  const [first, ...rest] = KINDS;
  // if/then/else down the kinds: an editor shows the errors of the one schema the file is, not of all six.
  const chain = [...rest].reverse().reduce<object>(
    (otherwise, kind) => ({ if: holds(kind.key), then: { $ref: `#/definitions/${kind.name}` }, else: otherwise }),
    {
      expected: `a spec file: its top-level key is one of ${KINDS.map((kind) => kind.key).join(', ')}`,
      anyOf: KINDS.map((kind) => holds(kind.key)),
    },
  );
  const format = {
    $comment: notice(['generator/load/meta-schema.ts']).join(' '),
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'guilded-gateway spec file',
    description: 'A file of the gateway spec (spec/README.md): the schema the generator checks it against, for editors.',
    definitions: {
      node: eventsFileSchema.definitions.node,
      ...Object.fromEntries(KINDS.map((kind) => [kind.name, withoutDefinitions(kind.schema)])),
    },
    type: 'object',
    if: holds(first!.key),
    then: { $ref: `#/definitions/${first!.name}` },
    else: chain,
  };
  return `${literal(format, 2)}\n`;
}
