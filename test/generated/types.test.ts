// The generated types, as a bot author meets them: test/types/generated-types.ts, compiled on its own with
// the project's settings. Each `@ts-expect-error` there marks a line that must not compile (a wrong field,
// an unnarrowed payload, an unnamed code); everything else must compile.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = path.join(root, 'test/types/generated-types.ts');
const DIRECTIVE = /^\s*\/\/ @ts-expect-error (.*)$/;

/** The fixture's errors with its directives blanked, as `line: message`, lines counted from 1. */
function errorsWithoutDirectives(): { line: number; message: string }[] {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.json'), { noEmit: true }, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => assert.unreachable(ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')),
  })!;
  const text = readFileSync(fixture, 'utf8').replace(new RegExp(DIRECTIVE.source, 'gm'), '//');
  const host = ts.createCompilerHost(config.options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, ...rest) =>
    path.resolve(name) === fixture ? ts.createSourceFile(name, text, version) : read(name, version, ...rest);
  const program = ts.createProgram([fixture], config.options, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => ({
    line: diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1 : 0,
    message: `${diagnostic.file?.fileName ?? ''} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`,
  }));
}

const types = suite('the generated types in a bot author’s code');

types('exactly the lines marked @ts-expect-error fail to compile, each for its own line', () => {
  const lines = readFileSync(fixture, 'utf8').split('\n');
  const expected = lines.flatMap((line, i) => (DIRECTIVE.test(line) ? [i + 2] : []));
  assert.ok(expected.length >= 7, 'the fixture marks at least one wrong use for each of the seven points');
  const errors = errorsWithoutDirectives();
  const failing = [...new Set(errors.map(({ line }) => line))].sort((a, b) => a - b);
  assert.equal(failing, expected, errors.map(({ line, message }) => `${line}: ${message}`).join('\n'));
});

types.run();
