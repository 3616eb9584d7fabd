import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { helloTiming, MAX_HEARTBEAT_MS, MIN_HEARTBEAT_MS } from '../../runtime/hello-timing.js';

const timing = suite('helloTiming');

const CASES: Array<{ given: unknown; want: number; says: string | undefined }> = [
  { given: 25_000, want: 25_000, says: undefined },
  { given: 0, want: 25_000, says: "hello pingInterval 0 is not a positive number; using the spec's default 25000 ms" },
  {
    given: -5,
    want: 25_000,
    says: "hello pingInterval -5 is not a positive number; using the spec's default 25000 ms",
  },
  {
    given: '25000',
    want: 25_000,
    says: `hello pingInterval "25000" is not a positive number; using the spec's default 25000 ms`,
  },
  { given: undefined, want: 25_000, says: "hello pingInterval is missing; using the spec's default 25000 ms" },
  {
    given: Infinity,
    want: 25_000,
    says: "hello pingInterval Infinity is not a positive number; using the spec's default 25000 ms",
  },
  {
    given: 1e12,
    want: MAX_HEARTBEAT_MS,
    says: 'hello pingInterval 1000000000000 ms is outside 10 to 60000 ms; using 60000 ms',
  },
  { given: 0.5, want: MIN_HEARTBEAT_MS, says: 'hello pingInterval 0.5 ms is outside 10 to 60000 ms; using 10 ms' },
];

for (const { given, want, says } of CASES) {
  timing(`a pingInterval of ${String(given)} becomes ${want} ms${says ? ', and says so' : ''}`, () => {
    const { pingInterval, adjustments } = helloTiming(given, 5000);
    assert.is(pingInterval, want);
    assert.equal(adjustments, says === undefined ? [] : [says]);
  });
}

timing('pingTimeout is read by the same rules, with its own default', () => {
  assert.equal(helloTiming(25_000, null), {
    pingInterval: 25_000,
    pingTimeout: 5000,
    adjustments: ["hello pingTimeout null is not a positive number; using the spec's default 5000 ms"],
  });
});

timing.run();
