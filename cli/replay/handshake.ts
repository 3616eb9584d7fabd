/**
 * Which handshakes the replay accepts, and how it refuses the rest: with HTTP 400 and the error of an
 * Engine.IO server (engine.io's `Server.errors`), as Guilded's socket.io 2 server answered.
 */
import { ENGINE_IO_VERSION } from '../../generated/index.js';

/** The socket.io paths the gateway has had (spec/connection.yaml `endpoints`): `/ws/` now, `/socket.io/` until 2022. */
export const GATEWAY_PATHS: readonly string[] = ['/ws/', '/socket.io/'];

/** A refused handshake: Engine.IO's error code and message for the body, and why, for the log. */
export interface Refusal {
  readonly status: 400;
  readonly code: number;
  readonly message: string;
  readonly why: string;
}

// engine.io's error codes; 5 is engine.io 4's, which the v3 server predates, for a client of another protocol.
const UNKNOWN_TRANSPORT = { code: 0, message: 'Transport unknown' };
const UNKNOWN_SID = { code: 1, message: 'Session ID unknown' };
const BAD_REQUEST = { code: 3, message: 'Bad request' };
const UNSUPPORTED_PROTOCOL_VERSION = { code: 5, message: 'Unsupported protocol version' };

/** Checks a handshake's request target (`/ws/?EIO=3&transport=websocket`); undefined when it may upgrade. */
export function checkHandshake(target: string): Refusal | undefined {
  const url = new URL(target, 'http://127.0.0.1');
  const query = url.searchParams;
  if (!GATEWAY_PATHS.includes(url.pathname)) {
    return refuse(BAD_REQUEST, `path ${url.pathname} is not the gateway's (${GATEWAY_PATHS.join(' or ')})`);
  }
  const version = query.get('EIO');
  if (version !== String(ENGINE_IO_VERSION)) {
    return refuse(UNSUPPORTED_PROTOCOL_VERSION, `EIO=${version ?? '(missing)'}: the gateway speaks Engine.IO ${ENGINE_IO_VERSION} only`);
  }
  const transport = query.get('transport');
  if (transport !== 'websocket') {
    return refuse(UNKNOWN_TRANSPORT, `transport=${transport ?? '(missing)'}: only websocket is served, as on the gateway`);
  }
  // A sid asks to upgrade a polling session, and there are none.
  if (query.has('sid')) return refuse(UNKNOWN_SID, `sid=${query.get('sid')}: there are no polling sessions to upgrade`);
  return undefined;
}

/** The refusal of an HTTP request that is not a WebSocket upgrade: engine.io answers those too, but only for polling. */
export function refusePlainRequest(target: string): Refusal {
  return checkHandshake(target) ?? refuse(BAD_REQUEST, 'not a websocket upgrade');
}

/** The raw HTTP response with which engine.io aborts an upgrade (its `abortConnection`). */
export function upgradeRefusalResponse(refusal: Refusal): string {
  return [
    'HTTP/1.1 400 Bad Request',
    'Connection: close',
    'Content-type: text/html',
    `Content-Length: ${Buffer.byteLength(refusal.message)}`,
    '',
    refusal.message,
  ].join('\r\n');
}

function refuse(error: { code: number; message: string }, why: string): Refusal {
  return { status: 400, ...error, why };
}
