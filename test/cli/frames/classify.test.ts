import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { classify } from '../../../cli/frames/classify.js';

const names = suite('classify reads event names');

const CASES: Array<{ given: string; want: unknown }> = [
  { given: '42["ChatChannelTyping",{"a":1}]', want: { kind: 'event', name: 'ChatChannelTyping', payload: { a: 1 } } },
  // Escapes in the name are decoded, as the gateway meant them.
  { given: '42["Chat\\u0043hannelTyping",{"a":1}]', want: { kind: 'event', name: 'ChatChannelTyping', payload: { a: 1 } } },
  { given: '42["a\\"b",1]', want: { kind: 'event', name: 'a"b', payload: 1 } },
  { given: '42["a\\\\",1]', want: { kind: 'event', name: 'a\\', payload: 1 } },
  // A backslash in the payload leaves the name as it is.
  { given: '42["x",{"text":"say \\"hi\\""}]', want: { kind: 'event', name: 'x', payload: { text: 'say "hi"' } } },
];

for (const { given, want } of CASES) {
  names(`reads ${given} as ${JSON.stringify(want)}`, () => {
    assert.equal(classify(given, 'in'), want);
  });
}

names.run();
