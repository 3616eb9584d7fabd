import { loadSpec } from './load/load-spec.js';
import type { Spec } from './load/model.js';
import { diffSpecs } from './diff/diff-specs.js';
import { loadReleased } from './diff/released.js';
import { emitAsyncApi } from './emit/asyncapi.js';
import { emitChanges } from './emit/changes.js';
import { emitDispatcher } from './emit/dispatcher.js';
import { emitIndex } from './emit/index-module.js';
import { emitProtocol } from './emit/protocol.js';
import { emitReferenceDocs } from './emit/reference-docs.js';
import { emitSampleCapture } from './emit/sample-capture.js';
import { emitSchemaBundle } from './emit/schema-bundle.js';
import { emitSpecFormat, SPEC_FORMAT_FILE } from './emit/spec-format.js';
import { emitTypes } from './emit/types.js';
import { compileValidators, emitReportDeclarations, emitReportModule, emitValidatorsDeclarations, emitValidatorsModule } from './emit/validators.js';
import { checkExamples } from './check-examples.js';
import { Diagnostics } from './load/diagnostics.js';

/** Generated files, by `/`-separated path relative to the output folder, in a stable order. */
export type GeneratedFiles = ReadonlyMap<string, string>;

/** A folder's files as one glob, so that adding a file changes no header, yet true of every file it stands for. */
function folderGlob(files: readonly string[]): string {
  const folder = files[0]!.split('/').slice(0, 2).join('/');
  const nested = files.some((file) => file.slice(folder.length + 1).includes('/'));
  const extensions = [...new Set(files.map((file) => file.slice(file.lastIndexOf('.') + 1)))].sort();
  const extension = extensions.length === 1 ? extensions[0] : `{${extensions.join(',')}}`;
  return `${folder}/${nested ? '**/' : ''}*.${extension}`;
}

type InputKind = 'connection' | 'commands' | 'objects' | 'events';

/** The spec inputs of some kinds as headers name them: single files by name, folders as a glob. */
function inputsOf(spec: Spec, kinds: readonly InputKind[]): string[] {
  return kinds.flatMap((kind) => {
    const files = spec.files.filter((file) => file.kind === kind).map((file) => file.file);
    if (files.length === 0) return [];
    return kind === 'objects' || kind === 'events' ? [folderGlob(files)] : files;
  });
}

/** Loads the spec under `specDir`, checks it whole, and returns every generated file; writes nothing. */
export async function generate(specDir: string): Promise<GeneratedFiles> {
  return generateFrom(await loadSpec(specDir), specDir);
}

/** Every generated file of `spec`, loaded from `specDir` (whose released copy the changelog compares with). */
export async function generateFrom(spec: Spec, specDir: string): Promise<GeneratedFiles> {
  const all = inputsOf(spec, ['connection', 'commands', 'objects', 'events']);
  const validators = compileValidators(spec);

  const diagnostics = new Diagnostics();
  checkExamples(spec, validators.functions, diagnostics);
  diagnostics.throwIfAny();

  const released = await loadReleased(specDir);
  const files: [string, string | undefined][] = [
    // Only a spec that keeps a released copy has a changelog.
    ['CHANGES.md', released && emitChanges(diffSpecs(released.spec, spec), released.version, released.shown, all)],
    ['asyncapi.yaml', emitAsyncApi(spec, all)],
    ['dispatcher.ts', emitDispatcher(spec, inputsOf(spec, ['commands', 'events']))],
    ['docs/gateway.md', emitReferenceDocs(spec, all)],
    ['index.ts', emitIndex(all)],
    ['protocol.ts', emitProtocol(spec, inputsOf(spec, ['connection']))],
    ['samples/session.har', emitSampleCapture(spec)],
    ['schema/gateway.schema.json', emitSchemaBundle(spec, all)],
    [SPEC_FORMAT_FILE, emitSpecFormat()],
    ['types.ts', await emitTypes(spec, all)],
    ['validators-report.cjs', await emitReportModule(validators, all)],
    ['validators-report.d.cts', emitReportDeclarations(spec, all)],
    ['validators.d.ts', emitValidatorsDeclarations(spec, all)],
    ['validators.js', await emitValidatorsModule(validators, all)],
  ];
  // The sample capture exists only for a spec with the examples its story draws on, the changelog only with a released copy.
  return new Map(files.filter((file): file is [string, string] => file[1] !== undefined));
}
