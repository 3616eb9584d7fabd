import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Redactor } from '../../../cli/capture/redact.js';

// #region text
const text = suite('Redactor.text');

const TEXT: Array<{ given: string; want: string }> = [
  { given: '42["X",{"note":"hmac_signed_session=abc123; other=1"}]', want: '42["X",{"note":"hmac_signed_session=[redacted]; other=1"}]' },
  { given: 'Cookie: a=b; c=d', want: 'Cookie: [redacted]' },
  { given: '{"authorization": "Bearer xyz"}', want: '{"authorization": "[redacted]"}' },
  { given: '42[\\"X\\",{\\"cookie\\":\\"a=b\\"}]', want: '42[\\"X\\",{\\"cookie\\":\\"[redacted]\\"}]' },
  { given: 'nothing secret: sessions are fine, session ids too', want: 'nothing secret: sessions are fine, session ids too' },
];

for (const { given, want } of TEXT) {
  text(`redacts ${JSON.stringify(given)}`, () => {
    assert.is(new Redactor().text(given), want);
  });
}

text('removes header values read from a HAR wherever they appear, even without their name', () => {
  const redactor = new Redactor();
  redactor.addHeader('hmac_signed_session=eyJhbGciOi.payload.sig; guilded_mid=0123456789abcdef');
  redactor.addHeader('Bearer token-abcdefgh');
  assert.is(
    redactor.text('echo eyJhbGciOi.payload.sig and 0123456789abcdef and Bearer token-abcdefgh'),
    'echo [redacted] and [redacted] and [redacted]',
  );
});

text.run();
// #endregion

// #region snippet
const snippet = suite('Redactor.snippet');

snippet('redacts every value of a HAR name/value pair', () => {
  assert.is(
    new Redactor().snippet('{"name": "x-token", "value": "abc"}, {"name":"c","value":"d\\"e"}', { start: false, end: false }),
    '{"name": "x-token", "value": "[redacted]"}, {"name":"c","value":"[redacted]"}',
  );
});

snippet('drops the partial token at a cut edge, where a secret may have lost its name', () => {
  const redactor = new Redactor();
  assert.is(redactor.snippet('ssion=abcdef", "next": 1, "tail": "hmac_sig', { start: true, end: true }), '", "next": 1, "tail": "');
  assert.is(redactor.snippet('ssion=abcdef', { start: true, end: false }), '');
  assert.is(redactor.snippet('ssion=abcdef', { start: false, end: false }), 'ssion=abcdef');
});

snippet('redacts long token runs, secrets whose name is out of sight', () => {
  assert.is(new Redactor().snippet('"v": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc", 1', { start: false, end: false }), '"v": "[redacted]", 1');
});

snippet.run();
// #endregion
