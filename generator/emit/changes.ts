/**
 * generated/CHANGES.md: what changed in the protocol since the last release (spec/released/<version>/),
 * in diff's classification, so that a bot author reading the installed package knows what an upgrade means.
 */
import type { SpecDiff } from '../diff/diff-specs.js';
import { markdownTables, summaryLine } from '../diff/render.js';
import { nextVersion } from '../diff/semver.js';
import { notice } from './notice.js';

const BELOW_ONE = " (below 1.0.0 npm's ^ reads the minor number as the major one, so a breaking change moves the minor number and anything else the patch)";

/** The text of generated/CHANGES.md for `diff`, the changes from release `version` (its copy at `shown`) to the spec. */
export function emitChanges(diff: SpecDiff, version: string, shown: string, inputs: readonly string[]): string {
  const next = nextVersion(version, diff.step);
  const lines = [
    '<!--',
    ...notice([`${shown}/`, ...inputs]),
    '-->',
    '',
    `# Protocol changes since ${version}`,
    '',
    `What changed in the spec since release ${version} (its copy is \`${shown}/\`), as \`guilded-gateway diff\` classifies it.`,
    'Events are read by a bot: a field removed, or a type or enum widened, is breaking. Commands are sent by',
    'a bot: a new required field is breaking. Connection changes are listed on their own; the client handles them.',
    '',
    diff.changes.length === 0
      ? `No changes: the protocol types are those of ${version}.`
      : `${summaryLine(diff)}, so the next version is ${next}${version.startsWith('0.') ? BELOW_ONE : ''}.`,
    ...markdownTables(diff, '##', false),
  ];
  return `${lines.join('\n')}\n`;
}
