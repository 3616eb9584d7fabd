import { setTimeout as sleep } from 'node:timers/promises';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { PROGRESS_THRESHOLD, startProgress } from '../../cli/validate/progress.js';

/** A stand-in for stderr that records what is drawn. */
function fakeStream(isTTY: boolean): NodeJS.WriteStream & { written: string[] } {
  const written: string[] = [];
  return { isTTY, columns: 100, written, write: (text: string) => written.push(text) > 0 } as unknown as NodeJS.WriteStream & { written: string[] };
}

const progress = suite('the progress bar');

progress('is drawn on a terminal for a large input, and erased at the end', async () => {
  const stream = fakeStream(true);
  const bar = startProgress(PROGRESS_THRESHOLD * 2, stream);
  bar.file('capture.har');
  bar.advance(PROGRESS_THRESHOLD);
  await sleep(450);
  bar.stop();
  assert.ok(stream.written.some((text) => /\[#{15}\.{15}\]  50%  20\/40 MB  capture\.har/.test(text)), stream.written.join('|'));
  assert.is(stream.written.at(-1), '\r\x1b[K');
});

progress('stays silent when piped or when the input is small', async () => {
  for (const [isTTY, total] of [[false, PROGRESS_THRESHOLD * 2], [true, PROGRESS_THRESHOLD]] as const) {
    const stream = fakeStream(isTTY);
    const bar = startProgress(total, stream);
    bar.advance(total);
    await sleep(250);
    bar.stop();
    assert.equal(stream.written, []);
  }
});

progress.run();
