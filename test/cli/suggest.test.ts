import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { closest } from '../../cli/suggest.js';

const COMMANDS = ['generate', 'validate', 'infer', 'replay', 'demo', 'help'];
const OPTIONS = ['json', 'fail-on', 'help'];

const suggest = suite('closest');

const CASES: Array<{ given: string; among: string[]; want: string | undefined }> = [
  { given: 'valdiate', among: COMMANDS, want: 'validate' },
  { given: 'vaildate', among: COMMANDS, want: 'validate' },
  { given: 'validat', among: COMMANDS, want: 'validate' },
  { given: 'replya', among: COMMANDS, want: 'replay' },
  { given: 'infre', among: COMMANDS, want: 'infer' },
  { given: 'Demo', among: COMMANDS, want: 'demo' },
  { given: 'frobnicate', among: COMMANDS, want: undefined },
  { given: 'valid', among: COMMANDS, want: 'validate' },
  { given: 'jsn', among: OPTIONS, want: 'json' },
  { given: 'JSON', among: OPTIONS, want: 'json' },
  { given: 'fail', among: OPTIONS, want: 'fail-on' },
  { given: 'failon', among: OPTIONS, want: 'fail-on' },
  { given: 'strict', among: OPTIONS, want: undefined },
  { given: 'x', among: OPTIONS, want: undefined },
  { given: 'h', among: OPTIONS, want: undefined },
  { given: 'halp', among: OPTIONS, want: 'help' },
];

for (const { given, among, want } of CASES) {
  suggest(`${JSON.stringify(given)} is taken for ${want === undefined ? 'nothing' : JSON.stringify(want)}`, () => {
    assert.is(closest(given, among), want);
  });
}

suggest('of several near candidates the fewest edits away wins, before a longer one it is a prefix of', () => {
  assert.is(closest('fail', ['fail-on', 'fails']), 'fails');
  assert.is(closest('fail', ['fails', 'fail-on']), 'fails');
});

suggest.run();
