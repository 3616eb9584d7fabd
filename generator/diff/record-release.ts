/**
 * `generate --record-release`: copies the spec files into spec/released/<version>/ (and drops the older
 * copy), so that generated/CHANGES.md and `diff` compare with this release from then on.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { listSpecFolder } from '../load/spec-files.js';
import { RELEASED_FOLDER } from './released.js';

/** The editor line at the top of a spec file: the copy sits deeper, where its path would lead nowhere. */
const EDITOR_LINE = /^# yaml-language-server: .*\n/;

/** Records the spec under `specDir` as released `version`; returns the folder written. */
export async function recordRelease(specDir: string, version: string): Promise<string> {
  const released = path.join(specDir, RELEASED_FOLDER);
  const target = path.join(released, version);
  await rm(released, { recursive: true, force: true });
  const { read } = await listSpecFolder(specDir);
  // The sample session is the story of a capture, not protocol: the copy leaves it out.
  for (const { relative } of read.filter((file) => file.kind !== 'sample-session')) {
    const file = path.join(target, relative);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, (await readFile(path.join(specDir, relative), 'utf8')).replace(EDITOR_LINE, ''));
  }
  await writeFile(
    path.join(released, 'README.md'),
    `# The released spec\n\n\`${version}/\` is the spec as released in guilded-gateway ${version}, written by \`npm run generate -- --record-release\`.\n` +
      '`npm run generate` writes `generated/CHANGES.md` from the diff between it and `spec/`, and `guilded-gateway diff`\n' +
      'compares with it when given no old side. Do not edit it: it stands for what was published.\n',
  );
  return target;
}
