/**
 * The replay server: a local stand-in for the gateway on 127.0.0.1. It speaks the protocol from the spec
 * itself over a plain `ws` server (no socket.io server), so it shows what the spec says a server does.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer } from 'ws';
import { checkHandshake, refusePlainRequest, upgradeRefusalResponse, type Refusal } from './handshake.js';
import type { Schedule } from './schedule.js';
import { ReplaySession } from './session.js';

const MAX_CLIENT_FRAME = 1024 * 1024;
const LOCALHOST = '127.0.0.1';

/** Options of `startReplay`. */
export interface ReplayOptions {
  readonly schedule: Schedule;
  /** The port; 0 (the default) picks a free one. */
  readonly port?: number;
  /** The address to listen on; 127.0.0.1 (the default) lets no other machine in. */
  readonly host?: string;
  /** Told of every client that comes and goes, every command, and every refused request. */
  readonly onEvent?: (event: ReplayEvent) => void;
}

/** What happens on a replay server, for its log. `client` numbers clients from 1 in order of connection. */
export type ReplayEvent =
  | { readonly kind: 'connect'; readonly client: number; readonly sid: string; readonly path: string }
  | { readonly kind: 'command'; readonly client: number; readonly frame: string }
  | { readonly kind: 'finished'; readonly client: number; readonly frames: number }
  | { readonly kind: 'disconnect'; readonly client: number; readonly code: number; readonly reason: string; readonly sent: number }
  | { readonly kind: 'refused'; readonly method: string; readonly target: string; readonly refusal: Refusal };

/** A running replay server. */
export interface ReplayServer {
  /** The endpoint to give `GatewayClient` as its `url`: `ws://127.0.0.1:<port>/ws/`. */
  readonly url: string;
  readonly port: number;
  /** Drops every client and stops listening. */
  close(): Promise<void>;
}

/** Starts a replay server (on 127.0.0.1 unless `host` says otherwise); every client that connects gets the whole schedule from its start. */
export async function startReplay(options: ReplayOptions): Promise<ReplayServer> {
  const report = options.onEvent ?? (() => undefined);
  const http = createServer((request, response) => refuseRequest(request, response, report));
  // Commands are a few hundred bytes: a bigger frame is refused (close 1009) before it is held in memory.
  const webSockets = new WebSocketServer({ noServer: true, clientTracking: false, maxPayload: MAX_CLIENT_FRAME });
  const sessions = new Set<ReplaySession>();
  let clients = 0;

  http.on('upgrade', (request: IncomingMessage, socket: Socket, head: Buffer) => {
    const target = request.url ?? '/';
    const refusal = checkHandshake(target);
    if (refusal) {
      report({ kind: 'refused', method: request.method ?? 'GET', target, refusal });
      socket.on('error', () => undefined);
      socket.end(upgradeRefusalResponse(refusal));
      return;
    }
    webSockets.handleUpgrade(request, socket, head, (webSocket) => {
      const client = ++clients;
      const session: ReplaySession = new ReplaySession(webSocket, options.schedule, {
        command: (frame) => report({ kind: 'command', client, frame }),
        finished: () => report({ kind: 'finished', client, frames: session.sent }),
        closed: (code, reason) => {
          sessions.delete(session);
          report({ kind: 'disconnect', client, code, reason, sent: session.sent });
        },
      });
      sessions.add(session);
      report({ kind: 'connect', client, sid: session.sid, path: new URL(target, 'http://127.0.0.1').pathname });
      session.start();
    });
  });

  const host = options.host ?? LOCALHOST;
  http.listen(options.port ?? 0, host);
  // Rejects with the listen error (such as EADDRINUSE): `once` turns an 'error' event into a rejection.
  await once(http, 'listening');
  const { port } = http.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' || host === '::' ? LOCALHOST : host;

  return {
    url: `ws://${urlHost}:${port}/ws/`,
    port,
    async close() {
      for (const session of sessions) session.stop('the replay server stopped');
      webSockets.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

/** Answers a plain HTTP request as an Engine.IO server without polling does: 400 with a JSON error. */
function refuseRequest(request: IncomingMessage, response: ServerResponse, report: (event: ReplayEvent) => void): void {
  const target = request.url ?? '/';
  const refusal = refusePlainRequest(target);
  report({ kind: 'refused', method: request.method ?? 'GET', target, refusal });
  response.writeHead(refusal.status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify({ code: refusal.code, message: refusal.message }));
}
