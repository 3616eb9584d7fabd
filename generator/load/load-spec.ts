import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { Diagnostics } from './diagnostics.js';
import { reportMetaErrors } from './meta-errors.js';
import {
  commandsFileSchema,
  connectionFileSchema,
  eventsFileSchema,
  objectsFileSchema,
  sampleSessionFileSchema,
  sourcesFileSchema,
} from './meta-schema.js';
import type { CommandSpec, ConnectionSpec, EventSpec, ObjectSpec, SchemaNode, SourceSpec, Spec } from './model.js';
import { commandTypeName, eventTypeName } from './names.js';
import { listSpecFolder, type FileKind } from './spec-files.js';
import { YamlFile } from './yaml-file.js';
import { checkSpec } from './check-spec.js';
import { resolveNodes } from './resolve-nodes.js';
import { checkSampleSession, type SampleSessionData } from './sample-session.js';

const fileSchemas: Record<FileKind, object> = {
  sources: sourcesFileSchema,
  connection: connectionFileSchema,
  commands: commandsFileSchema,
  objects: objectsFileSchema,
  events: eventsFileSchema,
  'sample-session': sampleSessionFileSchema,
};

let metaValidators: Record<FileKind, ValidateFunction> | undefined;
function metaValidator(kind: FileKind): ValidateFunction {
  if (!metaValidators) {
    // verbose: each error carries the value it is about and the schema around it, which the messages quote.
    const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
    ajv.addKeyword('expected');
    metaValidators = Object.fromEntries(
      Object.entries(fileSchemas).map(([name, schema]) => [name, ajv.compile(schema)]),
    ) as Record<FileKind, ValidateFunction>;
  }
  return metaValidators[kind];
}

interface LoadedFile {
  kind: FileKind;
  yaml: YamlFile;
}

/**
 * Reads and checks the spec under `specDir`. Throws a SpecError listing every problem,
 * each as `spec/<file>:<line>:<col>: <message>`; `shownRoot` replaces `spec` there (`main:spec` for a git revision).
 * `currentRules: false` reads a spec written before today's rules (a release, a git revision): it skips
 * the rules added since that the meaning does not depend on (named close codes, no copied fields).
 */
export async function loadSpec(
  specDir: string,
  shownRoot = path.basename(path.resolve(specDir)),
  { currentRules = true }: { currentRules?: boolean } = {},
): Promise<Spec> {
  const diagnostics = new Diagnostics();
  const display = (relative: string) => `${shownRoot}/${relative}`;
  const folder = await listSpecFolder(specDir);
  for (const relative of folder.missing) diagnostics.add({ file: display(relative), line: 1, col: 1, message: 'missing spec file' });
  for (const { relative, reason } of folder.unread) diagnostics.add({ file: display(relative), line: 1, col: 1, message: reason });

  const loaded: LoadedFile[] = [];
  for (const { kind, relative } of folder.read) {
    const absolute = path.join(specDir, relative);
    const [text, stats] = await Promise.all([readFile(absolute, 'utf8'), stat(absolute)]);
    const yaml = YamlFile.parse(display(relative), text, diagnostics, stats.mtimeMs);
    if (!yaml) continue;
    const validate = metaValidator(kind);
    if (!validate(yaml.data)) {
      reportMetaErrors(yaml, validate.errors ?? [], diagnostics);
      continue;
    }
    loaded.push({ kind, yaml });
  }
  diagnostics.throwIfAny();

  const written = assemble(loaded);
  checkSpec(written, diagnostics, { currentRules });
  diagnostics.throwIfAny();
  const spec = resolveNodes(written);
  if (spec.sampleSession) checkSampleSession(spec.sampleSession, spec, diagnostics);
  diagnostics.throwIfAny();
  return spec;
}

function assemble(loaded: LoadedFile[]): Spec {
  const of = (kind: FileKind) => loaded.filter((file) => file.kind === kind);
  const sourcesFile = of('sources')[0]!;
  const connectionFile = of('connection')[0]!;
  const commandsFile = of('commands')[0]!;
  const sessionFile = of('sample-session')[0];

  const sourcesData = (sourcesFile.yaml.data as { sources: Record<string, SourceSpec> }).sources;

  const objects: ObjectSpec[] = of('objects').flatMap(({ yaml }) =>
    Object.entries((yaml.data as { objects: Record<string, SchemaNode> }).objects).map(([name, schema]) => ({
      name,
      schema,
      source: yaml,
      path: ['objects', name],
    })),
  );

  type RawEvent = Omit<EventSpec, 'name' | 'typeName' | 'source' | 'path' | 'aliases' | 'wireNames' | 'typeField' | 'misspelled'> &
    Partial<Pick<EventSpec, 'aliases' | 'wireNames' | 'typeField' | 'misspelled'>>;
  const events: EventSpec[] = of('events').flatMap(({ yaml }) =>
    Object.entries((yaml.data as { events: Record<string, RawEvent> }).events).map(([name, raw]) => ({
      ...raw,
      name,
      // A misspelled wire name stays the key; the type takes the tidy spelling (checkSpec asks for an alias).
      typeName: eventTypeName(raw.misspelled && raw.aliases?.[0] ? raw.aliases[0] : name),
      aliases: raw.aliases ?? [],
      wireNames: raw.wireNames ?? [],
      typeField: raw.typeField ?? true,
      misspelled: raw.misspelled ?? false,
      source: yaml,
      path: ['events', name],
    })),
  );

  type RawCommand = Omit<CommandSpec, 'name' | 'typeName' | 'source' | 'path' | 'examples' | 'aliases'> & { examples?: unknown[]; aliases?: string[] };
  const commands: CommandSpec[] = Object.entries(
    (commandsFile.yaml.data as { commands: Record<string, RawCommand> }).commands,
  ).map(([name, raw]) => ({
    ...raw,
    examples: raw.examples ?? [],
    aliases: raw.aliases ?? [],
    name,
    typeName: commandTypeName(name),
    source: commandsFile.yaml,
    path: ['commands', name],
  }));

  return {
    files: loaded.map(({ kind, yaml }) => ({ kind, file: yaml.file })),
    sources: new Map(Object.entries(sourcesData)),
    connection: { ...(connectionFile.yaml.data as ConnectionSpec), file: connectionFile.yaml },
    commands,
    objects,
    events,
    ...(sessionFile ? { sampleSession: { file: sessionFile.yaml, data: sessionFile.yaml.data as SampleSessionData } } : {}),
  };
}
