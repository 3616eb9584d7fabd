/** How the client retries a lost connection. All fields are optional; see `DEFAULT_RECONNECT`. */
export interface ReconnectOptions {
  /** The cap of the first retry's delay, in milliseconds. */
  readonly initialDelayMs?: number;
  /** The largest cap any retry's delay can reach, in milliseconds. */
  readonly maxDelayMs?: number;
  /** Consecutive failed attempts before the session ends; a connection that becomes ready resets the count. */
  readonly maxAttempts?: number;
  /**
   * Retry, within `maxAttempts`, when the cookie is refused (http 401 or 403 on the upgrade, or `44`).
   * Default false: the same cookie would be refused again, so the session ends at once.
   */
  readonly retryAuthRefusal?: boolean;
}

/** The reconnect policy when none is given. */
export const DEFAULT_RECONNECT: Required<ReconnectOptions> = {
  initialDelayMs: 1000,
  maxDelayMs: 30_000,
  maxAttempts: 10,
  retryAuthRefusal: false,
};

/** Fills in the defaults and refuses values that cannot be delays or counts. */
export function reconnectPolicy(options: ReconnectOptions = {}): Required<ReconnectOptions> {
  const policy = { ...DEFAULT_RECONNECT, ...options };
  if (!(policy.initialDelayMs >= 0) || !(policy.maxDelayMs >= 0) || !(policy.maxAttempts >= 0)) {
    throw new RangeError(
      `reconnect option ${JSON.stringify(options)} has a negative or non-numeric value; no client was created`,
    );
  }
  if (typeof policy.retryAuthRefusal !== 'boolean') {
    throw new TypeError(`reconnect option retryAuthRefusal ${JSON.stringify(policy.retryAuthRefusal)} is not a boolean; no client was created`);
  }
  return policy;
}

/**
 * Exponential backoff with full jitter: a uniform delay between 0 and min(maxDelayMs, initialDelayMs * 2^(attempt - 1)).
 * Full jitter spreads the reconnects of many clients that lost the server at the same moment.
 */
export function backoffDelay(
  attempt: number,
  policy: Pick<Required<ReconnectOptions>, 'initialDelayMs' | 'maxDelayMs'>,
  random: () => number = Math.random,
): number {
  const cap = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * cap);
}

/**
 * Whether a close the server (or the network) caused is worth a reconnect (spec `closeCodes`: only
 * 1000/1001 from the client end the session). The client's own closes never get here: it detaches its
 * handlers first.
 */
export function reconnectsAfterClose(code: number): boolean {
  switch (code) {
    case 1000: // the server ended this connection, not the session
    case 1001: // the server is going away, such as for a restart
    case 1005: // engine.io closes without a status
    case 1006: // the TCP link was lost
    case 1011: // server error
    case 1012: // service restart
    case 1013: // try again later
      return true;
    case 1008: // policy violation: the server refuses this client, and will again
      return false;
    default:
      // Guilded documents no close codes of its own (4000 to 4999 included); the policy bounds the retries.
      return true;
  }
}

/** Whether a refused WebSocket upgrade is worth a retry: only when the refusal may pass (timeouts, rate limits, server errors). */
export function retriesAfterStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** Whether an http status refuses the cookie: retried only under `retryAuthRefusal`. */
export function refusesCookie(status: number): boolean {
  return status === 401 || status === 403;
}
