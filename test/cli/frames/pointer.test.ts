import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { generalize, valueAt } from '../../../cli/frames/pointer.js';

const pointers = suite('JSON pointers into a payload');

const GENERALIZED: Array<{ given: string; want: string }> = [
  { given: '/message/content/document/nodes/3/foo', want: '/message/content/document/nodes/*/foo' },
  { given: '/reactions/d2242862-401c-42f8-9ce2-0c75977475a6/count', want: '/reactions/*/count' },
  { given: '/items/12', want: '/items/*' },
  { given: '/v2/name', want: '/v2/name' },
];
for (const { given, want } of GENERALIZED) {
  pointers(`generalize writes ${given} as ${want}`, () => assert.is(generalize(given), want));
}

pointers('valueAt follows a pointer, unescaping ~1 and ~0, and gives undefined off the payload or for inherited keys', () => {
  const payload = { 'a/b': { 'c~d': [10, 20] }, n: null };
  assert.is(valueAt(payload, '/a~1b/c~0d/1'), 20);
  assert.is(valueAt(payload, ''), payload);
  assert.is(valueAt(payload, '/n/x'), undefined);
  assert.is(valueAt(payload, '/toString'), undefined);
});

pointers.run();
