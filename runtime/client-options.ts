import { CURRENT_ENDPOINT, type CommandName, type CommandPayloadMap } from '../generated/index.js';
import { gatewayUrl } from './endpoint.js';
import { reconnectPolicy, type ReconnectOptions } from './reconnect.js';
import { createRedactor } from './redact.js';
import { upgradeHeaders } from './upgrade-headers.js';
import type { WebSocketConstructor, WebSocketFactory } from './websocket.js';

/** How payloads are checked against the spec. */
export type ValidationMode = 'strict' | 'warn' | 'off';

/** Where the client is: `ready` means events flow; `closed` means the session ended. */
export type ClientStatus = 'idle' | 'connecting' | 'ready' | 'reconnecting' | 'closed';

/** The arguments `send` takes after the command name: none for `logout`. */
export type CommandArgs<K extends CommandName> = CommandPayloadMap[K] extends undefined
  ? []
  : [payload: CommandPayloadMap[K]];

/** Options of `GatewayClient`. Only `cookie` is required, and only with the default WebSocket (`ws`). */
export interface GatewayClientOptions {
  /**
   * The cookie header, with at least `hmac_signed_session=<token>`. Never shown in errors, debug lines or
   * inspection. Required unless `WebSocket` or `createWebSocket` is given: a browser cannot set it, and
   * sends the page's own cookies with the upgrade.
   */
  readonly cookie?: string;
  /** The endpoint without its query. Default: the spec's current endpoint. */
  readonly url?: string;
  /** Open a team socket for this team instead of the user socket. */
  readonly teamId?: string;
  /** Default: a random UUIDv4 per client, as 2023 web clients sent. */
  readonly guildedClientId?: string;
  /** Sent as the `deviceType` query parameter when given (2023 web clients sent `web`). */
  readonly deviceType?: string;
  /** The upgrade request's `user-agent` (Guilded's web client sends its browser's); it wins over one in `headers`. Browsers send their own. */
  readonly userAgent?: string;
  /**
   * Extra headers of the upgrade request, names case-insensitive. A `cookie` here is a TypeError: use the
   * `cookie` option, which is kept out of errors and logs. Never shown in inspection; browsers cannot set headers.
   */
  readonly headers?: Readonly<Record<string, string>>;
  /** Default `warn`: invalid payloads are delivered and reported. */
  readonly validation?: ValidationMode;
  /** The retry policy, or `false` to end the session on the first lost connection. */
  readonly reconnect?: false | ReconnectOptions;
  /** How long to wait from opening the socket until `40`. Default 20 s. */
  readonly handshakeTimeoutMs?: number;
  /**
   * The largest frame the client reads, in bytes: a longer one is refused unread as soon as its header
   * announces the length, and the connection closes with 1009 and reconnects (FRAME_TOO_LARGE).
   * Default 16 MiB (16777216), against `ws`'s own 100 MiB. Applies to `ws` and to a `WebSocket` class
   * (as its `maxPayload` option); a `createWebSocket` factory sets its own limit (browsers have none).
   */
  readonly maxFrameBytes?: number;
  /** A WebSocket class taking `(url, { headers, maxPayload })`, like `ws`. Default: `ws`. */
  readonly WebSocket?: WebSocketConstructor;
  /** A WebSocket factory, for implementations with another constructor (browsers). Takes precedence over `WebSocket`. */
  readonly createWebSocket?: WebSocketFactory;
}

/** Options of `GatewayClient.events()`. */
export interface EventIteratorOptions {
  /**
   * How many events may wait for the consumer. When more wait, the client stops reading the socket
   * (backpressure: TCP holds the gateway back, nothing is lost or reordered) until the consumer is down
   * to half. A WebSocket that cannot pause (browsers) ends the iterator with BUFFER_OVERFLOW instead.
   * Default 1000.
   */
  readonly bufferSize?: number;
}

/** The options checked, with their defaults: what a client runs on. */
export interface ClientSettings {
  /** The WebSocket URL with its query. */
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly guildedClientId: string;
  readonly teamId: string | undefined;
  /** Takes the cookie out of any text. */
  readonly redact: (text: string) => string;
  readonly validation: ValidationMode;
  /** Undefined when reconnect is off. */
  readonly reconnect: Required<ReconnectOptions> | undefined;
  readonly handshakeTimeoutMs: number;
  readonly maxFrameBytes: number;
  /** Undefined for the default, `ws`, loaded on the first connect. */
  readonly factory: WebSocketFactory | undefined;
}

const DEFAULT_HANDSHAKE_TIMEOUT_MS = 20_000;
const DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024;

/** Checks the options and gives each its default, once; a bad option is a TypeError. */
export function clientSettings(options: GatewayClientOptions): ClientSettings {
  const { cookie, WebSocket } = options;
  if (cookie === undefined && WebSocket === undefined && options.createWebSocket === undefined) {
    throw new TypeError(
      'the cookie option is missing; only a WebSocket or createWebSocket option (a browser) can do without it; no client was created',
    );
  }
  if (cookie !== undefined && (typeof cookie !== 'string' || cookie.trim() === '')) {
    throw new TypeError('the cookie option is empty or not a string; no client was created');
  }
  const headers = upgradeHeaders({ cookie, userAgent: options.userAgent, headers: options.headers });
  const maxFrameBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
  if (!Number.isSafeInteger(maxFrameBytes) || maxFrameBytes < 1) {
    throw new RangeError(`the maxFrameBytes option ${maxFrameBytes} is not a positive whole number of bytes; no client was created`);
  }
  const guildedClientId = options.guildedClientId ?? crypto.randomUUID();
  return {
    url: gatewayUrl(options.url ?? CURRENT_ENDPOINT, { guildedClientId, teamId: options.teamId, deviceType: options.deviceType }),
    headers,
    guildedClientId,
    teamId: options.teamId,
    redact: createRedactor(cookie),
    validation: options.validation ?? 'warn',
    reconnect: options.reconnect === false ? undefined : reconnectPolicy(options.reconnect),
    handshakeTimeoutMs: options.handshakeTimeoutMs ?? DEFAULT_HANDSHAKE_TIMEOUT_MS,
    maxFrameBytes,
    factory: options.createWebSocket ?? (WebSocket && ((url, headers) => new WebSocket(url, { headers, maxPayload: maxFrameBytes }))),
  };
}
