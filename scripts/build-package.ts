/**
 * `npm run build`: dist/ as the package ships it.
 * - tsc compiles the TypeScript (runtime, cli, generator).
 * - dist/generated/ is laid out by generator/dist-generated.ts, which `npm run generate` also uses to
 *   refresh it: the generated modules transpiled, the generated JavaScript and its declarations copied.
 * - The declarations of the two entries are written once, as CommonJS declarations (`.d.cts`), and
 *   each `.d.ts` re-exports its twin. A CommonJS TypeScript project (`module: node16`) then types
 *   `require('guilded-gateway')`, which Node 20.19+ answers by loading the ESM; an ESM project may
 *   import CommonJS declarations, while the reverse is an error (TS1479). One copy keeps the install small.
 * - The command line's and the generator's own declarations are left out: no entry exports them; so
 *   are the runtime's that no entry's declarations reach (internals such as the broker's Redis plumbing,
 *   whose declarations would name ioredis, an optional peer dependency).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { commonJsTwin, declarationStub, distGenerated, writeDistGenerated } from '../generator/dist-generated.js';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
const UNTYPED = ['cli', 'generator'];
/** The runtime's entries: their declarations, and those they import, are what consumers type-check. */
const ENTRY_DECLARATIONS = ['index.d.cts', 'broker/index.d.cts'];

function declarations(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.d.ts'))
    .map((file) => path.join(dir, file));
}

/** generated/'s files by `/`-separated relative path. */
function generatedFiles(): Map<string, string> {
  const dir = path.join(root, 'generated');
  const names = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => statSync(path.join(dir, name)).isFile());
  return new Map(names.map((name) => [name.split(path.sep).join('/'), readFileSync(path.join(dir, name), 'utf8')]));
}

rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
for (const file of declarations(path.join(dist, 'runtime'))) {
  writeFileSync(file.replace(/\.d\.ts$/, '.d.cts'), commonJsTwin(readFileSync(file, 'utf8')));
  writeFileSync(file, declarationStub(path.basename(file, '.d.ts')));
}
await writeDistGenerated(path.join(dist, 'generated'), await distGenerated(generatedFiles()));
for (const folder of UNTYPED) for (const file of declarations(path.join(dist, folder))) rmSync(file);
removeUnreached(path.join(dist, 'runtime'));

/** Removes the runtime's declaration pairs that no entry's declarations import, directly or not. */
function removeUnreached(runtime: string): void {
  const reached = new Set<string>();
  const visit = (file: string): void => {
    if (reached.has(file) || !file.startsWith(runtime + path.sep)) return;
    reached.add(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\()['"](\.{1,2}\/[^'"]+)\.cjs['"]/g)) {
      visit(path.resolve(path.dirname(file), `${specifier}.d.cts`));
    }
  };
  for (const entry of ENTRY_DECLARATIONS) visit(path.join(runtime, entry));
  for (const stub of declarations(runtime)) {
    const twin = stub.replace(/\.d\.ts$/, '.d.cts');
    if (reached.has(twin)) continue;
    rmSync(stub);
    rmSync(twin);
  }
}
