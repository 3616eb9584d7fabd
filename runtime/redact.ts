/** Marks where a secret was removed from text. */
export const REDACTED = '[redacted]';

// Shorter cookie values (such as `authenticated=true`) are not secrets, and redacting them would
// garble ordinary words in messages.
const MIN_SECRET_LENGTH = 8;

/**
 * Returns a function that removes a cookie header from text: the whole header and each cookie value
 * long enough to be a secret, so that a value quoted alone (by a WebSocket library, say) is caught too.
 * Without a cookie (a browser client sends the page's own) it removes nothing.
 */
export function createRedactor(cookie = ''): (text: string) => string {
  const values = cookie
    .split(';')
    .map((pair) => pair.slice(pair.indexOf('=') + 1).trim())
    .concat(cookie.trim())
    .filter((value) => value.length >= MIN_SECRET_LENGTH)
    // Longest first, so that the whole header is removed before the values inside it.
    .sort((a, b) => b.length - a.length);
  return (text) => values.reduce((redacted, secret) => redacted.replaceAll(secret, REDACTED), text);
}
