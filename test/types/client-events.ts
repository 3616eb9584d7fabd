// Compile-only: `npm test` type-checks this file. Each @ts-expect-error fails the check if the line below
// it ever stops being an error, so the client's lifecycle payloads and options cannot silently loosen.
import { WebSocket } from 'ws';
import { type GatewayClient, type ClientEvent, type GatewayClientOptions, type UnknownFields } from '../../runtime/index.js';

declare const client: GatewayClient;

client.on('debug', (line) => line satisfies string);
client.on('heartbeat', ({ ping }) => ping satisfies number);
// @ts-expect-error the round trip is `ping`, one name on the event and the client
client.on('heartbeat', ({ latency }) => latency);
client.ping satisfies number | undefined;
// @ts-expect-error `latency` was renamed to `ping`, with no alias
void client.latency;

client.on('unknownFields', (report) => report satisfies UnknownFields);
client.on('unknownFields', ({ name, fields }) => [name, ...fields] satisfies string[]);
// @ts-expect-error the pointers are read-only
client.on('unknownFields', ({ fields }) => fields.push('/x'));

/** Iterators yield events and the reports that carry a payload, not unknownFields. */
export function iteratedName(event: ClientEvent): string {
  // @ts-expect-error unknownFields is for listeners only
  if (event.name === 'unknownFields') return 'never';
  return event.name;
}

// Without a cookie when a socket is injected: a browser sends the page's cookies itself.
export const injected: GatewayClientOptions = { createWebSocket: (url) => new WebSocket(url) };
export const headers: GatewayClientOptions = { cookie: 'a=b', userAgent: 'Mozilla/5.0', headers: { origin: 'https://www.guilded.gg' } };
// @ts-expect-error header values are strings
export const numericHeader: GatewayClientOptions = { cookie: 'a=b', headers: { 'x-version': 2 } };
