/**
 * The browser build of the client: runtime/index.ts bundled by esbuild into one minified ES module.
 * It is built from the sources, not from dist/, so it needs no `npm run build` first; the package's
 * `browser` field, which bundlers apply to dist/, is applied to the sources by the plugin below.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile, type Plugin } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');

/** A built bundle and what it weighs. */
export interface BrowserBundle {
  readonly file: string;
  /** Minified. */
  readonly bytes: number;
  /** Gzipped at zlib's default level, as a web server would send it. */
  readonly gzipBytes: number;
  readonly metafile: Metafile;
}

/** The package's `browser` field as source paths: `./dist/runtime/x.js` → `<root>/runtime/x.ts`. */
function browserSwaps(): Map<string, string> {
  const { browser } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { browser?: Record<string, string> };
  const source = (distPath: string): string => path.join(root, distPath.replace(/^\.\/dist\//, '').replace(/\.js$/, '.ts'));
  return new Map(Object.entries(browser ?? {}).map(([from, to]) => [source(from), source(to)]));
}

/** Resolves the runtime's imports of a swapped module (`./report-loader.js`) to its browser twin. */
function browserField(): Plugin {
  const swaps = browserSwaps();
  const names = [...swaps.keys()].map((file) => path.basename(file, '.ts').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return {
    name: 'package-browser-field',
    setup(plugin) {
      if (names.length === 0) return;
      plugin.onResolve({ filter: new RegExp(`/(${names.join('|')})\\.js$`) }, (args) => {
        const twin = swaps.get(path.resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts'));
        return twin === undefined ? undefined : { path: twin };
      });
    },
  };
}

/** Bundles the client for browsers into `file`. Rejects with esbuild's errors, such as an import of a Node built-in. */
export async function buildBrowserBundle(file: string): Promise<BrowserBundle> {
  const { metafile } = await build({
    entryPoints: [path.join(root, 'runtime/index.ts')],
    outfile: file,
    bundle: true,
    format: 'esm',
    // Fails the build on any import of a Node built-in, instead of leaving it for the browser to fail on.
    platform: 'browser',
    target: 'es2022',
    minify: true,
    // The client imports ws only when no WebSocket was injected; a browser page always injects its own.
    external: ['ws'],
    plugins: [browserField()],
    metafile: true,
    logLevel: 'silent',
  });
  const code = readFileSync(file);
  return { file, bytes: code.length, gzipBytes: gzipSync(code).length, metafile };
}
