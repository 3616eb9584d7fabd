import { SESSION_ENDING_CLOSE_CODES } from '../generated/index.js';
import { describe } from './client-reporter.js';
import type { GatewayErrorCode } from './errors.js';
import { reconnectsAfterClose, refusesCookie, retriesAfterStatus } from './reconnect.js';
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
  /** `ws` refused a frame over its `maxPayload`: it has sent 1009 and waits for the peer, which may never answer. */
  readonly frameTooLarge: boolean;
}

/** Which step of the handshake a connection was waiting for. */
export type HandshakePhase = 'upgrade' | 'hello' | 'connect';

const [NORMAL_CLOSURE] = SESSION_ENDING_CLOSE_CODES;
/** A private-use code: unlike 1000 and 1001 it does not end the session (spec `closeCodes`), and browsers may send it. */
const RECONNECT_CLOSE_CODE = 4000;
const ABNORMAL_CLOSURE = 1006;
const MESSAGE_TOO_BIG = 1009;
// ws's error code for a frame over maxPayload (its message says only "Max payload size exceeded").
const WS_FRAME_TOO_LARGE = 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH';
// `ws` reports a refused upgrade only in its error message; browsers do not report the status at all.
const UPGRADE_STATUS = /Unexpected server response: (\d{3})/;

const WAITING_FOR: Readonly<Record<HandshakePhase, string>> = {
  upgrade: 'the websocket upgrade was not answered',
  hello: 'the upgrade succeeded but no engine.io hello (0) followed',
  connect: 'the hello came but no socket.io connect (40) followed',
};

const COOKIE_REFUSED = ': the cookie was refused, log in again for a new hmac_signed_session';
const STATUS_HINTS: Readonly<Record<number, string>> = {
  400: ' (a missing guildedClientId or a rejected cookie)',
  401: COOKIE_REFUSED,
  403: COOKIE_REFUSED,
};

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
  handshakeTimeout: (timeoutMs: number, phase: HandshakePhase): Teardown => ({
    code: RECONNECT_CLOSE_CODE,
    reason: `${WAITING_FOR[phase]} within ${timeoutMs} ms of opening the socket`,
    recover: true,
    error: 'HANDSHAKE_TIMEOUT',
  }),
  frameTooLarge: (maxFrameBytes: number): Teardown => ({
    code: MESSAGE_TOO_BIG,
    reason: `a frame over ${maxFrameBytes} bytes (the maxFrameBytes option) was refused unread, closing with ${MESSAGE_TOO_BIG}`,
    recover: true,
    error: 'FRAME_TOO_LARGE',
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
  // A refusal (such as "unauthorized") will not change by retrying with the same cookie, unless asked to.
  connectRefused: (data: unknown, retryAuthRefusal: boolean): Teardown => ({
    code: NORMAL_CLOSURE,
    reason: `the server refused the connection with 44 ${JSON.stringify(data) ?? '(no reason)'}, check the cookie`,
    recover: retryAuthRefusal,
    error: 'CONNECT_REFUSED',
  }),
  engineClosed: {
    code: RECONNECT_CLOSE_CODE,
    reason: 'the server sent an engine.io close packet (1)',
    recover: true,
    error: 'CONNECTION_CLOSED',
  },
  /** The socket closed, after `failure` if an error event came first. */
  socketClosed: (event: WebSocketEventLike, failure: SocketError | undefined, retryAuthRefusal: boolean): Teardown => {
    const code = event.code ?? ABNORMAL_CLOSURE;
    const status = failure?.status;
    if (status !== undefined) {
      const cookieRefused = refusesCookie(status);
      return {
        code,
        reason: `the websocket upgrade was refused with http ${status}${STATUS_HINTS[status] ?? ''}`,
        recover: cookieRefused ? retryAuthRefusal : retriesAfterStatus(status),
        error: 'HANDSHAKE_REJECTED',
        status,
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
  const frameTooLarge = (event.error as { code?: unknown } | undefined)?.code === WS_FRAME_TOO_LARGE;
  return { message, status: status === undefined ? undefined : Number(status), frameTooLarge };
}
