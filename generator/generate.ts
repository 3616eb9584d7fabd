import { loadSpec } from './load/load-spec.js';
import type { Spec } from './load/model.js';
import { emitAsyncApi } from './emit/asyncapi.js';
import { emitDispatcher } from './emit/dispatcher.js';
import { emitIndex } from './emit/index-module.js';
import { emitProtocol } from './emit/protocol.js';
import { emitReferenceDocs } from './emit/reference-docs.js';
import { emitSampleCapture } from './emit/sample-capture.js';
import { emitSchemaBundle } from './emit/schema-bundle.js';
import { emitTypes } from './emit/types.js';
import { compileValidators, emitReportDeclarations, emitReportModule, emitValidatorsDeclarations, emitValidatorsModule } from './emit/validators.js';
import { checkExamples } from './check-examples.js';
import { Diagnostics } from './load/diagnostics.js';

/** Generated files, by `/`-separated path relative to the output folder, in a stable order. */
export type GeneratedFiles = ReadonlyMap<string, string>;

/** Spec inputs as headers name them: folders collapse to globs so adding a file changes no header. */
function inputsOf(spec: Spec, kinds: ('connection' | 'commands' | 'objects' | 'events')[]): string[] {
  const has = (prefix: string) => spec.files.some((file) => file.startsWith(prefix));
  const names: Record<string, string | undefined> = {
    connection: 'spec/connection.yaml',
    commands: 'spec/commands.yaml',
    objects: has('spec/objects/') ? 'spec/objects/*.yaml' : undefined,
    events: has('spec/events/') ? 'spec/events/*.yaml' : undefined,
  };
  return kinds.map((kind) => names[kind]).filter((name): name is string => name !== undefined);
}

/** Loads the spec under `specDir`, checks it whole, and returns every generated file; writes nothing. */
export async function generate(specDir: string): Promise<GeneratedFiles> {
  const spec = await loadSpec(specDir);
  const all = inputsOf(spec, ['connection', 'commands', 'objects', 'events']);
  const validators = compileValidators(spec);

  const diagnostics = new Diagnostics();
  checkExamples(spec, validators.functions, diagnostics);
  diagnostics.throwIfAny();

  const files: [string, string | undefined][] = [
    ['asyncapi.yaml', emitAsyncApi(spec, all)],
    ['dispatcher.ts', emitDispatcher(spec, inputsOf(spec, ['commands', 'events']))],
    ['docs/gateway.md', emitReferenceDocs(spec, all)],
    ['index.ts', emitIndex(all)],
    ['protocol.ts', emitProtocol(spec, inputsOf(spec, ['connection']))],
    ['samples/session.har', emitSampleCapture(spec)],
    ['schema/gateway.schema.json', emitSchemaBundle(spec, all)],
    ['types.ts', await emitTypes(spec, all)],
    ['validators-report.cjs', emitReportModule(validators, all)],
    ['validators-report.d.cts', emitReportDeclarations(spec, all)],
    ['validators.d.ts', emitValidatorsDeclarations(spec, all)],
    ['validators.js', emitValidatorsModule(validators, all)],
  ];
  // The sample capture exists only for a spec with the examples its story draws on.
  return new Map(files.filter((file): file is [string, string] => file[1] !== undefined));
}
