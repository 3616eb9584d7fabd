import { spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { run } from '../../../cli/validate/command.js';
import type { Report } from '../../../cli/validate/report.js';
import { allEventFrames, capture, commandExample, eventExample, frame, har, HELLO, repoRoot, tempFolder } from '../cli-fixture.js';

const created = eventExample('ChatMessageCreated');
const typingIn = eventExample('ChatChannelTyping');
const typingOut = commandExample('ChatChannelTyping');
const line = (direction: 'in' | 'out', data: string) => JSON.stringify({ direction, data });

/** A JSON-lines capture whose every line is known: line numbers are 1-based indexes + 1. */
const CAPTURE = [
  line('in', HELLO), // 1
  line('out', '40'), // 2
  line('in', frame('ChatMessageCreated', created)), // 3
  line('in', frame('ChatMessageCreated', { ...created, channelId: 42 })), // 4: invalid
  line('in', frame('ChatMessageCreated', { ...created, brandNew: { a: 1 } })), // 5: unknown field
  line('in', frame('ChatChannelTyping', typingIn)), // 6
  line('out', frame('ChatChannelTyping', typingOut)), // 7: a command, checked against commands
  line('out', frame('ChatChannelTyping', { channelId: 'not-a-uuid' })), // 8: invalid command
  line('in', frame('SomethingNew', { type: 'SomethingNew', a: 1 })), // 9: unknown event
  line('in', frame('SomethingNew', { type: 'SomethingNew', a: 2 })), // 10
  line('out', '2'), // 11
  line('in', '3'), // 12
  line('in', '9oops'), // 13: not protocol
  line('out', frame('logout')), // 14
].join('\n');

async function validate(files: Record<string, string | Buffer>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string; dir: string }> {
  const folder = tempFolder(files);
  try {
    const result = await capture(run, [...Object.keys(files).map((name) => folder.file(name)), ...args]);
    return { ...result, dir: folder.dir };
  } finally {
    folder.cleanup();
  }
}

async function validateJson(files: Record<string, string | Buffer>, ...args: string[]): Promise<{ code: number; report: Report; dir: string }> {
  const { code, stdout, dir } = await validate(files, '--json', ...args);
  return { code, report: JSON.parse(stdout) as Report, dir };
}

// #region report
const report = suite('validate reports');

report('--json has a stable top-level shape', async () => {
  const { report: json } = await validateJson({ 'capture.jsonl': CAPTURE });
  assert.equal(Object.keys(json), ['version', 'files', 'summary', 'names', 'unknownNames', 'unknownNamesNotShown', 'invalidFrames', 'inputProblems', 'result']);
  assert.is(json.version, 1);
});

report('counts valid, invalid and unknown per name, in both directions', async () => {
  const { report: json, dir } = await validateJson({ 'capture.jsonl': CAPTURE });
  const file = `${dir}/capture.jsonl`;
  assert.equal(json.files, [{ file, format: 'jsonl', frames: 14, problems: 0 }]);
  assert.equal(
    json.names.map(({ kind, name, valid, invalid, withUnknownFields }) => ({ kind, name, valid, invalid, withUnknownFields })),
    [
      { kind: 'hello', name: 'hello', valid: 1, invalid: 0, withUnknownFields: 0 },
      { kind: 'event', name: 'ChatChannelTyping', valid: 1, invalid: 0, withUnknownFields: 0 },
      { kind: 'event', name: 'ChatMessageCreated', valid: 2, invalid: 1, withUnknownFields: 1 },
      { kind: 'command', name: 'ChatChannelTyping', valid: 1, invalid: 1, withUnknownFields: 0 },
      { kind: 'command', name: 'logout', valid: 1, invalid: 0, withUnknownFields: 0 },
    ],
  );
  assert.equal(json.summary, {
    frames: 14,
    valid: 6,
    invalid: 2,
    withUnknownFields: 1,
    unknownNames: 2,
    invalidFrames: 1,
    inputProblems: 0,
    packets: { connect: 1, ping: 1, pong: 1 },
  });
});

report('each failure names the file, line, pointer, and what was expected against what was found', async () => {
  const { report: json, dir } = await validateJson({ 'capture.jsonl': CAPTURE });
  const file = `${dir}/capture.jsonl`;
  const event = json.names.find((name) => name.kind === 'event' && name.name === 'ChatMessageCreated')!;
  assert.equal(event.failures, [{ at: { file, line: 4 }, errors: [{ pointer: '/channelId', expected: 'string', found: '42' }], moreErrors: 0 }]);
  assert.equal(event.unknownFields, [{ pointer: '/brandNew', frames: 1 }]);
  const command = json.names.find((name) => name.kind === 'command' && name.name === 'ChatChannelTyping')!;
  assert.equal(command.failures, [{ at: { file, line: 8 }, errors: [{ pointer: '/channelId', expected: 'a uuid', found: '"not-a-uuid"' }], moreErrors: 0 }]);
  assert.equal(json.unknownNames, [
    { kind: 'event', name: 'SomethingNew', frames: 2, sample: { at: { file, line: 9 }, frame: frame('SomethingNew', { type: 'SomethingNew', a: 1 }) } },
  ]);
  assert.equal(json.invalidFrames, { count: 1, shown: [{ at: { file, line: 13 }, reason: 'unknown engine.io packet type "9" in "9oops"' }] });
});

report('the readable report says the same in lines a person can follow', async () => {
  const { stdout, dir } = await validate({ 'capture.jsonl': CAPTURE });
  const file = `${dir}/capture.jsonl`;
  assert.match(stdout, 'guilded-gateway validate: 1 file, 14 frames');
  assert.match(stdout, /event ChatMessageCreated +2 +1 +1\n/);
  assert.match(stdout, `  event ChatMessageCreated: 1 frame\n    ${file}:4  /channelId  expected string, found 42\n`);
  assert.match(stdout, `  command ChatChannelTyping: 1 frame\n    ${file}:8  /channelId  expected a uuid, found "not-a-uuid"\n`);
  assert.match(stdout, '  event ChatMessageCreated\n    /brandNew  in 1 frame\n');
  assert.match(stdout, `  event SomethingNew  2 frames, first at ${file}:9\n`);
  assert.match(stdout, `  ${file}:13  unknown engine.io packet type "9" in "9oops"\n`);
  assert.match(stdout, 'result: 2 invalid payloads, 1 invalid frame: exit 1 (--fail-on invalid)\n');
});

report('enum mismatches list the allowed values, and missing fields say so', async () => {
  const { message: _message, ...withoutMessage } = created;
  const { report: json } = await validateJson({
    'frames.txt': [frame('ChatMessageCreated', { ...created, channelType: 'Nope' }), frame('ChatMessageCreated', withoutMessage)].join('\n'),
  });
  const errors = json.names[0]!.failures.flatMap((failure) => failure.errors);
  assert.equal(errors, [
    { pointer: '/channelType', expected: 'one of "Team", "DM", "team"', found: '"Nope"' },
    { pointer: '/message', expected: 'a value (required)', found: '(missing)' },
  ]);
});

report('a huge capture shows the first 20 failures of a name and counts the rest', async () => {
  const bad = frame('ChatMessageCreated', { ...created, channelId: 42 });
  const { report: json } = await validateJson({ 'many.txt': Array.from({ length: 30 }, () => bad).join('\n') });
  const event = json.names[0]!;
  assert.equal([event.invalid, event.failures.length, event.failuresNotShown], [30, 20, 10]);
  assert.equal(event.failures.map((failure) => (failure.at as { line: number }).line), Array.from({ length: 20 }, (_, i) => i + 1));
});

report('every example in the spec validates from frame text', async () => {
  const frames = allEventFrames();
  const { code, report: json } = await validateJson({ 'examples.txt': frames.join('\n') });
  assert.equal([json.summary.valid, json.summary.invalid, json.summary.unknownNames, json.summary.withUnknownFields], [frames.length, 0, 0, 0]);
  assert.is(code, 0);
});

report.run();
// #endregion

// #region exit codes
const exits = suite('validate exit codes');

const clean = [line('in', frame('ChatMessageCreated', created)), line('out', '2')].join('\n');
const unknownOnly = [line('in', frame('SomethingNew', { type: 'SomethingNew' }))].join('\n');
const unknownField = [line('in', frame('ChatMessageCreated', { ...created, brandNew: 1 }))].join('\n');
const invalid = [line('in', frame('ChatMessageCreated', { ...created, channelId: 42 }))].join('\n');

const EXITS: Array<{ given: string; capture: string; want: { invalid: number; unknown: number; never: number } }> = [
  { given: 'a clean capture', capture: clean, want: { invalid: 0, unknown: 0, never: 0 } },
  { given: 'an unknown event', capture: unknownOnly, want: { invalid: 0, unknown: 1, never: 0 } },
  { given: 'an unknown field', capture: unknownField, want: { invalid: 0, unknown: 1, never: 0 } },
  { given: 'an invalid payload', capture: invalid, want: { invalid: 1, unknown: 1, never: 0 } },
  { given: 'a frame that is not protocol', capture: line('in', '9'), want: { invalid: 1, unknown: 1, never: 0 } },
];

for (const { given, capture: content, want } of EXITS) {
  exits(`${given} exits ${want.invalid} with --fail-on invalid, ${want.unknown} with unknown, ${want.never} with never`, async () => {
    for (const failOn of ['invalid', 'unknown', 'never'] as const) {
      const { code, report: json } = await validateJson({ 'capture.jsonl': content }, '--fail-on', failOn);
      assert.is(code, want[failOn], failOn);
      assert.is(json.result.exitCode, code);
    }
    assert.is((await validate({ 'capture.jsonl': content })).code, want.invalid, 'invalid is the default');
  });
}

exits('the installed command line runs it and exits with its code', () => {
  const folder = tempFolder({ 'capture.jsonl': unknownOnly });
  try {
    const main = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', 'validate', folder.file('capture.jsonl'), ...args], { cwd: repoRoot, encoding: 'utf8' });
    const strict = main('--fail-on', 'unknown');
    assert.is(strict.status, 1, strict.stderr);
    assert.match(strict.stdout, 'event SomethingNew  1 frame');
    assert.is(main().status, 0);
  } finally {
    folder.cleanup();
  }
});

exits('usage errors exit 2 with a message', async () => {
  const none = await capture(run, []);
  assert.equal([none.code, /no files or folders/.test(none.stderr)], [2, true]);
  const bad = await capture(run, ['x.har', '--fail-on', 'sometimes']);
  assert.equal([bad.code, /--fail-on "sometimes" is none of invalid, unknown, never/.test(bad.stderr)], [2, true]);
  const unknownOption = await capture(run, ['x.har', '--strict']);
  assert.is(unknownOption.code, 2);
});

exits.run();
// #endregion

// #region bad inputs
const inputs = suite('validate with bad inputs');

inputs('each bad input gets a message with its file and position, and the good files are still validated', async () => {
  const whole = har([{ type: 'receive', data: HELLO }, { type: 'receive', data: frame('ChatMessageCreated', created) }]);
  const files = {
    'a-good.jsonl': clean,
    'b-empty.har': '',
    'c-binary.txt': Buffer.from([0x7b, 0x00, 0xff]),
    'd-truncated.har': whole.slice(0, whole.length - 200),
    'e-broken-line.jsonl': `${clean}\n{"direction": "in", "data": }\n${clean}`,
    'f-not-a-capture.txt': 'hello\n',
    'g-also-good.txt': frame('ChatMessageCreated', created),
  };
  const folder = tempFolder(files);
  try {
    const args = [folder.dir, folder.file('h-missing.har')];
    const { code, stdout } = await capture(run, [...args, '--json']);
    const json = JSON.parse(stdout) as Report;
    assert.is(code, 1);
    const at = (name: string) => folder.file(name);
    assert.equal(
      json.inputProblems.shown.map((problem) => [problem.at, problem.message]),
      [
        [{ file: at('b-empty.har') }, 'empty file: no frames to read'],
        [{ file: at('c-binary.txt'), offset: 1 }, 'binary file: NUL byte; a capture is text (HAR, JSON lines or frame text)'],
        [{ file: at('d-truncated.har'), line: whole.slice(0, whole.length - 200).split('\n').length, column: json.inputProblems.shown[2]!.at.column }, 'the file ends inside a string in log.entries[1]._webSocketMessages[1].data (truncated?)'],
        [{ file: at('e-broken-line.jsonl'), line: 3, column: 29 }, "unexpected '}', expected a value; line skipped"],
        [{ file: at('f-not-a-capture.txt'), line: 1, column: 1 }, 'not a HAR, JSON lines or frame text: it starts with "h"; a HAR starts with {"log", a frame with a digit'],
        [{ file: at('h-missing.har') }, 'no such file or folder'],
      ],
    );
    assert.equal(
      json.files.map((file) => [file.file.slice(folder.dir.length + 1) || file.file, file.format, file.frames]),
      [
        ['a-good.jsonl', 'jsonl', 2],
        ['b-empty.har', null, 0],
        ['c-binary.txt', null, 0],
        ['d-truncated.har', 'har', 1],
        ['e-broken-line.jsonl', 'jsonl', 4],
        ['f-not-a-capture.txt', null, 0],
        ['g-also-good.txt', 'text', 1],
        ['h-missing.har', null, 0],
      ],
    );
    assert.equal([json.summary.valid, json.summary.invalid], [5, 0]);
    assert.is((await capture(run, [...args, '--fail-on', 'never'])).code, 0);
  } finally {
    folder.cleanup();
  }
});

inputs.run();
// #endregion

// #region cut-off captures
const cut = suite('validate says how a capture was cut off, showing its end as the file holds it');

// A JSON line that stops mid-string, as a capture cut off while it was being written does.
const CUT_LINE = String.raw`{"type":"receive","data":"42[\"ChatMessageCreated\",{\"type\":\"ChatMe`;

cut('a JSON line that stops inside a string says so, and shows the end of the line unescaped, in both reports', async () => {
  const text = await validate({ 'cut.jsonl': `${CUT_LINE}\n` });
  const end = String.raw`…\",{\"type\":\"ChatMe`;
  assert.match(text.stdout, `\n  ${text.dir}/cut.jsonl:1:${CUT_LINE.length + 1}: the line ends inside a string (truncated?); line skipped: ${end}\n`);
  assert.not.match(text.stdout, String.raw`\\"`, 'no backslash is doubled');
  const { report: json, dir } = await validateJson({ 'cut.jsonl': `${CUT_LINE}\n` });
  assert.equal(json.inputProblems.shown, [
    { at: { file: `${dir}/cut.jsonl`, line: 1, column: CUT_LINE.length + 1 }, message: 'the line ends inside a string (truncated?); line skipped', excerpt: end },
  ]);
  assert.ok(CUT_LINE.endsWith(end.slice(1)), 'the excerpt is the end of the line as the file holds it');
});

const CUT_LINES: Array<{ given: string; ends: string }> = [
  { given: '{"type":"receive","data":"42[]","time":1', ends: 'inside an object' },
  { given: '{"type":"receive","data":"42[]"', ends: 'inside an object' },
  { given: '{"type":"receive","da', ends: 'inside a key' },
  { given: '{"type":"receive","data"', ends: 'after a key' },
  { given: '{"type":"receive","data":', ends: 'where a value should be' },
  { given: '{"type":"receive","data":"42[]","tags":["a"', ends: 'inside an array' },
  { given: String.raw`"42[\"ChatMe`, ends: 'inside a string' },
];

for (const { given, ends } of CUT_LINES) {
  cut(`${given} ends ${ends}, and its end is shown as written`, async () => {
    const { report: json } = await validateJson({ 'cut.jsonl': `${line('in', '2')}\n${given}\n${line('in', '3')}\n` });
    const [problem] = json.inputProblems.shown;
    assert.equal([problem!.at.line, problem!.at.column, problem!.message], [2, given.length + 1, `the line ends ${ends} (truncated?); line skipped`]);
    assert.ok(given.endsWith(problem!.excerpt!.replace(/^…/, '')), problem!.excerpt);
    assert.is(json.summary.frames, 2, 'the lines around it are read');
  });
}

cut('a HAR cut off inside a frame names the message, and shows its last line as the file holds it', async () => {
  const whole = har([{ type: 'receive', data: HELLO }, { type: 'receive', data: frame('ChatMessageCreated', created) }]);
  const cutHar = whole.slice(0, whole.indexOf('ChatMessageCreated') + 'ChatMe'.length);
  const lines = cutHar.split('\n');
  const { stdout, dir } = await validate({ 'cut.har': cutHar });
  assert.match(
    stdout,
    `\n  ${dir}/cut.har:${lines.length}:${lines.at(-1)!.length + 1}: the file ends inside a string in log.entries[1]._webSocketMessages[1].data (truncated?): ${lines.at(-1)!.trim()}\n`,
  );
  assert.match(lines.at(-1)!.trim(), String.raw`"data": "42[\"ChatMe`);
});

cut.run();
// #endregion

// #region secrets
const secrets = suite('validate never prints secrets');

secrets('cookies, authorization headers and session cookies in frames stay out of both reports', async () => {
  const cookie = 'hmac_signed_session=cookie-secret-1234567';
  const leaky = [
    { type: 'receive' as const, data: frame('ChatMessageCreated', { ...created, channelId: 'hmac_signed_session=frame-secret-abc' }) },
    { type: 'receive' as const, data: frame('SomethingNew', { type: 'SomethingNew', echo: 'cookie-secret-1234567', auth: 'Bearer tok-abcdefgh' }) },
    { type: 'receive' as const, data: '9 hmac_signed_session=frame-secret-abc' },
  ];
  const whole = har(leaky, cookie);
  const files = {
    'capture.har': whole,
    // Cut inside the first entry's headers, so that the error's snippet is next to the cookie.
    'cut.har': whole.slice(0, whole.indexOf('cookie-secret-1234567') + 10),
    'lines.jsonl': `{"direction": "in", "data": "2", "cookie": "hmac_signed_session=line-secret-xyz" oops}\n`,
  };
  for (const args of [[], ['--json']]) {
    const { stdout, stderr } = await validate(files, ...args);
    const output = stdout + stderr;
    for (const secret of ['cookie-secret', 'frame-secret', 'line-secret', 'tok-abcdefgh']) assert.not.ok(output.includes(secret), `${args.join(' ')}: ${secret} in\n${output}`);
    assert.ok(output.includes('[redacted]'), 'says where a secret was removed');
  }
});

secrets.run();
// #endregion

// #region memory
const memory = suite('validate memory');

memory('a 50 MB JSON-lines capture is validated in flat memory (peak RSS under 150 MB)', async () => {
  const folder = tempFolder();
  try {
    const file = folder.file('big.jsonl');
    const lines = allEventFrames().map((data) => `${line('in', data)}\n`).concat(`${line('out', '2')}\n`);
    const block = lines.join('');
    const out = createWriteStream(file);
    for (let written = 0; written < 50 * 1024 * 1024; written += block.length) {
      if (!out.write(block)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    await new Promise<void>((resolve) => out.end(() => resolve()));
    // A wrapper that runs the command and prints its own peak RSS, so the test needs no /usr/bin/time.
    const wrapper = `const { run } = await import(${JSON.stringify(`${repoRoot}cli/validate/command.ts`)});
      const code = await run([process.argv[1], '--json']);
      process.stderr.write('maxRSS=' + process.resourceUsage().maxRSS + '\\n');
      process.exitCode = code;`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', wrapper, file], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.is(child.status, 0, child.stderr);
    const report = JSON.parse(child.stdout) as Report;
    assert.ok(report.summary.frames > 100_000, `${report.summary.frames} frames`);
    assert.is(report.summary.invalid, 0);
    const peakMb = Number(/maxRSS=(\d+)/.exec(child.stderr)![1]) / 1024;
    assert.ok(peakMb < 150, `peak RSS ${peakMb.toFixed(0)} MB`);
  } finally {
    folder.cleanup();
  }
});

memory.run();
// #endregion
