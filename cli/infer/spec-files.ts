/**
 * Which spec file defines each shared object and each event, so that infer can say where a new field
 * goes. Read from the spec/ folder next to generated/ in a checkout of the repository; the installed
 * package ships no spec/, and the files are then named by their folder only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { packageRoot } from '../package.js';

/** What the spec defines: its shared objects (spec/objects/) and its events (spec/events/). */
export type SpecSection = 'objects' | 'events';

let files: Map<string, string> | undefined;

/** The spec file, as `spec/objects/message.yaml`, that defines the object or event `name`; the folder's files as a glob when unknown. */
export function specFileOf(section: SpecSection, name: string): string {
  files ??= readSpecFiles();
  return files.get(`${section}/${name}`) ?? `spec/${section}/*.yaml`;
}

function readSpecFiles(): Map<string, string> {
  const found = new Map<string, string>();
  for (const section of ['objects', 'events'] as const) {
    const folder = path.join(packageRoot(), 'spec', section);
    let names: string[];
    try {
      names = readdirSync(folder).filter((name) => name.endsWith('.yaml')).sort();
    } catch {
      // No spec/ here (the installed package): every name falls back to its folder.
      continue;
    }
    for (const name of names) {
      const document = readYaml(path.join(folder, name));
      for (const key of Object.keys(document?.[section] ?? {})) found.set(`${section}/${key}`, `spec/${section}/${name}`);
    }
  }
  return found;
}

/** A spec file's content, or undefined when it does not parse: `generate` names that problem; infer only loses a file name. */
function readYaml(file: string): Partial<Record<SpecSection, Record<string, unknown>>> | undefined {
  try {
    return (parse(readFileSync(file, 'utf8')) as Partial<Record<SpecSection, Record<string, unknown>>> | null) ?? undefined;
  } catch {
    return undefined;
  }
}
