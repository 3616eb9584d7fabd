/**
 * The replay-throughput baseline, run as a child process as the replay is: a plain `ws` server on
 * 127.0.0.1 that sends every client that connects the hello, `40` and the same event frames as fast as
 * it can, with the replay's backpressure rule (past MAX_BUFFERED_BYTES waiting to go out, send nothing
 * more until it has gone out). It prints `{"url": ...}` once listening; the parent ends it by closing
 * its stdin.
 *
 * Usage: node --import tsx bench/replay-throughput-ws.ts <events>
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_BUFFERED_BYTES } from '../cli/replay/session.js';
import { replayFrames } from './replay-throughput-frames.js';

const frames = replayFrames(Number(process.argv[2] ?? 20_000));
const hello = `0${JSON.stringify({ sid: 'bench', upgrades: [], pingInterval: 25_000, pingTimeout: 5_000 })}`;

function pump(socket: WebSocket, from: number): void {
  for (let sent = from; sent < frames.length; sent++) {
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      // The callback runs once this frame, and so all before it, has been written out.
      socket.send(frames[sent] as string, (error) => !error && pump(socket, sent + 1));
      return;
    }
    socket.send(frames[sent] as string);
  }
}

const server = new WebSocketServer({ host: '127.0.0.1', port: 0, clientTracking: true });
server.on('connection', (socket) => {
  // A client that resets its link is gone, as it is to the replay; it must not end the server.
  socket.on('error', () => undefined);
  socket.send(hello);
  socket.send('40');
  pump(socket, 0);
});
await once(server, 'listening');
const { port } = server.address() as AddressInfo;
process.stdout.write(`${JSON.stringify({ url: `ws://127.0.0.1:${port}/ws/` })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  for (const client of server.clients) client.terminate();
  server.close();
  process.stdin.pause();
});
