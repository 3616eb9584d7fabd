/**
 * An incremental JSON scanner. It reads a document in chunks of any size, checks its syntax, and hands
 * out each element of the arrays that sit under chosen keys (`_webSocketMessages` in a HAR), parsed,
 * one at a time. Everything else is stepped over without being kept, so memory holds one element
 * whatever the size of the document.
 *
 * An explicit state machine (ws `lib/receiver.js` is the model): named integer states, one method per
 * state, and a loop in `write` that advances while input remains.
 *
 * Why hand-written rather than a library (issue 13, item 5; `npm run bench -- --only har-scan`, a
 * 500 MB Chrome HAR, each parser taking out the same 490,409 elements, MB per second of CPU time):
 * - faster: 147 MB/s, against 116 MB/s for @streamparser/json 0.0.26 (with its fast string buffer) and
 *   68 MB/s for stream-json 3.8.0, so 1.27x the faster library (1.17x to 1.35x over four runs on a
 *   busy 2-core machine); reading and decoding alone is 768 MB/s.
 * - peak RSS 111 MB, against 85 MB and 137 MB (reading alone: 89 MB, most of it Node and tsx): within
 *   validate's 150 MB, though not the lowest.
 * - errors a user can act on: "unexpected '}', expected a key in log.entries[0]" at line 2, column 11,
 *   where @streamparser/json says "Unexpected RIGHT_BRACE ("}") in state KEY", with no line, column or path.
 * - no runtime dependency: the installed package stays guilded-gateway, ws and yaml.
 * The bench fails its target if this lead falls under 1.15x the faster library: then look again.
 */

// A value must come: at the start, after ':' and after ',' in an array.
const VALUE = 0;
// After '[': a value or ']'.
const ARRAY_START = 1;
// After '{': a key or '}'.
const OBJECT_START = 2;
// After ',' in an object: a key.
const KEY = 3;
// After a key: ':'.
const COLON = 4;
// After a value: ',' or the closing bracket of its container.
const AFTER_VALUE = 5;
// Inside a string, key or value.
const STRING = 6;
// After a backslash inside a string.
const ESCAPE = 7;
// Inside a number, true, false or null.
const LITERAL = 8;
// After the root value: only whitespace may follow.
const END = 9;
// A syntax error was found; the rest of the input is ignored.
const FAILED = 10;
// Inside the four hex digits of a \u escape; #hexLeft says how many are still to come.
const UNICODE = 11;

const OBJECT = 0;
const ARRAY = 1;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
// Keys longer than this cannot be a watched key; they are stepped over without being kept.
const MAX_KEY_LENGTH = 256;
const MAX_LITERAL_LENGTH = 400;
const SNIPPET_RADIUS = 40;
// Containers this shallow are remembered by path, so a caller can check the document's outline (log.entries).
const OUTLINE_DEPTH = 3;
const ESCAPE_LETTERS = '"\\/bfnrtu';
const LITERAL_PATTERN = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)$/;

/** A syntax error, located. */
export interface ScanError {
  /** Lowercase; names what was found and what was expected. */
  readonly message: string;
  readonly line: number;
  readonly column: number;
  /** Where in the document, as `log.entries[3]._webSocketMessages[17]`; empty at the root. */
  readonly path: string;
  /** True when the input stopped before the document was complete: it was cut off, most likely. */
  readonly truncated: boolean;
  /** The raw text around the error, unredacted: the caller redacts it before showing it. */
  readonly snippet: string;
  /** Where in `snippet` the error is. */
  readonly snippetAt: number;
  /** Whether the snippet starts or ends inside the document rather than at its start or end. */
  readonly snippetCut: { readonly start: boolean; readonly end: boolean };
}

/** What the input is called in the messages about its end: a whole file, or one line of JSON lines. */
export type InputUnit = 'file' | 'line';

/** Called with each element of a watched array: the array's key, the parsed element and its index. */
export type ElementHandler = (key: string, value: unknown, index: number) => void;

/** Reads one JSON document incrementally; see the module comment. */
export class JsonScanner {
  readonly #watched: ReadonlySet<string>;
  readonly #onElement: ElementHandler;
  readonly #unit: InputUnit;
  #state = VALUE;
  #chunk = '';
  // Characters before the current chunk, and where the current line started, for error positions.
  #offset = 0;
  #line = 1;
  #lineStart = 0;

