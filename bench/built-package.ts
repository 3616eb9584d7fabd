/** The built package (dist/, as installed): what bot authors and the command line's users run. */
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

const ROOT = new URL('../', import.meta.url).pathname;
let built = false;

/** Builds dist/ (once per bench run) and returns the file URL of `file` in it. */
export function builtPackage(file: string): string {
  if (!built) execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-package.ts'], { cwd: ROOT, stdio: 'ignore' });
  built = true;
  return pathToFileURL(`${ROOT}dist/${file}`).href;
}
