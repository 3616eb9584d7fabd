import fc from 'fast-check';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { JsonScanner, locateJsonError, type ScanError } from '../../../cli/capture/json-scanner.js';

/** Feeds `text` in pieces cut at `cuts`, and returns what was handed out and the error, if any. */
function scan(text: string, watched: string[], cuts: number[] = []): { elements: Array<[string, unknown, number]>; error: ScanError | undefined; ok: boolean } {
  const elements: Array<[string, unknown, number]> = [];
  const scanner = new JsonScanner(watched, (key, value, index) => elements.push([key, value, index]));
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b).concat(text.length)) {
    scanner.write(text.slice(from, cut));
    from = cut;
  }
  const ok = scanner.end();
  return { elements, error: scanner.error, ok };
}

// #region elements
const elements = suite('JsonScanner hands out watched elements');

const HAR = JSON.stringify({
  log: {
    entries: [
      { request: { headers: [{ name: 'Cookie', value: 'a=b' }] }, response: { content: { text: '{"big": "body \\" with ] and }"}' } } },
      { _webSocketMessages: [{ type: 'send', data: '2' }, { type: 'receive', data: '42["Aé",{"x":[1,2,{"y":null}]}]' }] },
    ],
  },
}).replace('é', '\\u00e9');

elements('each element of a watched array, parsed, with its index and the entry around it', () => {
  const found: unknown[] = [];
  const scanner = new JsonScanner(['_webSocketMessages'], (key, value, index) => found.push({ key, value, index, entry: scanner.indexUnder('entries') }));
  scanner.write(HAR);
  assert.ok(scanner.end());
  assert.equal(found, [
    { key: '_webSocketMessages', value: { type: 'send', data: '2' }, index: 0, entry: 1 },
    { key: '_webSocketMessages', value: { type: 'receive', data: '42["Aé",{"x":[1,2,{"y":null}]}]' }, index: 1, entry: 1 },
  ]);
  assert.ok(scanner.opened('log.entries[]'));
});

elements('the same elements whatever the chunk boundaries', () => {
  const whole = scan(HAR, ['_webSocketMessages', 'headers']).elements;
  fc.assert(
    fc.property(fc.array(fc.nat({ max: HAR.length }), { maxLength: 30 }), (cuts) => {
      assert.equal(scan(HAR, ['_webSocketMessages', 'headers'], cuts).elements, whole);
    }),
  );
});

elements('any JSON document is accepted, and its watched arrays come out as JSON.parse reads them', () => {
  fc.assert(
    fc.property(fc.jsonValue(), fc.array(fc.nat({ max: 2000 }), { maxLength: 10 }), (value, cuts) => {
      const text = JSON.stringify({ watched: [value, value], other: value }, null, cuts.length % 2 === 0 ? 2 : undefined);
      const result = scan(text, ['watched'], cuts.map((cut) => cut % (text.length + 1)));
      assert.ok(result.ok, result.error?.message);
      assert.equal(result.elements, [['watched', JSON.parse(JSON.stringify(value)), 0], ['watched', JSON.parse(JSON.stringify(value)), 1]]);
    }),
  );
});

elements.run();
// #endregion

// #region errors
const errors = suite('JsonScanner errors');

const BAD: Array<{ given: string; message: RegExp; line: number; column: number; path: string }> = [
  { given: '{"log": {"entries": [\n  {"a": 1,}\n]}}', message: /unexpected '}', expected a key/, line: 2, column: 11, path: 'log.entries[0]' },
  { given: '{"log": [1, 2', message: /^the file ends inside an array$/, line: 1, column: 14, path: 'log[1]' },
  { given: '{"a": tru}', message: /invalid literal "tru"/, line: 1, column: 10, path: 'a' },
  { given: '{"a": "x\ny"}', message: /unescaped line break inside a string/, line: 1, column: 9, path: 'a' },
  { given: '{"a": 1} {', message: /after the end of the document/, line: 1, column: 10, path: '' },
  { given: '   ', message: /^no json value: the file is empty$/, line: 1, column: 4, path: '' },
  { given: '{"a": "\\x"}', message: /invalid escape \\x/, line: 1, column: 9, path: 'a' },
  { given: '{"a": "\\u12"}', message: /invalid \\u escape: '"' is not a hex digit/, line: 1, column: 12, path: 'a' },
];

for (const { given, message, line, column, path } of BAD) {
  errors(`${JSON.stringify(given)} fails at ${line}:${column}`, () => {
    const { ok, error } = scan(given, []);
    assert.not.ok(ok);
    assert.match(error!.message, message);
    assert.equal({ line: error!.line, column: error!.column, path: error!.path }, { line, column, path });
  });
}

errors('the text around an error is kept with the place of the error in it', () => {
  const { error } = scan('{"a": 1, "b": tru}', []);
  assert.is(error!.snippet[error!.snippetAt], '}');
  assert.is(error!.truncated, false);
});

errors('whatever JSON.parse refuses, the scanner refuses too', () => {
  fc.assert(
    fc.property(fc.jsonValue(), fc.nat(), fc.constantFrom('', '}', ']', ',', ':', '"', 'x', '\\'), (value, at, junk) => {
      const text = JSON.stringify(value);
      const broken = text.slice(0, at % (text.length + 1)) + junk + text.slice(at % (text.length + 1));
      let parses = true;
      try {
        JSON.parse(broken);
      } catch {
        parses = false;
      }
      assert.is(scan(broken, []).ok, parses, broken);
    }),
  );
});

errors('locateJsonError gives the column of a broken JSON line, and calls it a line', () => {
  assert.equal(locateJsonError('{"direction": "in", "data": 42["x"]}')?.column, 31);
  assert.is(locateJsonError('{"ok": true}'), undefined);
  assert.is(locateJsonError('{"data": "42[\\"ChatMe')?.message, 'the line ends inside a string');
  assert.is(locateJsonError('{"data": "42', 'file')?.message, 'the file ends inside a string');
});

errors.run();
// #endregion

// #region truncation
const truncation = suite('JsonScanner says where a cut-off document ends');

const CUT: Array<{ given: string; ends: string }> = [
  { given: '{"type": "receive", "data": "42[\\"ChatMe', ends: 'inside a string' },
  { given: '["a\\', ends: 'inside a string' },
  { given: '["\\u00', ends: 'inside a string' },
  { given: '{"type": "receive", "da', ends: 'inside a key' },
  { given: '{"type": "receive", "data"', ends: 'after a key' },
  { given: '{"type": "receive", "data":', ends: 'where a value should be' },
  { given: '{"data": [1,', ends: 'where a value should be' },
  { given: '{"type": "receive"', ends: 'inside an object' },
  { given: '{"time": 1', ends: 'inside an object' },
  { given: '{"type": "receive",', ends: 'inside an object' },
  { given: '{', ends: 'inside an object' },
  { given: '{"data": [true', ends: 'inside an array' },
  { given: '[', ends: 'inside an array' },
];

for (const { given, ends } of CUT) {
  truncation(`${JSON.stringify(given)} ends ${ends}, at its last column`, () => {
    const { error } = scan(given, [], [Math.floor(given.length / 2)]);
    assert.equal(
      { message: error!.message, truncated: error!.truncated, column: error!.column, tail: error!.snippet.slice(0, error!.snippetAt) },
      { message: `the file ends ${ends}`, truncated: true, column: given.length + 1, tail: given },
    );
  });
}

truncation.run();
// #endregion
