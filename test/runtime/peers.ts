// Real peers for the runtime tests: a socket.io 2.x server as Guilded runs it, and a raw `ws` server for
// what socket.io will not do. Everything listens on 127.0.0.1 and closes every connection on close().
import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ClientEventMap } from '../../runtime/client-events.js';
import type { GatewayClient } from '../../runtime/client.js';

/** The cookie every test client sends; nothing may ever show it. */
export const COOKIE = 'hmac_signed_session=SECRET-session-token-0123456789; guilded_mid=SECRET-mid-9876543210';

/** The part of a socket.io 2.x server socket the tests use (the package has no types). */
export interface ServerSocket {
  readonly id: string;
  readonly handshake: { readonly query: Record<string, string>; readonly headers: Record<string, string> };
  readonly conn: { close(): void; readonly transport: { readonly socket: { readonly _socket: Socket } } };
  emit(event: string, ...args: unknown[]): void;
  on(event: string, listener: (...args: unknown[]) => void): void;
  disconnect(close?: boolean): void;
}

interface SocketIoServer {
  use(middleware: (socket: ServerSocket, next: (error?: Error) => void) => void): void;
  on(event: 'connection', listener: (socket: ServerSocket) => void): void;
  close(callback?: () => void): void;
}

/** Options of the socket.io server, as socket.io 2.x takes them. */
export interface SocketIoOptions {
  readonly pingInterval?: number;
  readonly pingTimeout?: number;
  readonly allowRequest?: (request: IncomingMessage, callback: (error: number | null, allow: boolean) => void) => void;
  readonly middleware?: (socket: ServerSocket, next: (error?: Error) => void) => void;
}

/** A running socket.io 2.x server at /ws/, as Guilded serves it now. */
export interface SocketIoPeer {
  /** The endpoint without query, for the client's `url` option. */
  readonly url: string;
  /** Every connection so far, oldest first. */
  readonly connections: ServerSocket[];
  /** Resolves with the next connection (or one already made past `seen`). */
  nextConnection(seen?: number): Promise<ServerSocket>;
  close(): Promise<void>;
}

const require = createRequire(import.meta.url);
const createSocketIo = require('socket.io') as (server: unknown, options: object) => SocketIoServer;

/** Starts a socket.io 2.x server on 127.0.0.1, port 0. */
export async function startSocketIo(options: SocketIoOptions = {}): Promise<SocketIoPeer> {
  const http = createServer();
  const tcp = trackSockets(http);
  const io = createSocketIo(http, {
    path: '/ws',
    pingInterval: options.pingInterval ?? 25_000,
    pingTimeout: options.pingTimeout ?? 5_000,
    allowRequest: options.allowRequest,
    // The client never polls; keep socket.io from setting its own cookie on the handshake.
    cookie: false,
  });
  if (options.middleware) io.use(options.middleware);
  const connections: ServerSocket[] = [];
  const waiting: Array<() => void> = [];
  io.on('connection', (socket) => {
    connections.push(socket);
    for (const wake of waiting.splice(0)) wake();
  });
  http.listen(0, '127.0.0.1');
  await once(http, 'listening');
  const { port } = http.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/ws/`,
    connections,
    async nextConnection(seen = connections.length) {
      while (connections.length <= seen)
        await within(2000, new Promise<void>((wake) => waiting.push(wake)), 'a socket.io connection');
      return connections[seen] as ServerSocket;
    },
    async close() {
      for (const socket of tcp) socket.destroy();
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}

/** A running raw WebSocket server. */
export interface RawPeer {
  readonly url: string;
  readonly server: WebSocketServer;
  close(): Promise<void>;
}

/** Starts a raw `ws` server on 127.0.0.1, port 0, calling `onConnection` for each client. */
export async function startRaw(onConnection: (socket: WebSocket, request: IncomingMessage) => void): Promise<RawPeer> {
  const http = createServer();
  const tcp = trackSockets(http);
  const server = new WebSocketServer({ server: http });
  server.on('connection', onConnection);
  http.listen(0, '127.0.0.1');
  await once(http, 'listening');
  const { port } = http.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/ws/`,
    server,
    async close() {
      for (const client of server.clients) client.terminate();
      for (const socket of tcp) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

/** Sends the Engine.IO hello and socket.io's `40`, as a socket.io 2.x server does on connect. */
export function greet(socket: WebSocket, hello: { pingInterval: number; pingTimeout: number }): void {
  socket.send(`0${JSON.stringify({ sid: 'raw-sid', upgrades: [], ...hello })}`);
  socket.send('40');
}

/** A port on 127.0.0.1 that nothing listens on. */
export async function refusedPort(): Promise<number> {
  const http = createServer();
  http.listen(0, '127.0.0.1');
  await once(http, 'listening');
  const { port } = http.address() as AddressInfo;
  await new Promise<void>((resolve) => http.close(() => resolve()));
  return port;
}

/** Rejects when `promise` takes longer than `ms`, naming what was awaited. */
export async function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The next `name` event of the client, within `ms`. */
export function next<K extends keyof ClientEventMap>(
  client: GatewayClient,
  name: K,
  ms = 2000,
): Promise<ClientEventMap[K]> {
  let listener: ((payload: ClientEventMap[K]) => void) | undefined;
  const event = new Promise<ClientEventMap[K]>((resolve) => {
    listener = resolve;
    client.once(name, resolve);
  });
  return within(ms, event, `the ${String(name)} event`).finally(() => {
    if (listener) client.off(name, listener);
  });
}

/** Waits `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function trackSockets(http: ReturnType<typeof createServer>): Set<Socket> {
  const sockets = new Set<Socket>();
  http.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  return sockets;
}
