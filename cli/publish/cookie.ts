/** The placeholder cookie for a gateway on this machine (a replay), which checks none. */
export const LOCAL_COOKIE = 'hmac_signed_session=local-replay';

/** Whether a gateway URL points at this machine. */
export function isLoopback(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === 'localhost' || host === '[::1]' || host.startsWith('127.');
  } catch {
    return false;
  }
}

/**
 * The cookie for `url`: GUILDED_COOKIE from the environment (never an argument, which `ps` and shell
 * history would show), or the placeholder for a loopback gateway; undefined when a real one needs it.
 */
export function cookieFor(url: string | undefined, environment: NodeJS.ProcessEnv): string | undefined {
  const cookie = environment['GUILDED_COOKIE'];
  if (cookie !== undefined && cookie.trim() !== '') return cookie;
  return url !== undefined && isLoopback(url) ? LOCAL_COOKIE : undefined;
}
