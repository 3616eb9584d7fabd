import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  backoffDelay,
  DEFAULT_RECONNECT,
  reconnectPolicy,
  reconnectsAfterClose,
  refusesCookie,
  retriesAfterStatus,
} from '../../runtime/reconnect.js';

const backoff = suite('backoffDelay');
const POLICY = { initialDelayMs: 100, maxDelayMs: 1000, maxAttempts: 10 };
const ALMOST_ONE = () => 0.999_999;

const CAPS: Array<{ given: number; want: number }> = [
  { given: 1, want: 99 },
  { given: 2, want: 199 },
  { given: 3, want: 399 },
  { given: 4, want: 799 },
  { given: 5, want: 999 },
  { given: 30, want: 999 },
];

for (const { given, want } of CAPS) {
  backoff(`attempt ${given} waits below min(maxDelayMs, initialDelayMs * 2^${given - 1})`, () => {
    assert.is(backoffDelay(given, POLICY, ALMOST_ONE), want);
  });
}

backoff('full jitter can pick no delay at all', () => {
  assert.is(
    backoffDelay(4, POLICY, () => 0),
    0,
  );
});

backoff('delays are whole milliseconds spread over the whole range', () => {
  const delays = Array.from({ length: 2000 }, () => backoffDelay(3, POLICY));
  assert.ok(delays.every((delay) => Number.isInteger(delay) && delay >= 0 && delay < 400));
  assert.ok(Math.min(...delays) < 40 && Math.max(...delays) > 360, 'the delays cover the range');
});

backoff('the default policy starts at one second, caps at thirty, gives up after ten attempts and never retries a refused cookie', () => {
  assert.equal(DEFAULT_RECONNECT, { initialDelayMs: 1000, maxDelayMs: 30_000, maxAttempts: 10, retryAuthRefusal: false });
});

backoff.run();

const policy = suite('reconnect policy');

const CLOSES: Array<{ given: number; want: boolean }> = [
  { given: 1000, want: true },
  { given: 1001, want: true },
  { given: 1005, want: true },
  { given: 1006, want: true },
  { given: 1011, want: true },
  { given: 1012, want: true },
  { given: 1008, want: false },
  { given: 4000, want: true },
  { given: 4999, want: true },
];

for (const { given, want } of CLOSES) {
  policy(`a server close with ${given} ${want ? 'reconnects' : 'ends the session'}`, () => {
    assert.is(reconnectsAfterClose(given), want);
  });
}

const STATUSES: Array<{ given: number; want: boolean }> = [
  { given: 400, want: false },
  { given: 401, want: false },
  { given: 403, want: false },
  { given: 408, want: true },
  { given: 429, want: true },
  { given: 500, want: true },
  { given: 503, want: true },
];

for (const { given, want } of STATUSES) {
  policy(`an upgrade refused with http ${given} ${want ? 'is retried' : 'ends the session'}`, () => {
    assert.is(retriesAfterStatus(given), want);
  });
}

policy('only http 401 and 403 refuse the cookie', () => {
  assert.equal(
    [400, 401, 403, 404, 429, 500].filter(refusesCookie),
    [401, 403],
  );
});

policy('options fill in the defaults they leave out', () => {
  assert.equal(reconnectPolicy({ maxAttempts: 3 }), { ...DEFAULT_RECONNECT, maxAttempts: 3 });
  assert.equal(reconnectPolicy(), DEFAULT_RECONNECT);
  assert.is(reconnectPolicy({ maxAttempts: Infinity }).maxAttempts, Infinity);
});

policy('a negative or non-numeric option is refused', () => {
  assert.throws(() => reconnectPolicy({ maxDelayMs: -1 }), /negative or non-numeric/);
  assert.throws(() => reconnectPolicy({ initialDelayMs: Number.NaN }), /negative or non-numeric/);
  assert.throws(() => reconnectPolicy({ retryAuthRefusal: 'yes' as unknown as boolean }), /retryAuthRefusal "yes" is not a boolean/);
});

policy.run();
