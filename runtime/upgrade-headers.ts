/** What the WebSocket upgrade request carries besides what the WebSocket itself sets. */
export interface UpgradeHeaderOptions {
  readonly cookie?: string | undefined;
  readonly userAgent?: string | undefined;
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

// RFC 9110 `token`, and the value characters Node's http accepts: anything else would fail at the first connect.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * The upgrade request's headers, names in lowercase: `headers`, then `userAgent` as `user-agent` over any
 * given there, then `cookie`. A cookie in `headers` is refused, since only the `cookie` option is kept out
 * of errors and debug lines. Messages name a bad header, never its value, which may be a secret.
 */
export function upgradeHeaders({ cookie, userAgent, headers = {} }: UpgradeHeaderOptions): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (!HEADER_NAME.test(name)) {
      throw new TypeError(`the headers option has ${JSON.stringify(name)}, which is not a header name; no client was created`);
    }
    if (lower === 'cookie') {
      throw new TypeError('the headers option has a cookie; pass it as the cookie option, which is never shown in errors or logs; no client was created');
    }
    merged[lower] = checkedValue(`the ${lower} header`, value);
  }
  if (userAgent !== undefined) merged['user-agent'] = checkedValue('the userAgent option', userAgent);
  if (cookie !== undefined) merged['cookie'] = checkedValue('the cookie option', cookie);
  return merged;
}

function checkedValue(what: string, value: unknown): string {
  if (typeof value !== 'string' || !HEADER_VALUE.test(value)) {
    throw new TypeError(`${what} is not a string of header characters (no line breaks or control characters); no client was created`);
  }
  return value;
}

/** The names of the headers sent, for a debug line: their values may be secrets. */
export function headerNames(headers: Record<string, string>): string {
  const names = Object.keys(headers);
  return names.length === 0 ? 'no headers' : `headers ${names.join(', ')}`;
}