  // The open containers, innermost last: their kind, the key they sit under in their parent ('' in an
  // array), the index of the current element (arrays) and the key whose value comes next (objects).
  readonly #kinds: number[] = [];
  readonly #keys: string[] = [];
  readonly #indexes: number[] = [];
  readonly #nextKeys: string[] = [];
  readonly #outline = new Set<string>();

  #inKey = false;
  #hexLeft = 0;
  #keyText = '';
  #keyFrom = 0;
  #literal = '';
  #literalFrom = 0;

  // The element being captured: the depth of its watched array, and its text so far.
  #captureDepth = -1;
  #captureFrom = 0;
  #captureKey = '';
  #captureIndex = 0;
  #captureParts: string[] = [];

  #error: ScanError | undefined;
  #sawValue = false;
  // The end of the input so far, to show where a truncated document stops.
  #tail = '';

  /**
   * Watches the arrays under `watchedKeys` and calls `onElement` with each of their elements; `unit`
   * names the input in the messages about where it ended too soon.
   */
  constructor(watchedKeys: Iterable<string>, onElement: ElementHandler, unit: InputUnit = 'file') {
    this.#watched = new Set(watchedKeys);
    this.#onElement = onElement;
    this.#unit = unit;
  }

  /** Called when a watched key holds something other than an array: a string, an object ... */
  onNotArray: ((key: string, kind: string, at: { readonly line: number; readonly column: number }) => void) | undefined;

  /** The first syntax error, once found. */
  get error(): ScanError | undefined {
    return this.#error;
  }

  /** Whether a container was opened at `path`, written as `log{}` or `log.entries[]` (shallow paths only). */
  opened(path: string): boolean {
    return this.#outline.has(path);
  }

