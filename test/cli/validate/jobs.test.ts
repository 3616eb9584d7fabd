import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { run, validate } from '../../../cli/validate/command.js';
import { PARALLEL_MIN_BYTES } from '../../../cli/validate/parallel-inputs.js';
import { BATCH_BYTES } from '../../../cli/validate/parallel-lines.js';
import { renderReport } from '../../../cli/validate/render.js';
import { FAIL_ON, type FailOn, type Report } from '../../../cli/validate/report.js';
import { capture, eventExample, frame, har, HELLO, repoRoot, runTsx, tempFolder } from '../cli-fixture.js';

const created = eventExample('ChatMessageCreated');
const typing = eventExample('ChatChannelTyping');
const line = (direction: 'in' | 'out', data: string) => JSON.stringify({ direction, data });
const valid = line('in', frame('ChatMessageCreated', created));

/**
 * A capture of many batches with every kind of line the reader tells apart, the unusual ones spread
 * over the batches so that each cap (failures shown, invalid frames, input problems) fills across them.
 */
function mixedCapture(): string {
  const lines = [`\ufeff${line('in', HELLO)}`];
  const unusual = [
    () => line('in', frame('ChatMessageCreated', { ...created, channelId: 42 })),
    () => line('in', frame('ChatMessageCreated', { ...created, brandNew: { a: 1 } })),
    () => line('in', frame('SomethingNew', { type: 'SomethingNew', a: 1 })),
    () => '{"direction": "in", "data": "42[\\"ChatMessageCreated\\"', // malformed JSON
    () => line('in', '9oops'),
    () => '',
    () => '   ',
    () => `${line('in', frame('ChatChannelTyping', typing))}\r`,
    () => line('in', frame('ChatMessageCreated', { ...created, cookie: 'hmac_signed_session=s3cr3t', channelId: 7 })),
    () => line('sideways' as 'in', '2'),
    () => line('out', '2'),
  ];
  for (let i = 0; lines.length < 9000; i++) {
    lines.push(valid, valid, unusual[i % unusual.length]!());
    // A line longer than a few batches: read on the main thread, between the workers' batches.
    if (i === 1500) lines.push(line('in', frame('SomethingHuge', { type: 'SomethingHuge', text: 'x'.repeat(5 * BATCH_BYTES) })));
  }
  // The last line is cut off: no newline, and its JSON ends early.
  return `${lines.join('\n')}\n{"direction": "in", "data": "42[`;
}

type Run = Awaited<ReturnType<typeof capture>>;

/** The runs of the command over `files` with each of `jobs`, in one folder, so that the paths in the reports are the same. */
async function validateWith<const J extends readonly string[]>(jobs: J, files: Record<string, string>, ...args: string[]): Promise<{ [K in keyof J]: Run }> {
  const folder = tempFolder(files);
  try {
    const runs: Run[] = [];
    for (const value of jobs) runs.push(await capture(run, [...Object.keys(files).map((name) => folder.file(name)), '--jobs', value, ...args]));
    return runs as { [K in keyof J]: Run };
  } finally {
    folder.cleanup();
  }
}

/** The reports over `files` on the main thread alone and on two threads, every file however small read in parallel. */
async function bothWays(files: Record<string, string>, failOn: FailOn = 'invalid'): Promise<[Report, Report]> {
  const folder = tempFolder(files);
  try {
    const paths = Object.keys(files).map((name) => folder.file(name));
    return [await validate(paths, failOn, 1), await validate(paths, failOn, 2, 0)];
  } finally {
    folder.cleanup();
  }
}

const jobs = suite('validate --jobs');

jobs('the test capture spans many batches', () => {
  assert.ok(Buffer.byteLength(mixedCapture()) > 20 * BATCH_BYTES);
});

for (const failOn of FAIL_ON) {
  jobs(`the main thread alone and two threads give the same report, readable and --json: --fail-on ${failOn}`, async () => {
    const [one, two] = await bothWays({ 'capture.jsonl': mixedCapture() }, failOn);
    assert.is(renderReport(two), renderReport(one));
    assert.is(JSON.stringify(two, null, 2), JSON.stringify(one, null, 2));
  });
}

jobs('the report of the test capture shows what each cap cut, and no secret', async () => {
  const [, report] = await bothWays({ 'capture.jsonl': mixedCapture() });
  const event = report.names.find((name) => name.name === 'ChatMessageCreated')!;
  assert.is(event.failures.length, 20);
  assert.is(event.failuresNotShown, event.invalid - 20);
  assert.ok(report.inputProblems.count > report.inputProblems.shown.length);
  assert.ok(report.invalidFrames.count > report.invalidFrames.shown.length);
  assert.equal(report.unknownNames.map((name) => name.name).sort(), ['SomethingHuge', 'SomethingNew']);
  assert.not.match(JSON.stringify(report), 's3cr3t');
});

jobs('several files, a HAR among them, give the same report on two threads', async () => {
  const [one, two] = await bothWays({
    'a.jsonl': mixedCapture(),
    'b.har': har([{ type: 'receive', data: frame('ChatMessageCreated', { ...created, channelId: 1 }) }]),
    'c.txt': Array.from({ length: 5000 }, () => frame('ChatChannelTyping', typing)).join('\n'),
  });
  assert.is(renderReport(two), renderReport(one));
});

for (const given of ['0', 'x', '1.5', '65']) {
  jobs(`--jobs ${given} is a usage mistake, exit 2`, async () => {
    const [{ code, stdout, stderr }] = await validateWith([given], { 'capture.jsonl': valid });
    assert.is(code, 2);
    assert.is(stdout, '');
    assert.match(stderr, `--jobs ${JSON.stringify(given)} is not a whole number from 1 to 64\nusage: guilded-gateway validate`);
  });
}

jobs('a folder without files and a missing file are reported as with --jobs 1', async () => {
  const folder = tempFolder({});
  try {
    const args = [folder.dir, `${folder.dir}/missing.jsonl`];
    const one = await capture(run, [...args, '--jobs', '1']);
    const two = await capture(run, [...args, '--jobs', '2']);
    assert.is(two.stdout, one.stdout);
    assert.is(two.code, one.code);
    assert.match(two.stdout, 'no such file or folder');
  } finally {
    folder.cleanup();
  }
});

jobs('the command line over a file large enough for workers exits by itself, with the report of --jobs 1', async () => {
  const filler = `${valid}\n`.repeat(Math.ceil(PARALLEL_MIN_BYTES / (valid.length + 1)));
  const folder = tempFolder({ 'capture.jsonl': `${filler}${mixedCapture()}` });
  try {
    const cli = `${repoRoot}cli/main.ts`;
    const one = await runTsx(cli, ['validate', folder.file('capture.jsonl'), '--jobs', '1']);
    const two = await runTsx(cli, ['validate', folder.file('capture.jsonl'), '--jobs', '2']);
    assert.is(two.stdout, one.stdout);
    assert.is(two.code, one.code);
    assert.is(two.stderr, '');
  } finally {
    folder.cleanup();
  }
});

jobs.run();
