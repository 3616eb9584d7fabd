import { setTimeout as sleep } from 'node:timers/promises';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { PROGRESS_THRESHOLD, startProgress } from '../../../cli/capture/progress.js';

/** A stand-in for stderr that records what is drawn. */
function fakeStream(isTTY: boolean): NodeJS.WriteStream & { written: string[] } {
  const written: string[] = [];
  return { isTTY, columns: 100, written, write: (text: string) => written.push(text) > 0 } as unknown as NodeJS.WriteStream & { written: string[] };
}

const progress = suite('the progress bar');

progress('is drawn on a terminal for a large input, and erased at the end', async () => {
  const stream = fakeStream(true);
  const bar = startProgress(PROGRESS_THRESHOLD * 2, stream, { TERM: 'xterm-256color' });
  bar.file('capture.har');
  bar.advance(PROGRESS_THRESHOLD);
  await sleep(450);
  bar.stop();
  assert.ok(stream.written.some((text) => /^\r\[#{15}\.{15}\]  50%  20\/40 MB  capture\.har +$/.test(text)), stream.written.join('|'));
  assert.is(stream.written.at(-1), `\r${' '.repeat(99)}\r`);
  // No colour and no cursor control, so there is nothing for NO_COLOR to switch off.
  assert.not.match(stream.written.join(''), /\x1b/);
});

progress('stays silent when piped, on a dumb terminal, or when the input is small', async () => {
  const cases = [
    { isTTY: false, term: 'xterm-256color', total: PROGRESS_THRESHOLD * 2 },
    { isTTY: true, term: 'dumb', total: PROGRESS_THRESHOLD * 2 },
    { isTTY: true, term: 'xterm-256color', total: PROGRESS_THRESHOLD },
  ];
  for (const { isTTY, term, total } of cases) {
    const stream = fakeStream(isTTY);
    const bar = startProgress(total, stream, { TERM: term });
    bar.advance(total);
    await sleep(250);
    bar.stop();
    assert.equal(stream.written, []);
  }
});

progress.run();
