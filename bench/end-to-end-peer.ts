/**
 * The end-to-end figure's server, run as a child process so that its CPU is not the client's: a
 * socket.io@2 server on 127.0.0.1 at /ws/ (as Guilded serves it). Every client that connects gets the
 * backlog of mix events at once. It prints `{"url": ...}` once listening.
 *
 * The backlog is encoded once, at start: the text frames `42["Name",payload]` that socket.io@2 sends for
 * `emit(name, payload)`, each in the unmasked WebSocket frame its `ws` would wrap it in, written to the
 * connection's TCP socket in one go. Emitting one by one costs the peer more than the client, and a
 * client waiting for each event would be measured waking up rather than draining a backlog.
 *
 * Usage: node --import tsx bench/end-to-end-peer.ts <events>
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo, Socket } from 'node:net';
import { mixFrames } from './frames.js';

interface PeerSocket {
  readonly conn: { readonly transport: { readonly socket: { readonly _socket: Socket } } };
}

const require = createRequire(import.meta.url);
const createSocketIo = require('socket.io') as (
  server: unknown,
  options: object,
) => { on(event: 'connection', listener: (socket: PeerSocket) => void): void };

const TEXT_FINAL = 0x81;

/** One unmasked, final WebSocket text frame (RFC 6455 section 5.2), as a server sends it. */
function textFrame(payload: Buffer): Buffer {
  const { length } = payload;
  const headerLength = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const header = Buffer.alloc(headerLength);
  header[0] = TEXT_FINAL;
  if (length < 126) header[1] = length;
  else if (length < 65_536) {
    header[1] = 126;
    header.writeUInt16BE(length, 2);
  } else {
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  return Buffer.concat([header, payload]);
}

const count = Number(process.argv[2] ?? 100_000);
const frames = mixFrames().map((frame) => textFrame(Buffer.from(frame.frame)));
const backlog = Buffer.concat(Array.from({ length: count }, (_, i) => frames[i % frames.length] as Buffer));

const http = createServer();
const io = createSocketIo(http, { path: '/ws', cookie: false, pingInterval: 25_000, pingTimeout: 60_000 });
io.on('connection', (socket) => {
  // After socket.io's own `40`, on the same TCP socket; nothing else is sent meanwhile (pings are the client's).
  if (count > 0) setImmediate(() => socket.conn.transport.socket._socket.write(backlog));
});
http.listen(0, '127.0.0.1');
await once(http, 'listening');
const { port } = http.address() as AddressInfo;
process.stdout.write(`${JSON.stringify({ url: `ws://127.0.0.1:${port}/ws/` })}\n`);
// The parent ends the peer by closing its stdin.
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
