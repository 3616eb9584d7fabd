import type { GatewayError } from './errors.js';

/**
 * What an error says when nobody listens for `error`: Node makes an unhandled 'error' event loud, and so
 * does the client, with one line on stderr (`console.error`, so that browsers show it too) instead of
 * throwing into the socket's callback. `stack` is the stack of a listener's own exception, already redacted.
 */
export function printUnheardError(error: GatewayError, stack?: string): void {
  const advice = "(no 'error' listener: add one to handle errors yourself)";
  console.error(`guilded-gateway: ${error.code}: ${error.message} ${advice}${stack === undefined ? '' : `\n${stack}`}`);
}
