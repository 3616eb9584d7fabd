/**
 * A capture that stops being JSON, as an input problem: what happened in the words of someone reading
 * the file ("the line ends inside a string"), and the text there as it reads in the file. The text is
 * shown raw, not JSON-quoted: a frame inside a JSON line is already full of `\"`, and quoting it again
 * would show `\\\"` for what the file holds as `\"`.
 */
import { locateJsonError, type ScanError } from './json-scanner.js';
import { captureProblem, type CaptureProblem } from './problem.js';
import type { Redactor } from './redact.js';

const LINE_RADIUS = 30;
const TRUNCATED = ' (truncated?)';
// C0 controls but the tab, and DEL: shown as escapes, since a terminal would act on them.
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/g;
const JSON_BLANKS = /^[ \t\r]+|[ \t\r]+$/g;

/** A JSON line that does not parse; `parseError` is JSON.parse's, for the rare error the scanner does not place. */
export function jsonLineProblem(line: string, file: string, lineNumber: number, redactor: Redactor, parseError: Error): CaptureProblem {
  const located = locateJsonError(line, 'line');
  const column = located ? located.column : Number(/at position (\d+)/.exec(parseError.message)?.[1] ?? 0) + 1;
  const what = located ? `${located.message}${located.truncated ? TRUNCATED : ''}` : 'invalid json';
  const from = Math.max(0, column - 1 - LINE_RADIUS);
  const to = column - 1 + LINE_RADIUS;
  const text = excerpt(line.slice(from, to), column - 1 - from, { start: from > 0, end: to < line.length }, redactor);
  return captureProblem(file, { line: lineNumber, column }, `${what}; line skipped`, text);
}

/** A JSON document (a HAR) that stops being JSON: where, in which part of the document, and the text there. */
export function jsonDocumentProblem(file: string, error: ScanError, redactor: Redactor): CaptureProblem {
  const where = error.path ? ` in ${error.path}` : '';
  const text = excerpt(error.snippet, error.snippetAt, error.snippetCut, redactor);
  return captureProblem(file, { line: error.line, column: error.column }, `${error.message}${where}${error.truncated ? TRUNCATED : ''}`, text);
}

/**
 * The line of `text` that holds offset `at`, redacted, with `…` where the cut fell inside the file, or
 * undefined when redaction leaves nothing to show. The whole of `text` is redacted before the line is
 * picked, so that a secret's name on the line before still gets its value on this one redacted.
 */
function excerpt(text: string, at: number, cut: { readonly start: boolean; readonly end: boolean }, redactor: Redactor): string | undefined {
  const lineOfError = text.slice(0, at).split('\n').length - 1;
  // Redaction keeps every line break: its cuts stop at delimiters, and a line break is one.
  const lines = redactor.snippet(text, cut).split('\n');
  const index = Math.min(lineOfError, lines.length - 1);
  const shown = lines[index]!.replace(JSON_BLANKS, '').replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (shown === '') return undefined;
  return `${index === 0 && cut.start ? '…' : ''}${shown}${index === lines.length - 1 && cut.end ? '…' : ''}`;
}
