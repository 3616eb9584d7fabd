import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostics } from './diagnostics.js';

/** A path into a YAML document: map keys and sequence indexes. */
export type SpecPath = readonly (string | number)[];

/** A parsed spec file that can say where any of its values sits. */
export class YamlFile {
  readonly file: string;
  readonly data: unknown;
  readonly #doc: Document;
  readonly #lines: LineCounter;

  private constructor(file: string, doc: Document, lines: LineCounter) {
    this.file = file;
    this.#doc = doc;
    this.#lines = lines;
    this.data = doc.toJS({ maxAliasCount: 100 });
  }

  /** Parses `text`; syntax errors go to `diagnostics` and yield undefined. */
  static parse(file: string, text: string, diagnostics: Diagnostics): YamlFile | undefined {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length > 0) {
      for (const error of doc.errors) {
        const pos = lines.linePos(error.pos[0]);
        diagnostics.add({ file, line: pos.line, col: pos.col, message: error.message.split('\n')[0] ?? error.message });
      }
      return undefined;
    }
    return new YamlFile(file, doc, lines);
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
