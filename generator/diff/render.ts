/** A spec diff as people read it: plain lines for a terminal, Markdown for a pull request or CHANGES.md, JSON for tools. */
import type { Change } from './change.js';
import type { SpecDiff } from './diff-specs.js';
import { IMPACTS, type Impact } from './rules.js';
import { stepWords } from './semver.js';

/** The two sides, as the user named them. */
export interface Sides {
  readonly old: string;
  readonly new: string;
}

const HEADINGS: Record<Impact, string> = {
  breaking: 'Breaking',
  'non-breaking': 'Non-breaking',
  connection: 'Connection (how the client connects: the package handles it)',
  annotation: 'Annotations (descriptions, sources, examples: no type changes)',
};

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** `3 changes: 1 breaking, 2 annotation`, or `no changes`. */
function countWords(diff: SpecDiff): string {
  if (diff.changes.length === 0) return 'no changes';
  const parts = IMPACTS.filter((impact) => diff.counts[impact] > 0).map((impact) => `${diff.counts[impact]} ${impact}`);
  return `${plural(diff.changes.length, 'change')}: ${parts.join(', ')}`;
}

/** `spec/events/chat.yaml:12:9`, with `(was)` when the place is in the old spec. */
const place = (change: Change) => `${change.file}:${change.line}:${change.col}${change.was ? ' (was)' : ''}`;
/** `event ChatMessageCreated /message/id`. */
const what = (change: Change) => `${change.subject}${change.pointer === '' ? '' : ` ${change.pointer}`}`;
const grouped = (diff: SpecDiff) =>
  IMPACTS.map((impact) => ({ impact, changes: diff.changes.filter((change) => change.impact === impact) })).filter((group) => group.changes.length > 0);

/** `3 changes: 1 breaking, 2 annotation; the package needs a major release`. */
export const summaryLine = (diff: SpecDiff): string => `${countWords(diff)}; the package needs ${stepWords(diff.step)}`;

/** The default output: a summary line, then one line per change under its impact, each naming the rule that fired. */
export function renderText(diff: SpecDiff, sides: Sides): string {
  const lines = [`${sides.old} → ${sides.new}: ${summaryLine(diff)}`];
  for (const { impact, changes } of grouped(diff)) {
    lines.push('', `${HEADINGS[impact]}:`);
    for (const change of changes) lines.push(`  ${place(change)}: ${what(change)}: ${change.message} [${change.rule}]`);
  }
  return `${lines.join('\n')}\n`;
}

const cell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;

/** A table per impact under headings of `level` (`####`); `where` adds the spec file and line of each change. */
export function markdownTables(diff: SpecDiff, level: string, where = true): string[] {
  const lines: string[] = [];
  for (const { impact, changes } of grouped(diff)) {
    lines.push('', `${level} ${HEADINGS[impact]}`, '', `| in | change | rule |${where ? ' where |' : ''}`, `|---|---|---|${where ? '---|' : ''}`);
    for (const change of changes) lines.push(`| ${cell(what(change))} | ${cell(change.message)} | ${code(change.rule)} |${where ? ` ${cell(place(change))} |` : ''}`);
  }
  return lines;
}

/** Markdown for a pull request comment: a title, the summary, then a table per impact. */
export function renderMarkdown(diff: SpecDiff, sides: Sides): string {
  const lines = [`### Spec changes: ${code(sides.old)} → ${code(sides.new)}`, '', `${summaryLine(diff)}.`, ...markdownTables(diff, '####')];
  return `${lines.join('\n')}\n`;
}

/** One JSON document: the sides, the step, the counts, and every change. */
export function renderJson(diff: SpecDiff, sides: Sides): string {
  return `${JSON.stringify({ old: sides.old, new: sides.new, step: diff.step, counts: diff.counts, changes: diff.changes }, null, 2)}\n`;
}
