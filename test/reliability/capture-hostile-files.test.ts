/**
 * Issue 12, "Capture tools against hostile files": validate and infer on every hostile input at once,
 * as a child process whose peak RSS is read: each input is reported with its file and position, the
 * good file is still read, and the exit code is the documented one.
 */
import { rmSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { writeHostileFiles } from './hostile-files.js';
import { runCli, type CliRun } from './measured-cli.js';

const MAX_PEAK_RSS_MB = 150;
// Root reads any file whatever its mode: the run that must meet an unreadable file is an ordinary user's.
const NOBODY = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

interface JsonReport {
  readonly files: Array<{ file: string; format: string | null; frames: number; problems: number }>;
  readonly inputProblems: { shown: Array<{ at: Record<string, unknown>; message: string }> };
  readonly invalidFrames: { shown: Array<{ at: Record<string, unknown>; reason: string }> };
}

const test = suite('capture tools against hostile files');
const { dir, inputs } = writeHostileFiles();
const paths = Object.values(inputs);
let validate: CliRun;
let infer: CliRun;

test.before(async () => {
  [validate, infer] = await Promise.all([runCli(['validate', '--json', ...paths], NOBODY), runCli(['infer', ...paths], NOBODY)]);
});
test.after(() => rmSync(dir, { recursive: true, force: true }));

const report = () => JSON.parse(validate.stdout) as JsonReport;
const problemAt = (file: string) => report().inputProblems.shown.filter((problem) => problem.at['file'] === file);

test('validate reads every input, exits 1 for the inputs it could not read, and prints no stack trace', () => {
  assert.is(validate.code, 1, validate.stderr);
  assert.not.match(validate.stderr + validate.stdout, /\n\s+at /);
  const good = report().files.find((file) => file.file === inputs.good);
  assert.equal(good, { file: inputs.good, format: 'text', frames: 1, problems: 0 });
});

test('a 200 MB line without a newline is skipped at its line, and the peak RSS stays under 150 MB', () => {
  assert.equal(problemAt(inputs.hugeLine!).map((problem) => [problem.at, problem.message]), [
    [{ file: inputs.hugeLine, line: 1 }, 'line of 209715236 characters, longer than any frame (the limit is 16 MB); line skipped'],
  ]);
  assert.ok(validate.peakRssMb < MAX_PEAK_RSS_MB, `validate peaked at ${validate.peakRssMb.toFixed(0)} MB`);
  assert.ok(infer.peakRssMb < MAX_PEAK_RSS_MB, `infer peaked at ${infer.peakRssMb.toFixed(0)} MB`);
  console.log(`  peak RSS over all hostile inputs: validate ${validate.peakRssMb.toFixed(0)} MB, infer ${infer.peakRssMb.toFixed(0)} MB`);
});

test('JSON nested 100,000 deep is an invalid frame at its line, and the next line is read', () => {
  const invalid = report().invalidFrames.shown.filter((frame) => frame.at['file'] === inputs.deep);
  assert.equal(invalid, [{ at: { file: inputs.deep, line: 1 }, reason: 'json nested more than 1000 levels deep: no gateway payload is; not read' }]);
  assert.is(report().files.find((file) => file.file === inputs.deep)!.frames, 2);
});

test('a HAR whose _webSocketMessages is not an array is reported at its line and column, naming the entry', () => {
  assert.equal(problemAt(inputs.notAnArray!)[0], {
    at: { file: inputs.notAnArray, line: 1, column: 71 },
    message: '_webSocketMessages is a string, not an array of messages (entry 0); skipped',
  });
});

test('a file that is a folder is read as a folder; a symlink loop is named and read once', () => {
  assert.is(report().files.find((file) => file.file === `${inputs.folder}/inside.jsonl`)!.frames, 1);
  assert.equal(
    report().inputProblems.shown.filter((problem) => String(problem.at['file']).startsWith(inputs.loop!)),
    [`${inputs.loop}/a`, `${inputs.loop}/b`].map((file) => ({ at: { file }, message: 'symbolic link loop: the link leads back to itself' })),
  );
});

test('an unreadable, an empty, a non-UTF-8 and a gzip file are each named with why, at their byte when there is one', () => {
  assert.equal(problemAt(inputs.unreadable!), [{ at: { file: inputs.unreadable }, message: 'permission denied' }]);
  assert.equal(problemAt(inputs.zero!), [{ at: { file: inputs.zero }, message: 'empty file: no frames to read' }]);
  assert.equal(problemAt(inputs.invalidUtf8!), [{ at: { file: inputs.invalidUtf8, offset: 37 }, message: 'not UTF-8 text: invalid byte; a capture is UTF-8 text' }]);
  assert.equal(problemAt(inputs.gzip!), [{ at: { file: inputs.gzip, offset: 0 }, message: 'gzip-compressed file: decompress it first (gunzip)' }]);
});

test('infer goes on past the same inputs: exit 1, each problem one line on stderr, no stack trace', () => {
  assert.is(infer.code, 1);
  assert.not.match(infer.stderr, /\n\s+at /);
  for (const file of [inputs.hugeLine, inputs.notAnArray, inputs.unreadable, inputs.zero, inputs.invalidUtf8, inputs.gzip]) {
    assert.ok(infer.stderr.split('\n').some((line) => line.startsWith(`${file}`)), `infer names ${file}`);
  }
});

test.run();
