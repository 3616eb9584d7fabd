/**
 * dist/generated/: what the package entry and the `guilded-gateway` command load. `npm run build`
 * (scripts/build-package.ts) and `npm run generate` both lay it out with this module, so the
 * spec-author loop (edit, generate, validate a capture) runs the new spec without a full build.
 * - The generated TypeScript modules are transpiled one by one: they are ES modules with explicit
 *   types (isolated declarations), so neither their JavaScript nor their declarations need a
 *   type-checking compile. That takes a fraction of a second where `tsc` takes many.
 * - The generated JavaScript and its declarations are copied as they are: passing them through tsc
 *   would re-print the validators half as large again and replace their declarations with inferred ones.
 * - Each declaration is written once, as a CommonJS declaration (`.d.cts`), and its `.d.ts` re-exports
 *   that twin: see scripts/build-package.ts for why.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { filesBelow } from './files-below.js';

/** Generated files that are not TypeScript, copied into dist/generated/ unchanged. */
const COPIED = [/^validators\.js$/, /^validators\.d\.ts$/, /^validators-report\.cjs$/, /^validators-report\.d\.cts$/, /^samples\//, /^CHANGES\.md$/];

/** True for a generated file that dist/generated/ is made from (the docs, AsyncAPI and schema bundle are not shipped; the changelog is). */
export const isShipped = (name: string): boolean =>
  (name.endsWith('.ts') && !name.endsWith('.d.ts')) || COPIED.some((pattern) => pattern.test(name));

/** The CommonJS form of a declaration: same text, relative `.js` specifiers pointing at the `.d.cts` twins. */
export function commonJsTwin(text: string): string {
  return text.replace(/(from\s+|import\()(['"])(\.{1,2}\/[^'"]+)\.js\2/g, '$1$2$3.cjs$2');
}

/** The `.d.ts` that stands for a `.d.cts` twin. */
export const declarationStub = (basename: string): string => `export * from './${basename}.cjs';\n`;

/** A declaration as dist/ holds it: the `.d.cts` twin, and a `.d.ts` that re-exports it. */
function declarationPair(name: string, text: string): [string, string][] {
  const base = name.slice(0, -'.d.ts'.length);
  return [
    [`${base}.d.cts`, commonJsTwin(text)],
    [`${base}.d.ts`, declarationStub(path.posix.basename(base))],
  ];
}

/** Thrown when a generated module cannot be transpiled on its own; `npm run build` still can. */
export class DistTranspileError extends Error {}

/**
 * dist/generated/'s files, by `/`-separated path, computed from generated/'s files: each `.ts` module
 * transpiled to `.js` and declarations, the rest copied, every declaration given its CommonJS twin.
 */
export async function distGenerated(files: ReadonlyMap<string, string>): Promise<Map<string, string>> {
  const { default: ts } = await import('typescript');
  // The package is "type": "module", so every module is ESM: tsc's NodeNext output for it is ES2022 modules.
  const compilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022, moduleResolution: ts.ModuleResolutionKind.Bundler, strict: true, declaration: true };
  const out = new Map<string, string>();
  for (const [name, text] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!isShipped(name)) continue;
    if (name.endsWith('.d.ts')) {
      for (const [file, declaration] of declarationPair(name, text)) out.set(file, declaration);
    } else if (name.endsWith('.ts')) {
      const fileName = `generated/${name}`;
      // The TSDoc lives in the declarations; the JavaScript would only carry a second copy to every install.
      out.set(name.replace(/\.ts$/, '.js'), ts.transpileModule(text, { compilerOptions: { ...compilerOptions, removeComments: true }, fileName }).outputText);
      const declaration = ts.transpileDeclaration(text, { compilerOptions, fileName, reportDiagnostics: true });
      if (declaration.diagnostics?.length) {
        const first = ts.flattenDiagnosticMessageText(declaration.diagnostics[0]!.messageText, ' ');
        throw new DistTranspileError(`generated/${name} cannot be declared on its own (${first}); run npm run build`);
      }
      for (const [file, text] of declarationPair(name.replace(/\.ts$/, '.d.ts'), declaration.outputText)) out.set(file, text);
    } else {
      out.set(name, text);
    }
  }
  return out;
}

/** Writes dist/generated/ whole (so that every file in it is newer than generated/) and removes what it no longer holds. */
export async function writeDistGenerated(folder: string, files: ReadonlyMap<string, string>): Promise<void> {
  for (const name of await filesBelow(folder)) if (!files.has(name)) await rm(path.join(folder, name));
  for (const [name, text] of files) {
    await mkdir(path.dirname(path.join(folder, name)), { recursive: true });
    await writeFile(path.join(folder, name), text);
  }
}
