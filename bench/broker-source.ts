/**
 * The broker figures' gateway, in a process of its own so that its CPU is not the broker's: a `ws`
 * server on 127.0.0.1 that greets each connection as Engine.IO 3 / socket.io 2 do (`0{hello}`, `40`)
 * and, when told on stdin, sends ChatChannelTyping frames over 50 channels to every open connection:
 * `burst N` as fast as it can, `rate N R` at R a second. Each payload's userId holds its send time
 * (milliseconds since the epoch, fractional), for the latency figure. It prints `{"url"}` once
 * listening and `{"sent"}` after each run.
 *
 * Usage: node --import tsx bench/broker-source.ts
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { WebSocketServer, type WebSocket } from 'ws';

const HELLO = '0{"sid":"bench","upgrades":[],"pingInterval":25000,"pingTimeout":60000}';
const CHANNELS = 50;
const sockets = new Set<WebSocket>();

const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
server.on('connection', (socket) => {
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
  socket.send(HELLO);
  socket.send('40');
});
await once(server, 'listening');

const now = (): number => performance.timeOrigin + performance.now();

function frame(i: number): string {
  const channel = (i % CHANNELS).toString(16).padStart(12, '0');
  return `42["ChatChannelTyping",{"type":"ChatChannelTyping","channelId":"d2242862-401c-42f8-9ce2-${channel}","userId":"${now()}"}]`;
}

function send(from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const text = frame(i);
    for (const socket of sockets) socket.send(text);
  }
}

async function burst(count: number): Promise<void> {
  // In slices, so that the sockets drain while the rest is built.
  for (let sent = 0; sent < count; sent += 1000) {
    send(sent, Math.min(count, sent + 1000));
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function rate(count: number, perSecond: number): Promise<void> {
  const started = now();
  let sent = 0;
  while (sent < count) {
    const due = Math.min(count, Math.floor(((now() - started) / 1000) * perSecond));
    send(sent, due);
    sent = due;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

const { address, port } = server.address() as { address: string; port: number };
process.stdout.write(`${JSON.stringify({ url: `ws://${address}:${port}/ws/` })}\n`);
for await (const line of createInterface({ input: process.stdin })) {
  const [command, count, perSecond] = line.split(' ');
  if (command === 'burst') await burst(Number(count));
  if (command === 'rate') await rate(Number(count), Number(perSecond));
  process.stdout.write(`${JSON.stringify({ sent: Number(count) })}\n`);
}
process.exit(0);
