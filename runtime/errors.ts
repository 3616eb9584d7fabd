/** What the client does because of an error. */
export type Consequence =
  /** The connection was torn down and the client reconnects after a backoff. */
  | 'reconnect'
  /** The session ended: no reconnect. Call `connect()` to start a new one. */
  | 'stop'
  /** One frame, event or command was dropped; the connection goes on. */
  | 'drop'
  /** Nothing was dropped: the problem is only reported. */
  | 'continue';

/** Machine-readable kinds of `GatewayError`. */
export type GatewayErrorCode =
  | 'HANDSHAKE_REJECTED'
  | 'CONNECT_REFUSED'
  | 'CONNECTION_FAILED'
  | 'CONNECTION_CLOSED'
  | 'NAMESPACE_DISCONNECTED'
  | 'HEARTBEAT_TIMEOUT'
  | 'HANDSHAKE_TIMEOUT'
  | 'INVALID_FRAME'
  | 'INVALID_HELLO'
  | 'FRAME_TOO_LARGE'
  | 'INVALID_COMMAND'
  | 'LISTENER_ERROR'
  | 'NOT_CONNECTED'
  | 'CLIENT_CLOSED'
  | 'BUFFER_OVERFLOW';

/** Details an error may carry besides its message. */
export interface GatewayErrorDetails {
  /** The WebSocket close code of the connection the error ended, when it ended one. */
  readonly closeCode?: number;
  /** The HTTP status of a refused WebSocket upgrade. */
  readonly status?: number;
}

/** Every error the runtime reports or throws: a lowercase message naming the bad value and what happens next. */
export class GatewayError extends Error {
  override readonly name = 'GatewayError';
  readonly closeCode: number | undefined;
  readonly status: number | undefined;

  constructor(
    readonly code: GatewayErrorCode,
    message: string,
    readonly consequence: Consequence,
    details: GatewayErrorDetails = {},
  ) {
    super(message);
    this.closeCode = details.closeCode;
    this.status = details.status;
  }
}
