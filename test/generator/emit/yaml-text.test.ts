import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { yamlDocument } from '../../../generator/emit/yaml-text.js';

/** Each case: a value that must read back from the written YAML unchanged. */
const cases: { name: string; given: Record<string, unknown> }[] = [
  { name: 'strings YAML would read as other types stay strings', given: { a: 'yes', b: '0123', c: 'null', d: '~', e: '3.0.0', f: '' } },
  { name: 'strings with YAML indicators stay whole', given: { a: '# not a comment', b: 'key: value', c: '- item', d: '*alias', e: '&anchor', f: '{flow}' } },
  { name: 'line breaks and characters YAML forbids raw are escaped', given: { a: 'one\ntwo', b: 'tab\there', c: '\u2028\u2029', d: '\u0085\u007f\u009f', e: '\ufffe', f: 'emoji 😀' } },
  { name: 'keys YAML 1.1 reads as booleans or null are quoted', given: { yes: 1, no: 2, null: 3, on: 4, y: 5, 'a key': 6, '': 7, $ref: '#/x' } },
  { name: 'numbers, booleans and null keep their types', given: { a: 0, b: -1.5, c: 1e21, d: true, e: false, f: null } },
  { name: 'nested and empty collections keep their shape', given: { a: [], b: {}, c: [[1, [2]], [], {}], d: [{ x: 1, y: [{ z: {} }] }, 'e'], f: { g: { h: [null] } } } },
];

const yaml = suite('hand-written YAML');
for (const { name, given } of cases) {
  yaml(name, () => assert.equal(parse(yamlDocument(given, ['a comment'])), given));
}

yaml('the comment comes first, as # lines', () => {
  assert.is(yamlDocument({ a: 1 }, ['one', 'two']), '# one\n# two\na: 1\n');
});

yaml('a mapping in a sequence starts on the dash line', () => {
  assert.is(yamlDocument({ list: [{ a: 1, b: 2 }] }, ['c']), '# c\nlist:\n  - a: 1\n    b: 2\n');
});

yaml.run();
