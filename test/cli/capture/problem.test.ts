import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { captureProblem, formatProblem, type Position } from '../../../cli/capture/problem.js';

const format = suite('a problem reads as one line: place, message, and the text there');

const PLACES: Array<{ position: Position | undefined; want: string }> = [
  { position: undefined, want: 'a.har: no frames' },
  { position: { line: 12 }, want: 'a.har:12: no frames' },
  { position: { line: 12, column: 3 }, want: 'a.har:12:3: no frames' },
  { position: { entry: 0, message: 17 }, want: 'a.har entry 0 message 17: no frames' },
  { position: { offset: 8 }, want: 'a.har at byte 8: no frames' },
];

for (const { position, want } of PLACES) {
  format(`${JSON.stringify(position)} is written ${want}`, () => {
    assert.is(formatProblem(captureProblem('a.har', position, 'no frames')), want);
  });
}

format('the excerpt follows the message; a problem holds only the fields that apply', () => {
  const problem = captureProblem('a.jsonl', { line: 2, column: 5 }, 'invalid json; line skipped', '{"a":}');
  assert.is(formatProblem(problem), 'a.jsonl:2:5: invalid json; line skipped: {"a":}');
  assert.equal(captureProblem('a.jsonl', undefined, 'empty file'), { at: { file: 'a.jsonl' }, message: 'empty file' });
});

format.run();
