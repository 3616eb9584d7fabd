import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createRedactor, REDACTED } from '../../runtime/redact.js';

const redact = suite('createRedactor');
const COOKIE = 'hmac_signed_session=abcdef0123456789; guilded_mid=5b0f1c9e-0000; authenticated=true';
const remove = createRedactor(COOKIE);

const CASES: Array<{ given: string; want: string }> = [
  { given: `header: ${COOKIE}`, want: `header: ${REDACTED}` },
  { given: 'token abcdef0123456789 leaked', want: `token ${REDACTED} leaked` },
  { given: 'mid 5b0f1c9e-0000 and token abcdef0123456789', want: `mid ${REDACTED} and token ${REDACTED}` },
  {
    given: 'authenticated is true, a word too short to be a secret',
    want: 'authenticated is true, a word too short to be a secret',
  },
  { given: 'nothing secret here', want: 'nothing secret here' },
];

for (const { given, want } of CASES) {
  redact(`turns ${JSON.stringify(given)} into ${JSON.stringify(want)}`, () => {
    assert.is(remove(given), want);
  });
}

redact('a cookie without a name is redacted whole', () => {
  assert.is(createRedactor('justonelongvalue')('see justonelongvalue'), `see ${REDACTED}`);
});

redact('without a cookie (a browser client) nothing is removed', () => {
  assert.is(createRedactor(undefined)('hmac_signed_session=abcdef0123456789'), 'hmac_signed_session=abcdef0123456789');
});

redact.run();
