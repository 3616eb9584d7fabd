/** Two small specs written from the generator's fixture, loaded by the spec's loader, and diffed. */
import { diffSpecs, type SpecDiff } from '../../../generator/diff/diff-specs.js';
import { loadSpec } from '../../../generator/load/load-spec.js';
import { BASE, writeSpec } from '../spec-fixture.js';

/** A fixture file with `pairs` of `[from, to]` text replaced, each of which must be there. */
export function edited(file: string, ...pairs: [string, string][]): string {
  let text = BASE[file]!;
  for (const [from, to] of pairs) {
    if (!text.includes(from)) throw new Error(`${file} has no ${JSON.stringify(from)}`);
    text = text.replace(from, to);
  }
  return text;
}

/** The diff from BASE with `before` applied to BASE with `after` applied. */
export async function diffOf(before: Record<string, string | null>, after: Record<string, string | null>): Promise<SpecDiff> {
  const [old, current] = [writeSpec(before), writeSpec(after)];
  try {
    return diffSpecs(await loadSpec(old.dir), await loadSpec(current.dir));
  } finally {
    old.cleanup();
    current.cleanup();
  }
}
