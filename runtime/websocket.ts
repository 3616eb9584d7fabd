import type { WebSocket as NodeWebSocket } from 'ws';

/** The event a WebSocket hands its listeners: message events carry `data`, close events `code` and `reason`, error events `message` (Node) or nothing (browsers). */
export interface WebSocketEventLike {
  /** Every DOM event has it; declared so that implementations' plain `Event` class matches this type. */
  readonly type?: string;
  readonly data?: unknown;
  readonly code?: number;
  readonly reason?: string;
  readonly message?: string;
  readonly error?: unknown;
}

/** The names of the WebSocket events the client listens to. */
export type WebSocketEventName = 'open' | 'message' | 'close' | 'error';

/** The part of the WHATWG WebSocket the client uses. Both the `ws` package and browsers provide it. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  /** `ws` only: drops the TCP link at once, without waiting for a dead peer's closing handshake. */
  terminate?(): void;
  /** `ws` only: stops reading the socket, so that TCP holds the peer back (backpressure). */
  pause?(): void;
  /** `ws` only: reads the socket again after `pause`. */
  resume?(): void;
  addEventListener(type: WebSocketEventName, listener: (event: WebSocketEventLike) => void): void;
  removeEventListener(type: WebSocketEventName, listener: (event: WebSocketEventLike) => void): void;
}

/** A WebSocket class that takes options the way `ws` does: `new WebSocket(url, { headers, maxPayload })`. */
export type WebSocketConstructor = new (
  url: string,
  options: { headers: Record<string, string>; maxPayload: number },
) => WebSocketLike;

/** Opens a WebSocket. Browsers cannot set upgrade headers; a browser factory ignores `headers` (cookie, user-agent and any others) and the page's cookies go instead. */
export type WebSocketFactory = (url: string, headers: Record<string, string>) => WebSocketLike;

/** `readyState` values, as in the WHATWG WebSocket. */
export const ReadyState = { connecting: 0, open: 1, closing: 2, closed: 3 } as const;

// `ws`'s class once the default factory loaded it: its sockets get their frames without a MessageEvent each.
let loadedNodeWebSocket: typeof NodeWebSocket | undefined;

/**
 * The factory for Node: the `ws` package, loaded only when no other implementation was given so that
 * browser bundles need not include it. `ws` refuses a frame over `maxPayload` bytes as soon as its
 * header announces the length, before reading it.
 */
export async function loadNodeWebSocket(maxPayload: number): Promise<WebSocketFactory> {
  const { WebSocket } = await import('ws');
  loadedNodeWebSocket = WebSocket;
  return (url, headers) => new WebSocket(url, { headers, maxPayload });
}

/** Resolves once `socket` has closed, whoever closed it. */
export function whenClosed(socket: WebSocketLike): Promise<void> {
  if (socket.readyState === ReadyState.closed) return Promise.resolve();
  return new Promise((resolve) => {
    const onClose = (): void => {
      socket.removeEventListener('close', onClose);
      resolve();
    };
    socket.addEventListener('close', onClose);
  });
}

/**
 * The listeners a socket's owner registers: `frame` gets each frame as received (a string for a text
 * frame); `message` is the same listener on a WHATWG message event, for sockets other than `ws`.
 */
export interface SocketListeners {
  readonly frame: (frame: unknown) => void;
  readonly message: (event: WebSocketEventLike) => void;
  readonly error: (event: WebSocketEventLike) => void;
  readonly close: (event: WebSocketEventLike) => void;
}

/**
 * A `ws` socket made by `loadNodeWebSocket`'s factory: its own 'message' event hands over the data
 * without the MessageEvent that `addEventListener` wraps each frame in.
 */
function asNodeWebSocket(socket: WebSocketLike): NodeWebSocket | undefined {
  return loadedNodeWebSocket !== undefined && socket instanceof loadedNodeWebSocket ? socket : undefined;
}

/** Registers `listeners` on a socket: `frame` directly on a `ws` socket, `message` on any other. */
export function attachSocket(socket: WebSocketLike, listeners: SocketListeners): void {
  const node = asNodeWebSocket(socket);
  if (node === undefined) socket.addEventListener('message', listeners.message);
  // ws has checked that a text frame is UTF-8 (it closes with 1007 otherwise), so decoding it loses nothing.
  else node.on('message', (data, isBinary) => listeners.frame(isBinary ? data : data.toString()));
  socket.addEventListener('error', listeners.error);
  socket.addEventListener('close', listeners.close);
}

/**
 * Detaches `listeners` and closes the socket with `code`, unless it is closing already; `terminate` drops
 * the link without a closing handshake where the implementation can, also when a closing handshake has
 * started (`ws` starts one itself after a protocol error, and a hostile peer never finishes it).
 */
export function releaseSocket(socket: WebSocketLike, listeners: SocketListeners, code: number, terminate: boolean): void {
  const node = asNodeWebSocket(socket);
  if (node === undefined) socket.removeEventListener('message', listeners.message);
  // Nobody but its client sees a socket of the default factory: its only 'message' listener is attachSocket's.
  else node.removeAllListeners('message');
  socket.removeEventListener('error', listeners.error);
  socket.removeEventListener('close', listeners.close);
  // `ws` throws on an error event nobody listens to, and closing a socket that is still connecting emits one.
  socket.addEventListener('error', ignore);
  if (socket.readyState === ReadyState.closed) return;
  if (terminate && socket.terminate) socket.terminate();
  else if (socket.readyState !== ReadyState.closing) socket.close(code);
}

function ignore(): void {}
