/**
 * The one place Markdown is built. Spec text reaches the page only through `inline`, `paragraph`,
 * `code` and `fence`, so that no description can end a table row, open raw HTML, start a block or
 * close a code fence.
 */

const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029]/g;

// A backtick run, the shortest text that does not end in a backtick, and the same run again:
// a CommonMark code span, whose content is literal.
const CODE_SPAN = /(?<!`)(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g;

/**
 * Escapes the pipes of code in a table cell. Code is literal, so its backslashes stay; the run of
 * backslashes before each pipe is made odd, so that the pipe reads as escaped whether a renderer
 * looks only at the character before it (markdown-it) or pairs backslashes up (cmark).
 */
const cellCode = (text: string) => text.replace(/(\\*)\|/g, (_, run: string) => `${run}${run.length % 2 === 0 ? '\\' : '\\\\'}|`);

/** Escapes prose: the backslash first so the added escapes stay escapes, `<` and `&` so nothing turns into HTML. */
function prose(text: string, inCell: boolean): string {
  return text.replace(/[\\<&|]/g, (char) => {
    if (char === '<') return '&lt;';
    if (char === '&') return '&amp;';
    if (char === '|') return inCell ? '\\|' : '|';
    return '\\\\';
  });
}

/** Spec text as one line of inline Markdown; code spans it writes stay code. Safe in a table cell unless `inCell` is false. */
export function inline(text: string, inCell = true): string {
  const line = text.replace(LINE_BREAKS, ' ');
  let out = '';
  let last = 0;
  for (const match of line.matchAll(CODE_SPAN)) {
    out += prose(line.slice(last, match.index), inCell) + (inCell ? cellCode(match[0]) : match[0]);
    last = match.index + match[0].length;
  }
  return out + prose(line.slice(last), inCell);
}

/** Spec text as a paragraph of its own: one line, with anything that would start a block (heading, list, quote, fence) escaped. */
export function paragraph(text: string): string {
  return inline(text, false)
    .trim()
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^(```|[#>+\-*=_~[])/, '\\$1');
}

/** Literal text (a name, a value, a path) as a code span; safe in a table cell. */
export function code(text: string): string {
  const line = text.replace(LINE_BREAKS, ' ');
  const longest = Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = '`'.repeat(longest + 1);
  // A span that starts or ends with a backtick needs a space, which CommonMark strips again.
  const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${cellCode(line)}${pad}${ticks}`;
}

/** A fenced code block whose fence no line of `text` can close. */
export function fence(text: string, info = ''): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${info}\n${text}\n${ticks}`;
}

/** A table; every cell must already be inline Markdown made safe by `inline` or `code`. */
export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');
}

/**
 * Heading anchors as GitHub makes them (github-slugger): lowercase, punctuation dropped, spaces
 * to `-`, and a repeated anchor numbered `-1`, `-2` in document order.
 */
export class Slugger {
  readonly #seen = new Map<string, number>();

  /** The anchor of the next heading with this text. */
  slug(text: string): string {
    const base = text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
    let slug = base;
    while (this.#seen.has(slug)) {
      const count = this.#seen.get(base)! + 1;
      this.#seen.set(base, count);
      slug = `${base}-${count}`;
    }
    this.#seen.set(slug, 0);
    return slug;
  }
}
