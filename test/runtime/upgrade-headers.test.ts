import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { upgradeHeaders, type UpgradeHeaderOptions } from '../../runtime/upgrade-headers.js';

const merging = suite('upgradeHeaders merges');

const CASES: Array<{ name: string; given: UpgradeHeaderOptions; want: Record<string, string> }> = [
  { name: 'nothing given sends no headers', given: {}, want: {} },
  { name: 'the cookie goes out as cookie', given: { cookie: 'a=b' }, want: { cookie: 'a=b' } },
  {
    name: 'header names go out in lowercase',
    given: { headers: { 'X-Client-Version': '1.2', Origin: 'https://www.guilded.gg' } },
    want: { 'x-client-version': '1.2', origin: 'https://www.guilded.gg' },
  },
  { name: 'userAgent goes out as user-agent', given: { userAgent: 'Mozilla/5.0' }, want: { 'user-agent': 'Mozilla/5.0' } },
  {
    name: 'userAgent wins over a user-agent in headers, whatever its case',
    given: { userAgent: 'Mozilla/5.0', headers: { 'User-Agent': 'curl/8' } },
    want: { 'user-agent': 'Mozilla/5.0' },
  },
  {
    name: 'a user-agent in headers is sent when userAgent is absent',
    given: { headers: { 'User-Agent': 'curl/8' } },
    want: { 'user-agent': 'curl/8' },
  },
  {
    name: 'all three together',
    given: { cookie: 'a=b', userAgent: 'Mozilla/5.0', headers: { 'accept-language': 'en' } },
    want: { 'accept-language': 'en', 'user-agent': 'Mozilla/5.0', cookie: 'a=b' },
  },
];

for (const { name, given, want } of CASES) {
  merging(name, () => {
    assert.equal(upgradeHeaders(given), want);
  });
}

merging.run();

const refusing = suite('upgradeHeaders refuses');

const SECRET = 'SECRET-bearer-0123456789';

const REFUSED: Array<{ name: string; given: UpgradeHeaderOptions; message: RegExp }> = [
  {
    name: 'a cookie in headers, pointing to the cookie option',
    given: { cookie: 'a=b', headers: { Cookie: 'c=d' } },
    message: /^the headers option has a cookie; pass it as the cookie option/,
  },
  { name: 'a header name that is not a token', given: { headers: { 'x client': '1' } }, message: /"x client", which is not a header name/ },
  {
    name: 'a header value with a line break, naming the header but not its value',
    given: { headers: { authorization: `Bearer ${SECRET}\r\nx-injected: 1` } },
    message: /^the authorization header is not a string of header characters/,
  },
  { name: 'a userAgent with a control character', given: { userAgent: 'a\u0000b' }, message: /^the userAgent option is not/ },
  { name: 'a header value that is not a string', given: { headers: { 'x-n': 1 as unknown as string } }, message: /^the x-n header is not a string/ },
];

for (const { name, given, message } of REFUSED) {
  refusing(name, () => {
    try {
      upgradeHeaders(given);
      assert.unreachable('no TypeError');
    } catch (error) {
      assert.instance(error, TypeError);
      assert.match((error as TypeError).message, message);
      assert.match((error as TypeError).message, /; no client was created$/);
      assert.not.match((error as TypeError).message, 'SECRET');
    }
  });
}

refusing.run();
