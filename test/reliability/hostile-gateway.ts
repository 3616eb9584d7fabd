// A hostile gateway for the reliability suite: a WebSocket server written byte by byte on node:http, so
// that a case can stop anywhere in the handshake, announce any frame length, and write no faster than
// the socket drains. Everything listens on 127.0.0.1 and close() destroys every connection.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the gateway does with one upgrade request: answer it, refuse it, or leave it hanging. */
export type Behaviour = (request: IncomingMessage, socket: Socket) => void;

/** A running hostile gateway. */
export interface HostileGateway {
  /** The endpoint without query, for the client's `url` option. */
  readonly url: string;
  /** How many upgrade requests arrived. */
  readonly upgrades: number;
  close(): Promise<void>;
}

/** Starts a gateway on 127.0.0.1, port 0, handing each upgrade request to `behaviour`. */
export async function startHostileGateway(behaviour: Behaviour): Promise<HostileGateway> {
  const http = createServer();
  const sockets = new Set<Socket>();
  let upgrades = 0;
  http.on('connection', (socket: Socket) => {
    sockets.add(socket);
    // A client that resets a link it gave up on is no failure of the gateway.
    socket.on('error', () => {});
    socket.once('close', () => sockets.delete(socket));
  });
  http.on('upgrade', (request: IncomingMessage, socket: Socket) => {
    upgrades++;
    behaviour(request, socket);
  });
  http.listen(0, '127.0.0.1');
  await once(http, 'listening');
  const { port } = http.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/ws/`,
    get upgrades() {
      return upgrades;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

/** The Engine.IO hello with the documented values; `fields` replaces or removes (undefined) any of them. */
export function hello(fields: Record<string, unknown> = {}): string {
  return `0${JSON.stringify({ sid: 'hostile-sid', upgrades: [], pingInterval: 25_000, pingTimeout: 5000, ...fields })}`;
}

/** socket.io's connect packet for the default namespace: the client is ready. */
export const CONNECT = '40';

/** Refuses the upgrade with an http status, as a gateway refuses a bad cookie. */
export function refuse(socket: Socket, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
}

const ACCEPT_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const OPCODE_TEXT = 0x1;
const OPCODE_CLOSE = 0x8;
const FIN = 0x80;

/** Completes the upgrade (RFC 6455 section 4.2.2) and returns the server end of the WebSocket. */
export function accept(request: IncomingMessage, socket: Socket): ServerSocket {
  const key = request.headers['sec-websocket-key'] ?? '';
  const digest = createHash('sha1')
    .update(key + ACCEPT_GUID)
    .digest('base64');
  socket.write(
    `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${digest}\r\n\r\n`,
  );
  return new ServerSocket(socket);
}

/** The server end of a WebSocket: unmasked frames out, the client's masked frames in. */
export class ServerSocket {
  readonly socket: Socket;
  /** Text messages from the client, in order. */
  readonly received: string[] = [];
  /** The close code the client sent, once it sent one (1005 for a close frame without one). */
  closeCode: number | undefined;
  /** Resolves when the TCP link has closed. */
  readonly closed: Promise<void>;
  #pending: Buffer = Buffer.alloc(0);

  constructor(socket: Socket) {
    this.socket = socket;
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
    socket.on('data', (chunk: Buffer) => this.#read(chunk));
  }

  /** Sends one text frame; false when the socket's buffer is full (wait for `drained`). */
  send(text: string): boolean {
    const payload = Buffer.from(text);
    return this.socket.write(Buffer.concat([frameHeader(OPCODE_TEXT, payload.length), payload]));
  }

  /** Starts a text frame that announces `length` bytes; the caller writes the payload with `write`. */
  announce(length: number): boolean {
    return this.socket.write(frameHeader(OPCODE_TEXT, length));
  }

  /** Writes raw bytes; false when the socket's buffer is full. */
  write(bytes: Buffer): boolean {
    return this.socket.write(bytes);
  }

  /** Resolves when the socket can take more, or has closed. */
  drained(): Promise<void> {
    if (this.socket.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        this.socket.off('drain', done);
        this.socket.off('close', done);
        resolve();
      };
      this.socket.on('drain', done);
      this.socket.on('close', done);
    });
  }

  /** Sends a close frame, with a status code or, with none, an empty one; then ends the link. */
  close(code?: number, reason = ''): void {
    const payload = code === undefined ? Buffer.alloc(0) : Buffer.concat([u16(code), Buffer.from(reason)]);
    this.socket.end(Buffer.concat([frameHeader(OPCODE_CLOSE, payload.length), payload]));
  }

  /** Ends the TCP link after what was written, without a close frame: the client sees 1006. */
  drop(): void {
    this.socket.end();
  }

  /** Answers each ping (`2`) with a pong (`3`), queued behind whatever was written before it. */
  answerPings(): void {
    let answered = 0;
    this.socket.on('data', () => {
      for (; answered < this.received.length; answered++) if (this.received[answered] === '2') this.send('3');
    });
  }

  #read(chunk: Buffer): void {
    this.#pending = this.#pending.length === 0 ? chunk : Buffer.concat([this.#pending, chunk]);
    for (;;) {
      const frame = readClientFrame(this.#pending);
      if (frame === undefined) return;
      this.#pending = this.#pending.subarray(frame.size);
      if (frame.opcode === OPCODE_TEXT) this.received.push(frame.payload.toString());
      else if (frame.opcode === OPCODE_CLOSE) {
        this.closeCode = frame.payload.length >= 2 ? frame.payload.readUInt16BE(0) : 1005;
        // Answered, or the client's close() would wait 30 s for the closing handshake.
        this.close(this.closeCode === 1005 ? undefined : this.closeCode);
      }
    }
  }
}

function frameHeader(opcode: number, length: number): Buffer {
  if (length < 126) return Buffer.from([FIN | opcode, length]);
  if (length < 0x10000) return Buffer.concat([Buffer.from([FIN | opcode, 126]), u16(length)]);
  const header = Buffer.alloc(10);
  header[0] = FIN | opcode;
  header[1] = 127;
  header.writeBigUInt64BE(BigInt(length), 2);
  return header;
}

function u16(value: number): Buffer {
  const bytes = Buffer.alloc(2);
  bytes.writeUInt16BE(value);
  return bytes;
}

/** One whole masked frame from the start of `bytes`, or undefined until it has all arrived. */
function readClientFrame(bytes: Buffer): { opcode: number; payload: Buffer; size: number } | undefined {
  if (bytes.length < 2) return undefined;
  const opcode = (bytes[0] as number) & 0x0f;
  const short = (bytes[1] as number) & 0x7f;
  let offset = 2;
  let length = short;
  if (short === 126) {
    if (bytes.length < 4) return undefined;
    length = bytes.readUInt16BE(2);
    offset = 4;
  } else if (short === 127) {
    if (bytes.length < 10) return undefined;
    length = Number(bytes.readBigUInt64BE(2));
    offset = 10;
  }
  if (bytes.length < offset + 4 + length) return undefined;
  const mask = bytes.subarray(offset, offset + 4);
  const payload = Buffer.from(bytes.subarray(offset + 4, offset + 4 + length));
  for (let i = 0; i < payload.length; i++) payload[i] = (payload[i] as number) ^ (mask[i % 4] as number);
  return { opcode, payload, size: offset + 4 + length };
}