  /** The index of the current element of the innermost open array under `key`, or -1. */
  indexUnder(key: string): number {
    for (let depth = this.#kinds.length - 1; depth >= 0; depth--) {
      if (this.#kinds[depth] === ARRAY && this.#keys[depth] === key) return this.#indexes[depth]!;
    }
    return -1;
  }

  /** Feeds the next chunk. Returns false once a syntax error has been found. */
  write(chunk: string): boolean {
    if (this.#state === FAILED) return false;
    this.#chunk = chunk;
    this.#captureFrom = 0;
    this.#keyFrom = 0;
    this.#literalFrom = 0;
    const length = chunk.length;
    let i = 0;
    while (i < length && this.#state !== FAILED) {
      switch (this.#state) {
        case VALUE:
          i = this.#value(i);
          break;
        case ARRAY_START:
          i = this.#arrayStart(i);
          break;
        case OBJECT_START:
          i = this.#objectStart(i);
          break;
        case KEY:
          i = this.#key(i);
          break;
        case COLON:
          i = this.#colon(i);
          break;
        case AFTER_VALUE:
          i = this.#afterValue(i);
          break;
        case STRING:
          i = this.#string(i);
          break;
        case ESCAPE:
          i = this.#escape(i);
          break;
        case UNICODE:
          i = this.#unicodeDigits(i);
          break;
        case LITERAL:
          i = this.#literalChars(i);
          break;
        default:
          i = this.#end(i);
      }
    }
    if (this.#state === FAILED) return false;
    // Keep the unfinished pieces that the next chunk continues.
    if (this.#captureDepth >= 0) this.#captureParts.push(chunk.slice(this.#captureFrom));
    if (this.#inKey && this.#keyText.length <= MAX_KEY_LENGTH) this.#keyText += chunk.slice(this.#keyFrom);
    if (this.#state === LITERAL) this.#appendLiteral(length);
    this.#offset += length;
    this.#tail = chunk.length >= SNIPPET_RADIUS ? chunk.slice(-SNIPPET_RADIUS) : this.#tail.slice(chunk.length - SNIPPET_RADIUS) + chunk;
    return true;
  }

  /** Signals the end of the input. Returns false if the document is incomplete or invalid. */
  end(): boolean {
    if (this.#state === FAILED) return false;
    this.#chunk = '';
    if (this.#state === LITERAL && this.#kinds.length === 0) {
      this.#literalFrom = 0;
      this.#finishLiteral(0);
    }
    // The root value can end with the last character, before AFTER_VALUE has seen that nothing follows.
    if (this.#state === AFTER_VALUE && this.#kinds.length === 0) this.#state = END;
    if (this.#state === END || this.#state === FAILED) return this.#state === END;
    const tail = { text: this.#tail, at: this.#tail.length, start: this.#offset > this.#tail.length, end: false };
    if (this.#sawValue) this.#fail(`the ${this.#unit} ends ${this.#whereItEnds()}`, 0, tail, true);
    else this.#fail(`no json value: the ${this.#unit} is empty`, 0, tail);
    return false;
  }

  /** Where an input that stopped too soon stopped, as someone reading it would say. */
  #whereItEnds(): string {
    switch (this.#state) {
      case STRING:
      case ESCAPE:
      case UNICODE:
        return this.#inKey ? 'inside a key' : 'inside a string';
      case COLON:
        return 'after a key';
      case VALUE:
        return 'where a value should be';
      default:
        // Between the elements of a container, or inside a number, true, false or null, which may be whole.
        return this.#kinds[this.#kinds.length - 1] === OBJECT ? 'inside an object' : 'inside an array';
    }
  }

  #value(i: number): number {
    i = this.#skipWhitespace(i);
    if (i >= this.#chunk.length) return i;
    const c = this.#chunk.charCodeAt(i);
    if (c !== 0x5b /* [ */ && this.onNotArray) this.#checkWatchedValue(c, i);
    if (c === 0x7b /* { */) {
      this.#beginValue(i);
      this.#push(OBJECT);
      this.#state = OBJECT_START;
      return i + 1;
    }
    if (c === 0x5b /* [ */) {
      this.#beginValue(i);
      this.#push(ARRAY);
      this.#state = ARRAY_START;
      return i + 1;
    }
    if (c === QUOTE) {
      this.#beginValue(i);
      this.#inKey = false;
      this.#state = STRING;
      return i + 1;
    }
    if (c === 0x2d /* - */ || (c >= 0x30 && c <= 0x39) || c === 0x74 /* t */ || c === 0x66 /* f */ || c === 0x6e /* n */) {
      this.#beginValue(i);
      this.#literal = '';
      this.#literalFrom = i;
      this.#state = LITERAL;
      return i;
    }
    return this.#fail(`unexpected ${describeChar(c)}, expected a value`, i);
  }

  #checkWatchedValue(c: number, i: number): void {
    const top = this.#kinds.length - 1;
    if (top < 0 || this.#kinds[top] !== OBJECT || !this.#watched.has(this.#nextKeys[top]!)) return;
    const kind = c === 0x7b ? 'an object' : c === QUOTE ? 'a string' : c === 0x6e ? 'null' : c === 0x74 || c === 0x66 ? 'a boolean' : 'a number';
    this.onNotArray!(this.#nextKeys[top]!, kind, { line: this.#line, column: this.#offset + i - this.#lineStart + 1 });
  }

  #arrayStart(i: number): number {
    i = this.#skipWhitespace(i);
    if (i >= this.#chunk.length) return i;
    if (this.#chunk.charCodeAt(i) === 0x5d /* ] */) return this.#close(i);
    this.#state = VALUE;
    return i;
  }

  #objectStart(i: number): number {
    i = this.#skipWhitespace(i);
    if (i >= this.#chunk.length) return i;
    const c = this.#chunk.charCodeAt(i);
    if (c === 0x7d /* } */) return this.#close(i);
    if (c === QUOTE) return this.#beginKey(i);
    return this.#fail(`unexpected ${describeChar(c)}, expected a key or '}'`, i);
  }

  #key(i: number): number {
    i = this.#skipWhitespace(i);
    if (i >= this.#chunk.length) return i;
    const c = this.#chunk.charCodeAt(i);
    if (c === QUOTE) return this.#beginKey(i);
    return this.#fail(`unexpected ${describeChar(c)}, expected a key`, i);
  }

  #colon(i: number): number {
    i = this.#skipWhitespace(i);
    if (i >= this.#chunk.length) return i;
    const c = this.#chunk.charCodeAt(i);
    if (c !== 0x3a /* : */) return this.#fail(`unexpected ${describeChar(c)}, expected ':' after a key`, i);
    this.#state = VALUE;
    return i + 1;
  }

  #afterValue(i: number): number {
    if (this.#kinds.length === 0) {
      this.#state = END;
      return i;
    }
    i = this.#skipWhitespace(i);
    if (i >= this.#chunk.length) return i;
    const c = this.#chunk.charCodeAt(i);
    const kind = this.#kinds[this.#kinds.length - 1];
    if (c === 0x2c /* , */) {
      if (kind === OBJECT) {
        // The previous key is done with; an error before the next one is at the object, not that key.
        this.#nextKeys[this.#nextKeys.length - 1] = '';
        this.#state = KEY;
      } else {
        this.#state = VALUE;
      }
      return i + 1;
    }
    if ((c === 0x7d /* } */ && kind === OBJECT) || (c === 0x5d /* ] */ && kind === ARRAY)) return this.#close(i);
    return this.#fail(`unexpected ${describeChar(c)}, expected ',' or '${kind === OBJECT ? '}' : ']'}'`, i);
  }

  #string(i: number): number {
    const chunk = this.#chunk;
    const length = chunk.length;
    for (; i < length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === QUOTE) {
        if (this.#inKey) return this.#finishKey(i);
        this.#endValue(i + 1);
        return i + 1;
      }
      if (c === BACKSLASH) {
        // Frames in a HAR are full of \" escapes: step over them here rather than through the state loop.
        if (i + 1 === length) {
          this.#state = ESCAPE;
          return length;
        }
        if (!ESCAPE_LETTERS.includes(chunk[++i]!)) return this.#fail(`invalid escape \\${chunk[i]} inside a string`, i);
        if (chunk[i] === 'u') {
          this.#hexLeft = 4;
          i = this.#unicodeDigits(i + 1);
          if (this.#state !== STRING) return i;
          // The loop steps past the last digit.
          i--;
        }
        continue;
      }
      if (c < 0x20) return this.#fail(`unescaped ${describeChar(c)} inside a string`, i);
    }
    return i;
  }

  #escape(i: number): number {
    const letter = this.#chunk[i]!;
    if (!ESCAPE_LETTERS.includes(letter)) return this.#fail(`invalid escape \\${letter} inside a string`, i);
    this.#state = STRING;
    if (letter !== 'u') return i + 1;
    this.#hexLeft = 4;
    return this.#unicodeDigits(i + 1);
  }

  /** Checks what is left of a \u escape's four hex digits; a chunk that ends first leaves the state UNICODE. */
  #unicodeDigits(i: number): number {
    const chunk = this.#chunk;
    for (; this.#hexLeft > 0; i++, this.#hexLeft--) {
      if (i === chunk.length) {
        this.#state = UNICODE;
        return i;
      }
      if (!isHexDigit(chunk.charCodeAt(i))) return this.#fail(`invalid \\u escape: ${describeChar(chunk.charCodeAt(i))} is not a hex digit`, i);
    }
    this.#state = STRING;
    return i;
  }

  #literalChars(i: number): number {
    const chunk = this.#chunk;
    const length = chunk.length;
    for (; i < length; i++) {
      const c = chunk.charCodeAt(i);
      const partOfLiteral =
        (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x2b || c === 0x2d || c === 0x2e;
      if (!partOfLiteral) return this.#finishLiteral(i);
    }
    return i;
  }

  #end(i: number): number {
    i = this.#skipWhitespace(i);
    if (i >= this.#chunk.length) return i;
    return this.#fail(`unexpected ${describeChar(this.#chunk.charCodeAt(i))} after the end of the document`, i);
  }

  #skipWhitespace(i: number): number {
    const chunk = this.#chunk;
    const length = chunk.length;
    for (; i < length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === NEWLINE) {
        this.#line++;
        this.#lineStart = this.#offset + i + 1;
      } else if (c !== 0x20 && c !== 0x09 && c !== 0x0d) {
        break;
      }
    }
    return i;
  }

  /** A value starts at `i`: count it in its array, and start capturing it if the array is watched. */
  #beginValue(i: number): void {
    this.#sawValue = true;
    const top = this.#kinds.length - 1;
    if (top < 0 || this.#kinds[top] !== ARRAY) return;
    const index = ++this.#indexes[top]!;
    if (this.#captureDepth === -1 && this.#watched.has(this.#keys[top]!)) {
      this.#captureDepth = top + 1;
      this.#captureFrom = i;
      this.#captureKey = this.#keys[top]!;
      this.#captureIndex = index;
    }
  }

  /** A value ended just before `end`: hand out a captured element that is now complete. */
  #endValue(end: number): void {
    this.#state = AFTER_VALUE;
    if (this.#captureDepth !== this.#kinds.length) return;
    this.#captureParts.push(this.#chunk.slice(this.#captureFrom, end));
    const text = this.#captureParts.length === 1 ? this.#captureParts[0]! : this.#captureParts.join('');
    this.#captureParts = [];
    this.#captureDepth = -1;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      this.#fail('this element is not valid JSON', end - 1);
      return;
    }
    this.#onElement(this.#captureKey, value, this.#captureIndex);
  }

  #push(kind: number): void {
    const top = this.#kinds.length - 1;
    const key = top >= 0 && this.#kinds[top] === OBJECT ? this.#nextKeys[top]! : '';
    this.#kinds.push(kind);
    this.#keys.push(key);
    this.#indexes.push(-1);
    this.#nextKeys.push('');
    if (this.#kinds.length <= OUTLINE_DEPTH) this.#outline.add(`${this.#path()}${kind === OBJECT ? '{}' : '[]'}`);
  }

  #close(i: number): number {
    this.#kinds.pop();
    this.#keys.pop();
    this.#indexes.pop();
    this.#nextKeys.pop();
    this.#endValue(i + 1);
    return i + 1;
  }

  #beginKey(i: number): number {
    this.#inKey = true;
    this.#keyText = '';
    this.#keyFrom = i + 1;
    this.#state = STRING;
    return i + 1;
  }

  #finishKey(i: number): number {
    let key = this.#keyText.length <= MAX_KEY_LENGTH ? this.#keyText + this.#chunk.slice(this.#keyFrom, i) : '';
    if (key.length > MAX_KEY_LENGTH) key = '';
    if (key.includes('\\')) key = decodeKey(key);
    this.#nextKeys[this.#nextKeys.length - 1] = key;
    this.#inKey = false;
    this.#keyText = '';
    this.#state = COLON;
    return i + 1;
  }

  #appendLiteral(end: number): void {
    this.#literal += this.#chunk.slice(this.#literalFrom, end);
    this.#literalFrom = end;
  }

  #finishLiteral(i: number): number {
    this.#appendLiteral(i);
    if (this.#literal.length > MAX_LITERAL_LENGTH || !LITERAL_PATTERN.test(this.#literal)) {
      return this.#fail(`invalid literal ${JSON.stringify(this.#literal.slice(0, 20))}, expected a number, true, false or null`, i);
    }
    this.#endValue(i);
    return i;
  }

  /** The dotted path of the current position, as `log.entries[3]._webSocketMessages[17]`. */
  #path(): string {
    let path = '';
    for (let depth = 0; depth < this.#kinds.length; depth++) {
      if (depth > 0) {
        const parent = depth - 1;
        path += this.#kinds[parent] === ARRAY ? `[${this.#indexes[parent]}]` : `${path ? '.' : ''}${this.#keys[depth]}`;
      }
    }
    return path;
  }

  #fail(message: string, i: number, snippet?: { text: string; at: number; start: boolean; end: boolean }, truncated = false): number {
    const depth = this.#kinds.length;
    let path = this.#path();
    // Say where inside the innermost container too: its current key or element.
    if (depth > 0) {
      const top = depth - 1;
      if (this.#kinds[top] === ARRAY && this.#indexes[top]! >= 0) path += `[${this.#indexes[top]}]`;
      else if (this.#kinds[top] === OBJECT && this.#nextKeys[top]) path += `${path ? '.' : ''}${this.#nextKeys[top]}`;
    }
    const chunk = this.#chunk;
    const from = Math.max(0, i - SNIPPET_RADIUS);
    const around = snippet ?? { text: chunk.slice(from, i + SNIPPET_RADIUS), at: i - from, start: this.#offset + from > 0, end: true };
    this.#error = {
      message,
      line: this.#line,
      column: this.#offset + i - this.#lineStart + 1,
      path,
      truncated,
      snippet: around.text,
      snippetAt: around.at,
      snippetCut: { start: around.start, end: around.end },
    };
    this.#state = FAILED;
    this.#captureParts = [];
    return chunk.length;
  }
}

function decodeKey(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

function isHexDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x66);
}

function describeChar(code: number): string {
  if (code === NEWLINE) return 'line break';
  if (code < 0x20 || code === 0x7f) return `control character 0x${code.toString(16).padStart(2, '0')}`;
  return `'${String.fromCharCode(code)}'`;
}

/** Finds where `text` stops being JSON, for a document that `JSON.parse` refused: one line of JSON lines unless `unit` says otherwise. */
export function locateJsonError(text: string, unit: InputUnit = 'line'): ScanError | undefined {
  const scanner = new JsonScanner([], () => undefined, unit);
  scanner.write(text);
  scanner.end();
  return scanner.error;
}
