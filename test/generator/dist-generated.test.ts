import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { commonJsTwin, distGenerated } from '../../generator/dist-generated.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const generatedDir = path.join(root, 'generated');

/** The committed generated/ files by relative path. */
const generated = new Map(
  readdirSync(generatedDir, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(path.join(generatedDir, name)).isFile())
    .map((name) => [name.split(path.sep).join('/'), readFileSync(path.join(generatedDir, name), 'utf8')]),
);

/**
 * What `tsc -p tsconfig.build.json` emits for the generated modules, compiled as one type-checked program;
 * `removeComments` as dist/ wants the JavaScript, whose TSDoc is in the declarations.
 */
function compiledByTsc(removeComments = false): Map<string, string> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'gg-tsc-'));
  try {
    const config = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.build.json'), { outDir, rootDir: generatedDir, removeComments }, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => assert.unreachable(ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')),
    })!;
    const modules = [...generated.keys()].filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts')).map((name) => path.join(generatedDir, name));
    const result = ts.createProgram(modules, config.options).emit();
    assert.equal(result.diagnostics.map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')), []);
    return new Map(readdirSync(outDir).map((name) => [name, readFileSync(path.join(outDir, name), 'utf8')]));
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

const layout = suite('dist/generated/ without a build');

layout('each generated module transpiles to what tsc emits: declarations with their TSDoc, JavaScript without comments', async () => {
  const dist = await distGenerated(generated);
  const tsc = compiledByTsc();
  const withoutComments = compiledByTsc(true);
  for (const [name, text] of tsc) {
    if (name.endsWith('.d.ts')) {
      assert.is(dist.get(name.replace(/\.d\.ts$/, '.d.cts')), commonJsTwin(text), `${name} (as its .d.cts twin)`);
    } else {
      assert.is(dist.get(name), withoutComments.get(name), name);
    }
  }
  assert.ok(tsc.size >= 8, 'the program emitted the modules');
  assert.ok(dist.get('types.d.cts')!.includes('/** Online. */\n    readonly Online: 1;'), 'the declarations keep the TSDoc of each member');
  assert.not.ok(dist.get('types.js')!.includes('/**'), 'the JavaScript has none');
});

layout('the generated JavaScript, the sample capture and the changelog are copied unchanged; docs stay out', async () => {
  const dist = await distGenerated(generated);
  assert.is(dist.get('validators.js'), generated.get('validators.js'));
  assert.is(dist.get('validators-report.cjs'), generated.get('validators-report.cjs'));
  assert.is(dist.get('samples/session.har'), generated.get('samples/session.har'));
  assert.ok(generated.has('CHANGES.md'));
  assert.is(dist.get('CHANGES.md'), generated.get('CHANGES.md'));
  assert.is(dist.get('validators.d.ts'), "export * from './validators.cjs';\n");
  assert.not.ok([...dist.keys()].some((name) => name.startsWith('docs/') || name.endsWith('.yaml') || name.endsWith('.json')));
});

layout.run();
