/**
 * `npm run build`: dist/ as the package ships it.
 * - tsc compiles the TypeScript (runtime, cli, generator and the generated .ts modules).
 * - The generated JavaScript and its declarations are copied as they are: passing them through tsc
 *   would re-print the validators half as large again and replace their declarations with inferred ones.
 * - The declarations of the two entries are written once, as CommonJS declarations (`.d.cts`), and
 *   each `.d.ts` re-exports its twin. A CommonJS TypeScript project (`module: node16`) then types
 *   `require('guilded-gateway')`, which Node 20.19+ answers by loading the ESM; an ESM project may
 *   import CommonJS declarations, while the reverse is an error (TS1479). One copy keeps the install small.
 * - The command line's and the generator's own declarations are left out: no entry exports them.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');

/** Generated files that are not TypeScript, copied into dist/generated/ unchanged. */
const COPIED = ['validators.js', 'validators.d.ts', 'validators-report.cjs', 'validators-report.d.cts', 'samples'];
/** The folders whose declarations the two package entries (`.` and `./generated`) reach. */
const TYPED = ['runtime', 'generated'];
const UNTYPED = ['cli', 'generator'];

function declarations(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.d.ts'))
    .map((file) => path.join(dir, file));
}

/** The CommonJS form of a declaration: same text, relative `.js` specifiers pointing at the `.d.cts` twins. */
function commonJsTwin(text: string): string {
  return text.replace(/(from\s+|import\()(['"])(\.{1,2}\/[^'"]+)\.js\2/g, '$1$2$3.cjs$2');
}

rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
for (const name of COPIED) cpSync(path.join(root, 'generated', name), path.join(dist, 'generated', name), { recursive: true });
for (const folder of TYPED) {
  for (const file of declarations(path.join(dist, folder))) {
    writeFileSync(file.replace(/\.d\.ts$/, '.d.cts'), commonJsTwin(readFileSync(file, 'utf8')));
    writeFileSync(file, `export * from './${path.basename(file, '.d.ts')}.cjs';\n`);
  }
}
for (const folder of UNTYPED) for (const file of declarations(path.join(dist, folder))) rmSync(file);
