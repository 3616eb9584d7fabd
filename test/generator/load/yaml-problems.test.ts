import { LineCounter, parseDocument } from 'yaml';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { yamlProblems } from '../../../generator/load/yaml-problems.js';

/** The problems a spec author sees for `text`, as `line:col: message`. */
function problemsOf(text: string): string[] {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  return yamlProblems(text, doc, counter, doc.errors).map(({ line, col, message }) => `${line}:${col}: ${message}`);
}

/** Each case: a small spec file with one mistake, and exactly what is reported for it. */
const cases: { name: string; given: string; want: string[] }[] = [
  {
    name: 'a first key indented too deep: the keys after it are out of line, so the hint points up at it',
    given: 'events:\n  E:\n    payload:\n      properties:\n         a: 1\n        b: 2\n        c: 3\n',
    want: ['6:9: the keys of one map must start at the same column: this line starts at column 9, line 5 above it at column 10; check the indentation of line 5'],
  },
  {
    name: 'a first key indented too deep, with a nested map under it',
    given: 'payload:\n   a:\n     type: string\n  b: 2\n  c: 3\n',
    want: ['4:3: the keys of one map must start at the same column: this line starts at column 3, line 2 above it at column 4; check the indentation of line 2'],
  },
  {
    name: 'a key between two aligned keys, indented less than both',
    given: 'properties:\n  a: 1\n b: 2\n  c: 3\n',
    want: ['3:2: the keys of one map must start at the same column: this line starts at column 2, lines 2 and 4 around it at column 3; indent it like line 2'],
  },
  {
    name: 'a key indented less than several keys above it, and the cascade after it, once',
    given: 'properties:\n    a: 1\n    b: 2\n   c: 3\n    d: 4\n    e: 5\n',
    want: ['4:4: the keys of one map must start at the same column: this line starts at column 4, the lines above it (line 3) at column 5; indent it like line 3'],
  },
  {
    name: 'a key indented deeper than a key whose value is already given',
    given: 'properties:\n  a: { x: 1 }\n    b: 2\n  c: 3\n',
    want: ['3:5: the keys of one map must start at the same column: this line starts at column 5, deeper than line 2 above it (column 3); indent it like line 2'],
  },
  {
    name: 'a key after a list, between the list and its own map',
    given: 'a:\n  - 1\n  - 2\n b: 3\n',
    want: ['4:2: the keys of one map must start at the same column: this line starts at column 2, deeper than line 1 above it (column 1); indent it like line 1'],
  },
  {
    name: 'a key indented deeper after a plain value runs into that value',
    given: 'properties:\n  a: 1\n    b: 2\n',
    want: ['2:6: the value here runs on into line 3, which is indented deeper than this line\'s key; check the indentation of line 3'],
  },
  {
    name: 'a list item indented less than the items above it',
    given: 'examples:\n  - type: E\n - type: F\n',
    want: ['3:2: this list item does not line up with the list above it (line 2, column 3); indent it like line 2'],
  },
  {
    name: 'text continued at its key\'s column is not a key',
    given: 'E:\n  description:\n  A thing.\n  status: x\n',
    want: ['3:3: this line is not "key: value"; if it continues the value above, indent it deeper than that value\'s key'],
  },
  {
    name: 'a tab used to indent',
    given: 'E:\n\tstatus: x\n',
    want: ['2:1: a tab indents this line; YAML indents with spaces only'],
  },
  {
    name: 'an unclosed flow list is reported at its bracket',
    given: 'E:\n  sources: [deck\n  status: x\n',
    want: ['2:12: this [ is not closed: end it with ], and indent the lines it continues on deeper than its key'],
  },
  {
    name: 'an unclosed flow map is reported at its brace',
    given: 'E:\n  payload: { a: 1\n  status: x\n',
    want: ['2:12: this { is not closed: end it with }, and indent the lines it continues on deeper than its key'],
  },
  {
    name: 'a repeated key names the key and the line of the first',
    given: 'E:\n  status: x\n  sources: [a]\n  status: y\n',
    want: ['4:3: the key "status" is already in this map, on line 2; a map holds each key once'],
  },
  {
    name: 'a map written inside a value on one line',
    given: 'E:\n  description: note: this\n',
    want: ['2:16: a value cannot hold "key: value" on the same line; quote the value, or put the inner map on lines of its own'],
  },
  {
    name: 'an unknown escape in double quotes',
    given: 'E:\n  description: "a \\q b"\n',
    want: ['2:19: \\q is not an escape YAML knows in "double quotes"; use \'single quotes\', or \\\\ for a backslash'],
  },
  {
    name: 'two documents in one file',
    given: 'a: 1\n---\nb: 2\n',
    want: ['2:1: a spec file holds one YAML document; remove the --- line'],
  },
];

const problems = suite('YAML mistakes in the spec author\'s words');
for (const { name, given, want } of cases) {
  problems(name, () => assert.equal(problemsOf(given), want));
}
problems.run();
