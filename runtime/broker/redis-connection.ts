/** How the broker reaches Redis, in terms its users see: no ioredis type, so that declarations need none. */

/** What to do when Redis cannot be reached at start: reject with a clear error, or wait until it can. */
export type WhenRedisDown = 'fail' | 'wait';

/** The URL without its password, for messages. */
export function describeRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return 'the redis URL (not a valid URL)';
  }
}
