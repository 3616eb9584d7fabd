/**
 * generated/schema/spec-format.json, as an editor with the YAML language server uses it: every spec file
 * names it on its first line and validates against it, and a mistake is caught there with the words the
 * loader uses for it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { filesBelow } from '../../../generator/files-below.js';
import { Diagnostics, formatProblem, SpecError } from '../../../generator/load/diagnostics.js';
import { loadSpec } from '../../../generator/load/load-spec.js';
import { reportMetaErrors } from '../../../generator/load/meta-errors.js';
import { YamlFile } from '../../../generator/load/yaml-file.js';
import { repoRoot } from '../../cli/cli-fixture.js';
import { BASE, writeSpec } from '../spec-fixture.js';

const FORMAT = path.join(repoRoot, 'generated/schema/spec-format.json');
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
ajv.addKeyword('expected');
const validate = ajv.compile(JSON.parse(readFileSync(FORMAT, 'utf8')) as object);

/** The errors an editor shows, without the `if` errors that only say which kind of file it took. */
const editorErrors = (data: unknown): ErrorObject[] => (validate(data) ? [] : (validate.errors ?? []).filter((error) => error.keyword !== 'if'));

/** Every spec file of the repository, as `spec/...`: what the loader reads, not reference/ or the released copies. */
const specFiles = (await filesBelow(path.join(repoRoot, 'spec')))
  .filter((file) => /\.ya?ml$/.test(file) && !file.startsWith('reference/') && !file.startsWith('released/'))
  .map((file) => `spec/${file}`);

const format = suite('spec-format.json');

format('every spec file names it on its first line, by a path that reaches it from the file', () => {
  assert.ok(specFiles.length > 10, `${specFiles.length} spec files`);
  for (const file of specFiles) {
    const first = readFileSync(path.join(repoRoot, file), 'utf8').split('\n')[0]!;
    const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
    assert.ok(match, `${file} starts with ${first}`);
    assert.is(path.resolve(path.dirname(path.join(repoRoot, file)), match![1]!), FORMAT, file);
  }
});

format('every spec file validates against it', () => {
  for (const file of specFiles) assert.equal(editorErrors(parse(readFileSync(path.join(repoRoot, file), 'utf8'))), [], file);
});

format('a misspelled key is caught with the message the loader gives, at the same place', async () => {
  const misspelled = BASE['events/chat.yaml']!.replace('    description: A message was sent.', '    descripton: A message was sent.');
  const { dir, cleanup } = writeSpec({ 'events/chat.yaml': misspelled });
  let fromLoader: string[] = [];
  try {
    await loadSpec(dir);
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    fromLoader = error.problems.map(formatProblem);
  } finally {
    cleanup();
  }
  const diagnostics = new Diagnostics();
  const yaml = YamlFile.parse('spec/events/chat.yaml', misspelled, diagnostics)!;
  reportMetaErrors(yaml, editorErrors(yaml.data), diagnostics);
  let fromEditor: string[] = [];
  try {
    diagnostics.throwIfAny();
  } catch (error) {
    fromEditor = (error as SpecError).problems.map(formatProblem);
  }
  assert.ok(fromLoader.some((problem) => problem.includes('unknown key "descripton"')), fromLoader.join('\n'));
  assert.equal(fromEditor, fromLoader);
});

format('a file whose top-level key is none of a spec file\'s is told what the top of a spec file holds', () => {
  const errors = editorErrors({ evnts: {} });
  assert.ok(errors.some((error) => (error.parentSchema as { expected?: string }).expected?.startsWith('a spec file: its top-level key is one of events, objects')));
});
format.run();
