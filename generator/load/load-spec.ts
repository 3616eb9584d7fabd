import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { Diagnostics } from './diagnostics.js';
import {
  commandsFileSchema,
  connectionFileSchema,
  eventsFileSchema,
  objectsFileSchema,
  sourcesFileSchema,
} from './meta-schema.js';
import type { CommandSpec, ConnectionSpec, EventSpec, ObjectSpec, SchemaNode, Spec } from './model.js';
import { commandTypeName, eventTypeName } from './names.js';
import { YamlFile } from './yaml-file.js';
import { checkSpec } from './check-spec.js';

type FileKind = 'sources' | 'connection' | 'commands' | 'objects' | 'events';

/** Every spec file, by kind, in a stable order. `specDir` is read; names are reported relative to `displayRoot`. */
async function listSpecFiles(specDir: string): Promise<{ kind: FileKind; absolute: string }[]> {
  const inFolder = async (folder: string, kind: FileKind) => {
    const names = await readdir(path.join(specDir, folder)).catch(() => [] as string[]);
    return names
      .filter((name) => name.endsWith('.yaml'))
      .sort()
      .map((name) => ({ kind, absolute: path.join(specDir, folder, name) }));
  };
  return [
    { kind: 'sources', absolute: path.join(specDir, 'sources.yaml') },
    { kind: 'connection', absolute: path.join(specDir, 'connection.yaml') },
    { kind: 'commands', absolute: path.join(specDir, 'commands.yaml') },
    ...(await inFolder('objects', 'objects')),
    ...(await inFolder('events', 'events')),
  ];
}

const fileSchemas: Record<FileKind, object> = {
  sources: sourcesFileSchema,
  connection: connectionFileSchema,
  commands: commandsFileSchema,
  objects: objectsFileSchema,
  events: eventsFileSchema,
};

let metaValidators: Record<FileKind, ValidateFunction> | undefined;
function metaValidator(kind: FileKind): ValidateFunction {
  if (!metaValidators) {
    const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
    metaValidators = Object.fromEntries(
      Object.entries(fileSchemas).map(([name, schema]) => [name, ajv.compile(schema)]),
    ) as Record<FileKind, ValidateFunction>;
  }
  return metaValidators[kind];
}

/** Turns an ajv error about the spec file itself into a located, readable problem. */
function reportMetaError(file: YamlFile, error: ErrorObject, diagnostics: Diagnostics): void {
  const at = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
  const where = at.length > 0 ? `${at.join('.')}: ` : '';
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      file.report(diagnostics, [...at, key], `${where}unknown key "${key}"`, true);
      return;
    }
    case 'required':
      file.report(diagnostics, at, `${where}missing required key "${String(error.params.missingProperty)}"`);
      return;
    case 'propertyNames': {
      const key = String(error.params.propertyName);
      file.report(diagnostics, [...at, key], `${where}"${key}" is not an allowed name`, true);
      return;
    }
    case 'enum':
      file.report(diagnostics, at, `${where}must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`);
      return;
    default:
      file.report(diagnostics, at, `${where}${error.message ?? error.keyword}`);
  }
}

interface LoadedFile {
  kind: FileKind;
  yaml: YamlFile;
}

/**
 * Reads and checks the spec under `specDir`. Throws a SpecError listing every problem,
 * each as `spec/<file>:<line>:<col>: <message>`.
 */
export async function loadSpec(specDir: string): Promise<Spec> {
  const diagnostics = new Diagnostics();
  const displayRoot = path.dirname(path.resolve(specDir));
  const loaded: LoadedFile[] = [];
  for (const { kind, absolute } of await listSpecFiles(specDir)) {
    const display = path.relative(displayRoot, absolute).split(path.sep).join('/');
    const text = await readFile(absolute, 'utf8').catch(() => undefined);
    if (text === undefined) {
      diagnostics.add({ file: display, line: 1, col: 1, message: `missing spec file` });
      continue;
    }
    const yaml = YamlFile.parse(display, text, diagnostics);
    if (!yaml) continue;
    const validate = metaValidator(kind);
    if (!validate(yaml.data)) {
      for (const error of dropAnyOfNoise(validate.errors ?? [])) reportMetaError(yaml, error, diagnostics);
      continue;
    }
    loaded.push({ kind, yaml });
  }
  diagnostics.throwIfAny();

  const spec = assemble(loaded);
  checkSpec(spec, diagnostics);
  diagnostics.throwIfAny();
  return spec;
}

/** ajv reports each failed `anyOf` branch and then the anyOf itself; the branch errors only repeat it. */
function dropAnyOfNoise(errors: ErrorObject[]): ErrorObject[] {
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  return errors.filter((e) => e.keyword === 'anyOf' || !anyOfPaths.has(e.instancePath));
}

function assemble(loaded: LoadedFile[]): Spec {
  const of = (kind: FileKind) => loaded.filter((file) => file.kind === kind);
  const sourcesFile = of('sources')[0]!;
  const connectionFile = of('connection')[0]!;
  const commandsFile = of('commands')[0]!;

  const sourcesData = (sourcesFile.yaml.data as { sources: Record<string, { title: string; era?: string }> }).sources;

  const objects: ObjectSpec[] = of('objects').flatMap(({ yaml }) =>
    Object.entries((yaml.data as { objects: Record<string, SchemaNode> }).objects).map(([name, schema]) => ({
      name,
      schema,
      source: yaml,
      path: ['objects', name],
    })),
  );

  type RawEvent = Omit<EventSpec, 'name' | 'typeName' | 'source' | 'path' | 'aliases' | 'wireNames' | 'typeField'> &
    Partial<Pick<EventSpec, 'aliases' | 'wireNames' | 'typeField'>>;
  const events: EventSpec[] = of('events').flatMap(({ yaml }) =>
    Object.entries((yaml.data as { events: Record<string, RawEvent> }).events).map(([name, raw]) => ({
      ...raw,
      name,
      typeName: eventTypeName(name),
      aliases: raw.aliases ?? [],
      wireNames: raw.wireNames ?? [],
      typeField: raw.typeField ?? true,
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
    files: loaded.map(({ yaml }) => yaml.file),
    sources: new Map(Object.entries(sourcesData)),
    connection: { ...(connectionFile.yaml.data as ConnectionSpec), file: connectionFile.yaml },
    commands,
    objects,
    events,
  };
}
