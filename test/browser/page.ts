// The script of the test page: it runs in Chromium, loads the browser bundle as an ES module and
// receives a replay through GatewayClient, as a bot author's page would. It imports only types, so
// that its JavaScript (esbuild strips them) imports nothing but the bundle.
import type { GatewayErrorCode, InvalidPayload, WebSocketLike } from '../../runtime/index.js';

// The browser's own WebSocket (the project's TypeScript has no DOM library): the part the client uses.
declare const WebSocket: new (url: string) => WebSocketLike;

/** The bundle's exports: it is built from the package entry, so they have its types. */
type Bundle = typeof import('../../runtime/index.js');

/** What the page saw, handed back to the test. */
export interface Outcome {
  readonly statusWhenConnected: string;
  /** The name of every event the iterator yielded, in order. */
  readonly names: readonly string[];
  /** `message.id` of every ChatMessageCreated, read by a typed listener. */
  readonly messageIds: readonly string[];
  readonly invalid: readonly InvalidPayload['errors'][];
  readonly errors: readonly string[];
  readonly close: { readonly code: number; readonly reason: string } | undefined;
  readonly statusAfterClose: string;
  /** How connect() failed for a client given no WebSocket, where the bundle has no `ws` to fall back on. */
  readonly withoutWebSocket: { readonly code: GatewayErrorCode; readonly message: string } | undefined;
}

// A page gives no cookie: the browser cannot set the header, and sends the page's own cookies with the upgrade.
// The second client gives one, since without an injected WebSocket the cookie is required.
const COOKIE = 'hmac_signed_session=unused';

/** Connects to `gatewayUrl`, collects `count` events, closes, and says what happened. */
export async function run(bundleUrl: string, gatewayUrl: string, count: number): Promise<Outcome> {
  const { GatewayClient, GatewayError } = (await import(bundleUrl)) as Bundle;
  const client = new GatewayClient({
    url: gatewayUrl,
    reconnect: false,
    // Not the WebSocket option: that calls `new WebSocket(url, { headers })`, and a browser reads the second argument as subprotocols.
    createWebSocket: (url) => new WebSocket(url),
  });
  const messageIds: string[] = [];
  const errors: string[] = [];
  let close: Outcome['close'];
  client.on('ChatMessageCreated', (event) => messageIds.push(event.message.id));
  client.on('error', (error) => errors.push(`${error.code}: ${error.message}`));
  client.on('close', (event) => (close = event));

  const events = client.events();
  await client.connect();
  const statusWhenConnected = client.status;
  const names: string[] = [];
  const invalid: InvalidPayload['errors'][] = [];
  for await (const event of events) {
    if (event.name === 'invalidPayload') invalid.push(event.payload.errors);
    if (names.push(event.name) === count) break;
  }
  await client.close();

  let withoutWebSocket: Outcome['withoutWebSocket'];
  try {
    await new GatewayClient({ cookie: COOKIE, url: gatewayUrl, reconnect: false }).connect();
  } catch (error) {
    if (error instanceof GatewayError) withoutWebSocket = { code: error.code, message: error.message };
  }
  return { statusWhenConnected, names, messageIds, invalid, errors, close, statusAfterClose: client.status, withoutWebSocket };
}
