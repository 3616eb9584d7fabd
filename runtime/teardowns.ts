import { SESSION_ENDING_CLOSE_CODES } from '../generated/index.js';
import { describe } from './client-reporter.js';
import type { GatewayErrorCode } from './errors.js';
import { reconnectsAfterClose, retriesAfterStatus } from './reconnect.js';
import type { WebSocketEventLike } from './websocket.js';

/** Why a connection ends and whether another attempt follows: what the client's one teardown takes. */
export interface Teardown {
  /** The close code we send, or the one the server sent. */
  readonly code: number;
  /** What happened, lowercase: the start of the error message. */
  readonly reason: string;
  /** Reconnect afterwards, if the reconnect policy allows. */
  readonly recover: boolean;
  /** Absent when the user closed the client: then nothing failed. */
  readonly error?: GatewayErrorCode;
  readonly status?: number;
}

/** What a WebSocket error event said; the close event that follows ends the connection with it. */
export interface SocketError {
  readonly message: string;
  /** The http status of a refused upgrade, when the implementation tells it. */
  readonly status: number | undefined;
}

const [NORMAL_CLOSURE] = SESSION_ENDING_CLOSE_CODES;
/** A private-use code: unlike 1000 and 1001 it does not end the session (spec `closeCodes`), and browsers may send it. */
export const RECONNECT_CLOSE_CODE = 4000;
const ABNORMAL_CLOSURE = 1006;
// `ws` reports a refused upgrade only in its error message; browsers do not report the status at all.
const UPGRADE_STATUS = /Unexpected server response: (\d{3})/;

/** Every way a connection ends, each saying whether to reconnect (STYLE item 5). */
export const teardowns = {
  closedByClient: { code: NORMAL_CLOSURE, reason: 'closed by the client', recover: false },
  wsNotLoaded: (error: unknown): Teardown => ({
    code: ABNORMAL_CLOSURE,
    reason: `could not load the ws package (${describe(error)}); in a browser, pass the createWebSocket option`,
    recover: false,
    error: 'CONNECTION_FAILED',
  }),
  notOpened: (url: string, error: unknown): Teardown => ({
    code: ABNORMAL_CLOSURE,
    reason: `could not open a websocket to ${url} (${describe(error)})`,
    recover: false,
    error: 'CONNECTION_FAILED',
  }),
  handshakeTimeout: (timeoutMs: number): Teardown => ({
    code: RECONNECT_CLOSE_CODE,
    reason: `no hello and 40 within ${timeoutMs} ms of opening the socket`,
    recover: true,
    error: 'HANDSHAKE_TIMEOUT',
  }),
  heartbeatDead: (timeoutMs: number): Teardown => ({
    code: RECONNECT_CLOSE_CODE,
    reason: `no pong within ${timeoutMs} ms of a ping, the link is dead`,
    recover: true,
    error: 'HEARTBEAT_TIMEOUT',
  }),
  namespaceDisconnected: {
    code: RECONNECT_CLOSE_CODE,
    reason: 'the server disconnected the socket.io namespace (41)',
    recover: true,
    error: 'NAMESPACE_DISCONNECTED',
  },
  // A refusal (such as "unauthorized") will not change by retrying with the same cookie.
  connectRefused: (data: unknown): Teardown => ({
    code: NORMAL_CLOSURE,
    reason: `the server refused the connection with 44 ${JSON.stringify(data) ?? '(no reason)'}, check the cookie`,
    recover: false,
    error: 'CONNECT_REFUSED',
  }),
  engineClosed: {
    code: RECONNECT_CLOSE_CODE,
    reason: 'the server sent an engine.io close packet (1)',
    recover: true,
    error: 'CONNECTION_CLOSED',
  },
  /** The socket closed, after `failure` if an error event came first. */
  socketClosed: (event: WebSocketEventLike, failure: SocketError | undefined): Teardown => {
    const code = event.code ?? ABNORMAL_CLOSURE;
    if (failure?.status !== undefined) {
      return {
        code,
        reason: `the websocket upgrade was refused with http ${failure.status}${failure.status === 400 ? ' (a missing guildedClientId or a rejected cookie)' : ''}`,
        recover: retriesAfterStatus(failure.status),
        error: 'HANDSHAKE_REJECTED',
        status: failure.status,
      };
    }
    if (failure !== undefined) {
      return { code, reason: `websocket error: ${failure.message}`, recover: true, error: 'CONNECTION_FAILED' };
    }
    const reason = event.reason ? ` "${event.reason}"` : '';
    return {
      code,
      reason: `the server closed the connection with ${code}${reason}`,
      recover: reconnectsAfterClose(code),
      error: 'CONNECTION_CLOSED',
    };
  },
} as const satisfies Record<string, Teardown | ((...args: never[]) => Teardown)>;

/** What a WebSocket error event says, in words and with the refused upgrade's status if any. */
export function socketError(event: WebSocketEventLike): SocketError {
  const message = event.message || (event.error instanceof Error ? event.error.message : '') || 'websocket error';
  const status = UPGRADE_STATUS.exec(message)?.[1];
  return { message, status: status === undefined ? undefined : Number(status) };
}
