import { isMap, isScalar, isSeq, visit, type Document, type LineCounter, type YAMLError } from 'yaml';

/** A YAML syntax problem, located (1-based) and in the spec's own words. */
export interface YamlProblem {
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

/** The lines of a file, as an indentation check needs them. */
class Lines {
  readonly #lines: string[];

  constructor(text: string) {
    this.#lines = text.split('\n');
  }

  /** Leading spaces of a 1-based line. */
  indent(line: number): number {
    return /^ */.exec(this.#lines[line - 1] ?? '')![0].length;
  }

  /** False for blank and comment-only lines, which indentation does not concern. */
  hasContent(line: number): boolean {
    const text = (this.#lines[line - 1] ?? '').trim();
    return text !== '' && !text.startsWith('#');
  }

  /** The nearest line with content before `line`, if any. */
  previousContent(line: number): number | undefined {
    for (let previous = line - 1; previous >= 1; previous--) if (this.hasContent(previous)) return previous;
    return undefined;
  }

  /** The nearest line with content after `line`, if any. */
  nextContent(line: number): number | undefined {
    for (let next = line + 1; next <= this.#lines.length; next++) if (this.hasContent(next)) return next;
    return undefined;
  }

  /** True for a list item (`- ...`), false for a key or text. */
  isListItem(line: number): boolean {
    return /^ *-( |$)/.test(this.#lines[line - 1] ?? '');
  }

  /** The nearest line above `line` that has content and is an item of the given kind. */
  itemAbove(line: number, isItem: (line: number) => boolean): number | undefined {
    for (let above = line - 1; above >= 1; above--) if (this.hasContent(above) && isItem(above)) return above;
    return undefined;
  }

  /** The nearest line above `line` that has content, is an item of the given kind, and is less indented than `line`. */
  parentAbove(line: number, isItem: (line: number) => boolean): number | undefined {
    return this.itemAbove(line, (above) => isItem(above) && this.indent(above) < this.indent(line));
  }

  /**
   * The block that `line` is an item of, seen from above: the run of lines at least as indented as
   * `line` that ends just above it. `first` is the first item of that run (it set the column) and
   * `sibling` the last item at that column. Undefined when no item of the run is above `line`.
   */
  blockAbove(line: number, isItem: (line: number) => boolean): { first: number; sibling: number } | undefined {
    const own = this.indent(line);
    let first: number | undefined;
    for (let above = line - 1; above >= 1; above--) {
      if (!this.hasContent(above)) continue;
      if (this.indent(above) < own) break;
      if (isItem(above)) first = above;
    }
    if (first === undefined) return undefined;
    let sibling = first;
    for (let above = line - 1; above > first; above--) {
      if (this.hasContent(above) && isItem(above) && this.indent(above) === this.indent(first)) {
        sibling = above;
        break;
      }
    }
    return { first, sibling };
  }

  /** The nearest item after `line` that is not inside a deeper item, if any. */
  nextItem(line: number, deepest: number, isItem: (line: number) => boolean): number | undefined {
    for (let next = line + 1; next <= this.#lines.length; next++) {
      if (this.hasContent(next) && isItem(next) && this.indent(next) <= deepest) return next;
    }
    return undefined;
  }
}

/**
 * What to say about a line that does not start at its map's (or list's) column, and the line to check.
 * Undefined when the line lines up with the lines above it, or sits deeper than a line already
 * reported: the misplaced line is further up.
 */
function misalignment(lines: Lines, line: number, kind: 'mapping' | 'sequence', reported: ReadonlySet<number>): { message: string; check: number } | undefined {
  const what = kind === 'mapping' ? 'keys of one map' : 'items of one list';
  const isItem = (candidate: number) => lines.isListItem(candidate) === (kind === 'sequence');
  const column = lines.indent(line) + 1;
  const block = lines.blockAbove(line, isItem);
  if (block === undefined) {
    const parent = lines.parentAbove(line, isItem);
    if (parent === undefined || reported.has(parent) || reported.has(lines.previousContent(line) ?? 0)) return undefined;
    const above = lines.indent(parent) + 1;
    return { message: `the ${what} must start at the same column: this line starts at column ${column}, deeper than line ${parent} above it (column ${above}); indent it like line ${parent}`, check: line };
  }
  const blockColumn = lines.indent(block.first) + 1;
  if (blockColumn === column) return undefined;
  // With one item above, the item below tells which of the two is out of line.
  const below = block.sibling === block.first ? lines.nextItem(line, Math.max(column, blockColumn) - 1, isItem) : undefined;
  if (block.sibling === block.first && (below === undefined || lines.indent(below) + 1 !== blockColumn)) {
    return { message: `the ${what} must start at the same column: this line starts at column ${column}, line ${block.first} above it at column ${blockColumn}; check the indentation of line ${block.first}`, check: block.first };
  }
  const others = below === undefined ? `the lines above it (line ${block.sibling})` : `lines ${block.first} and ${below} around it`;
  return { message: `the ${what} must start at the same column: this line starts at column ${column}, ${others} at column ${blockColumn}; indent it like line ${block.sibling}`, check: line };
}

/** Every key of every map with where it starts, so that a duplicate can name the first one. */
function firstKeyOffsets(doc: Document): Map<number, { key: string; first: number }> {
  const duplicates = new Map<number, { key: string; first: number }>();
  visit(doc, {
    Map(_, map) {
      const seen = new Map<string, number>();
      for (const pair of map.items) {
        if (!isScalar(pair.key) || !pair.key.range) continue;
        const key = String(pair.key.value);
        const first = seen.get(key);
        if (first === undefined) seen.set(key, pair.key.range[0]);
        else duplicates.set(pair.key.range[0], { key, first });
      }
    },
  });
  return duplicates;
}

/** The `[` or `{` of a flow collection that an unclosed-collection error at `offset` belongs to. */
function unclosedFlowStart(doc: Document, offset: number): number | undefined {
  let start: number | undefined;
  visit(doc, (_, node) => {
    if ((isMap(node) || isSeq(node)) && node.flow && node.range && node.range[0] < offset && node.range[1] <= offset) {
      if (start === undefined || node.range[0] > start) start = node.range[0];
    }
  });
  return start;
}

/**
 * Turns the YAML library's errors into problems a spec author can act on. Indentation mistakes are
 * the common case, and the library reports them on the lines after the one to fix, at column 1, once
 * for each line that follows: each is reported once, at the line's first character, with the line
 * to check. Other errors are kept once per line, in the library's words when the spec has none better.
 */
export function yamlProblems(text: string, doc: Document, counter: LineCounter, errors: readonly YAMLError[]): YamlProblem[] {
  const lines = new Lines(text);
  const duplicates = errors.some((error) => error.code === 'DUPLICATE_KEY') ? firstKeyOffsets(doc) : new Map();
  const problems: YamlProblem[] = [];
  const hinted = new Set<number>();
  const linesDone = new Set<number>();
  const at = (offset: number) => counter.linePos(offset);

  for (const error of errors) {
    const { line, col } = at(error.pos[0]);
    if (linesDone.has(line)) continue;
    const add = (message: string, where: { line: number; col: number } = { line, col }) => {
      linesDone.add(where.line);
      problems.push({ ...where, message });
    };
    const lineStart = { line, col: lines.indent(line) + 1 };
    const itemsMisaligned = /^All (mapping|sequence) items must start at the same column/.exec(error.message);
    // Right under a line reported for its indentation, the library's view of the structure is off by that line.
    const followsReported = linesDone.has(lines.previousContent(line) ?? 0);

    if (error.code === 'DUPLICATE_KEY') {
      const duplicate = duplicates.get(error.pos[0]);
      add(duplicate ? `the key "${duplicate.key}" is already in this map, on line ${at(duplicate.first).line}; a map holds each key once` : 'a key is repeated in this map; a map holds each key once');
    } else if (itemsMisaligned) {
      const kind = itemsMisaligned[1] as 'mapping' | 'sequence';
      const hint = misalignment(lines, line, kind, linesDone);
      // A line that agrees with the lines above it only follows an earlier misplaced line, already reported.
      if (hint === undefined && problems.length > 0) continue;
      if (hint !== undefined && hinted.has(hint.check)) continue;
      if (hint !== undefined) hinted.add(hint.check);
      add(hint?.message ?? `the ${kind === 'mapping' ? 'keys of one map' : 'items of one list'} must start at the same column; check the indentation of the lines above`, lineStart);
    } else if (error.code === 'BAD_INDENT' && /^Flow (sequence|map) in block collection/.test(error.message)) {
      const open = error.message.startsWith('Flow sequence') ? '[' : '{';
      const close = open === '[' ? ']' : '}';
      const start = unclosedFlowStart(doc, error.pos[0]);
      // Reported at the bracket that is left open, not at the line where the library gave up on it.
      add(`this ${open} is not closed: end it with ${close}, and indent the lines it continues on deeper than its key`, start === undefined ? undefined : at(start));
    } else if (error.code === 'TAB_AS_INDENT') {
      add('a tab indents this line; YAML indents with spaces only');
    } else if (followsReported && ['BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY', 'MISSING_CHAR'].includes(error.code)) {
      continue;
    } else if (error.code === 'BLOCK_AS_IMPLICIT_KEY' && error.message.startsWith('A block sequence')) {
      const list = lines.itemAbove(line, (candidate) => lines.isListItem(candidate));
      const like = list === undefined ? '' : ` (line ${list}, column ${lines.indent(list) + 1}); indent it like line ${list}`;
      add(`this list item does not line up with the list above it${like}`, lineStart);
    } else if (error.code === 'MULTILINE_IMPLICIT_KEY' || error.code === 'BLOCK_AS_IMPLICIT_KEY') {
      const next = lines.nextContent(line);
      const continued = errors.some((other) => other.code === 'MULTILINE_IMPLICIT_KEY' && at(other.pos[0]).line === line);
      if (continued && next !== undefined) {
        add(`the value here runs on into line ${next}, which is indented deeper than this line's key; check the indentation of line ${next}`);
      } else {
        add('a value cannot hold "key: value" on the same line; quote the value, or put the inner map on lines of its own');
      }
    } else if (error.code === 'MISSING_CHAR' && error.message.startsWith('Implicit map keys need to be followed by map values')) {
      add(`this line is not "key: value"; if it continues the value above, indent it deeper than that value's key`, lineStart);
    } else if (error.code === 'MISSING_CHAR' && /^Missing closing ["']quote/.test(error.message)) {
      add('a quoted value is not closed with its quote');
    } else if (error.code === 'BAD_DQ_ESCAPE') {
      add(`${error.message.replace(/^Invalid escape sequence /, '')} is not an escape YAML knows in "double quotes"; use 'single quotes', or \\\\ for a backslash`);
    } else if (error.code === 'MULTIPLE_DOCS') {
      add('a spec file holds one YAML document; remove the --- line');
    } else {
      add(error.message.split('\n')[0] ?? error.message);
    }
  }
  return problems;
}
