import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostics } from './diagnostics.js';
import { yamlProblems } from './yaml-problems.js';

/** A path into a YAML document: map keys and sequence indexes. */
export type SpecPath = readonly (string | number)[];

/** A JSON pointer (`/message/id`, `/nodes/0`) as a path into the YAML document. */
export function pointerPath(pointer: string): (string | number)[] {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/** A parsed spec file that can say where any of its values sits. */
export class YamlFile {
  readonly file: string;
  readonly data: unknown;
  /** When the file was last written (ms since the epoch): of two clashing entries, the one in the newer file is the one just added. */
  readonly editedAt: number;
  readonly #doc: Document;
  readonly #lines: LineCounter;

  private constructor(file: string, doc: Document, lines: LineCounter, editedAt: number) {
    this.file = file;
    this.editedAt = editedAt;
    this.#doc = doc;
    this.#lines = lines;
    this.data = doc.toJS({ maxAliasCount: 100 });
  }

  /** Parses `text`; syntax errors go to `diagnostics` and yield undefined. */
  static parse(file: string, text: string, diagnostics: Diagnostics, editedAt = 0): YamlFile | undefined {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length > 0) {
      for (const problem of yamlProblems(text, doc, lines, doc.errors)) diagnostics.add({ file, ...problem });
      return undefined;
    }
    return new YamlFile(file, doc, lines, editedAt);
  }

  /** Reports a problem at `path`; with `atKey`, at the key of the last path segment rather than its value. */
  report(diagnostics: Diagnostics, path: SpecPath, message: string, atKey = false): void {
    const { line, col } = this.position(path, atKey);
    diagnostics.add({ file: this.file, line, col, message });
  }

  /** The 1-based line and column of the deepest node that `path` reaches. */
  position(path: SpecPath, atKey = false): { line: number; col: number } {
    let node: unknown = this.#doc.contents;
    let offset = 0;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i]!;
      const isLast = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
        if (!pair) break;
        const key = pair.key as Node;
        if (isLast && atKey) {
          offset = key.range?.[0] ?? offset;
          break;
        }
        node = pair.value ?? key;
      } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
        node = node.items[segment];
      } else {
        break;
      }
      offset = (node as Node).range?.[0] ?? offset;
    }
    if (path.length === 0) offset = (this.#doc.contents as Node | null)?.range?.[0] ?? 0;
    return this.#lines.linePos(offset);
  }
}
