import { createRedactor, REDACTED } from '../../runtime/redact.js';

// A session cookie wherever it is written as name=value: a cookie header, a URL, a frame that echoes one.
const SESSION_COOKIE = /\b([\w-]*session[\w-]*=)[^;\s"'\\,&]+/gi;
// A header written as `Cookie: ...`, `"authorization": "..."` or inside a JSON string (`\"cookie\":\"...\"`).
const SECRET_HEADER = /\b((?:set-)?cookie|(?:proxy-)?authorization)((?:\\?["'])?\s*[:=]\s*(?:\\?["'])?)[^"'\\\r\n]+/gi;
// HAR's name/value pairs (headers, cookies): in raw file text, every value is treated as a secret.
const NAME_VALUE = /("name"\s*:\s*"(?:[^"\\]|\\.)*"\s*,\s*"value"\s*:\s*")(?:[^"\\]|\\.)*/gi;
// In raw file text, a long run of token characters is taken for a secret whose name is out of sight.
const LONG_TOKEN = /[A-Za-z0-9+/=_.%~-]{24,}/g;
// What separates tokens in raw text: a snippet never starts or ends in the middle of one.
const DELIMITER = /[\s"'`,;{}[\]()<>\\]/;

/**
 * Removes secrets from everything the CLI prints about a capture: session cookies and authorization
 * headers by pattern, and the exact cookie and authorization values read from a HAR's headers, so
 * that a frame echoing one of them is caught even without its name.
 */
export class Redactor {
  readonly #known = new Set<string>();
  #exact: Array<(text: string) => string> = [];

  /** Remembers a cookie or authorization header value (`a=b; c=d`, `Bearer x`) seen in a capture. */
  addHeader(value: string): void {
    if (this.#known.has(value)) return;
    this.#known.add(value);
    this.#exact.push(createRedactor(value));
  }

  /** Redacts text derived from a frame: a value found at a pointer, a sample frame, a decoder's reason. */
  text(text: string): string {
    let redacted = text.replace(SESSION_COOKIE, `$1${REDACTED}`).replace(SECRET_HEADER, `$1$2${REDACTED}`);
    for (const redact of this.#exact) redacted = redact(redacted);
    return redacted;
  }

  /**
   * Redacts raw text cut from an input file around a syntax error, where a HAR's headers may sit.
   * Where the cut fell inside the file (`cut`), the partial token at that edge is dropped: it could be
   * the tail of a secret whose name, and so whose pattern, was cut off.
   */
  snippet(text: string, cut: { readonly start: boolean; readonly end: boolean }): string {
    let kept = text;
    if (cut.start) {
      const first = kept.search(DELIMITER);
      kept = first === -1 ? '' : kept.slice(first);
    }
    if (cut.end) {
      let last = kept.length - 1;
      while (last >= 0 && !DELIMITER.test(kept[last]!)) last--;
      kept = kept.slice(0, last + 1);
    }
    return this.text(kept.replace(NAME_VALUE, `$1${REDACTED}`)).replace(LONG_TOKEN, REDACTED);
  }
}
