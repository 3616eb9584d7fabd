/**
 * `guilded-gateway diff` as a spec author runs it: the real spec against itself and against a copy with
 * one event removed, each output format, --fail-on, a git revision as a side, and the mistakes a user
 * can make (a side that is neither a folder nor a revision, a broken spec).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { run } from '../../../cli/diff/command.js';
import { capture, repoRoot, runTsx } from '../cli-fixture.js';

const SPEC = path.join(repoRoot, 'spec');

/** A copy of the real spec (its spec files only) in a temp folder named spec, with `edit` applied to one file. */
function specCopy(file: string, edit: (text: string) => string): { dir: string; cleanup: () => void } {
  const root = mkdtempSync(path.join(tmpdir(), 'gg-diff-test-'));
  const dir = path.join(root, 'spec');
  cpSync(SPEC, dir, { recursive: true, filter: (source) => !source.includes(`${path.sep}reference`) && !source.includes(`${path.sep}released`) });
  writeFileSync(path.join(dir, file), edit(readFileSync(path.join(dir, file), 'utf8')));
  return { dir, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** spec/events/users.yaml without USER_PINGED: from its key to the next event's. */
const withoutPinged = (text: string) => text.replace(/^ {2}USER_PINGED:\n(?: {4}.*\n|\n)*/m, '');

const real = suite('the real spec');

real('against itself: no changes, no release, exit 0', async () => {
  const result = await capture(run, [SPEC, SPEC]);
  assert.equal(result, { code: 0, stdout: 'spec → spec: no changes; the package needs no release\n', stderr: '' });
});

real('against a copy with one event removed: one breaking change, a major release, exit 1', async () => {
  const copy = specCopy('events/users.yaml', withoutPinged);
  try {
    const { code, stdout, stderr } = await capture(run, [SPEC, copy.dir, '--json']);
    const report = JSON.parse(stdout) as { step: string; counts: Record<string, number>; changes: { rule: string; subject: string; impact: string; file: string; was: boolean }[] };
    assert.equal({ code, stderr }, { code: 1, stderr: '' });
    assert.is(report.step, 'major');
    assert.equal(
      report.changes.map(({ rule, subject, impact, was }) => ({ rule, subject, impact, was })),
      [{ rule: 'entry-removed', subject: 'event USER_PINGED', impact: 'breaking', was: true }],
    );
    assert.match(report.changes[0]!.file, /^spec\/events\/users\.yaml$/);
  } finally {
    copy.cleanup();
  }
});
real('with no side named, the released copy in spec/released/ is the old side and the working tree the new', async () => {
  const { stdout, stderr } = await capture(run, ['--spec', SPEC]);
  assert.is(stderr, '');
  assert.match(stdout, /^spec\/released\/\d+\.\d+\.\d+ → spec: /);
});
real.run();

const output = suite('output and exit codes');

/** A line of ChatMessageCreated in spec/events/chat-messages.yaml, to edit beside. */
const CREATED_BY = "        createdBy: { type: string, description: \"The author's user id, as message.createdBy.\" }\n";

/** The real spec and a copy with one optional field added to ChatMessageCreated. */
function withOptionalField() {
  return specCopy('events/chat-messages.yaml', (text) =>
    text.replace(CREATED_BY, `${CREATED_BY}        isPinned: { type: boolean, optional: true }\n`),
  );
}

output('a non-breaking change is listed with its place and rule; exit 0 under the default --fail-on breaking', async () => {
  const copy = withOptionalField();
  try {
    const { code, stdout } = await capture(run, [SPEC, copy.dir]);
    assert.is(code, 0);
    const shown = path.relative(process.cwd(), copy.dir).split(path.sep).join('/');
    assert.match(stdout, '1 change: 1 non-breaking; the package needs a minor release');
    assert.match(stdout, new RegExp(`\\n  ${shown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/events/chat-messages\\.yaml:\\d+:\\d+: event ChatMessageCreated /isPinned: an optional field was added \\[field-added-optional\\]\\n`));
  } finally {
    copy.cleanup();
  }
});

output('--fail-on any exits 1 on that change, --fail-on never exits 0 on a breaking one', async () => {
  const added = withOptionalField();
  const removed = specCopy('events/users.yaml', withoutPinged);
  try {
    assert.is((await capture(run, [SPEC, added.dir, '--fail-on', 'any'])).code, 1);
    assert.is((await capture(run, [SPEC, removed.dir, '--fail-on', 'never'])).code, 0);
  } finally {
    added.cleanup();
    removed.cleanup();
  }
});

output('--markdown prints a table per impact, for a pull request comment', async () => {
  const copy = withOptionalField();
  try {
    const { stdout } = await capture(run, [SPEC, copy.dir, '--markdown']);
    assert.match(stdout, '#### Non-breaking\n\n| in | change | rule | where |\n|---|---|---|---|\n| event ChatMessageCreated /isPinned | an optional field was added | `field-added-optional` |');
  } finally {
    copy.cleanup();
  }
});
output.run();

const mistakes = suite('mistakes');

mistakes('a side that is neither a folder nor a revision: one line, exit 2', async () => {
  const result = await capture(run, ['no-such-revision-or-folder']);
  assert.equal(result, { code: 2, stdout: '', stderr: '"no-such-revision-or-folder" is neither a folder nor a git revision (a branch, a tag or a commit such as HEAD~3)\n' });
});

mistakes('a wrong --fail-on, and --json with --markdown: exit 2 with the usage', async () => {
  for (const args of [['--fail-on', 'sometimes'], ['--json', '--markdown']]) {
    const { code, stderr } = await capture(run, args);
    assert.is(code, 2, args.join(' '));
    assert.match(stderr, /\nusage: guilded-gateway diff /);
  }
});

mistakes('a broken new spec is reported as the loader reports it, with file:line:col, exit 1', async () => {
  const copy = specCopy('events/chat-messages.yaml', (text) => text.replace(CREATED_BY, CREATED_BY.replace('type: string', 'type: strng')));
  try {
    const { code, stdout, stderr } = await capture(run, [SPEC, copy.dir]);
    assert.equal({ code, stdout }, { code: 1, stdout: '' });
    assert.match(stderr, /^the new spec \(.*spec\) has 1 problem; nothing was compared:\n.*spec\/events\/chat-messages\.yaml:\d+:\d+: events\.ChatMessageCreated\.payload\.properties\.createdBy\.type: "strng" is not a type/);
  } finally {
    copy.cleanup();
  }
});
mistakes.run();

const revisions = suite('a git revision as a side');

revisions('diff HEAD compares the committed spec with the working tree, naming the old side HEAD:spec', async () => {
  const repo = mkdtempSync(path.join(tmpdir(), 'gg-diff-repo-'));
  try {
    cpSync(SPEC, path.join(repo, 'spec'), { recursive: true, filter: (source) => !source.includes(`${path.sep}reference`) && !source.includes(`${path.sep}released`) });
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo, stdio: 'ignore' });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'spec');
    const file = path.join(repo, 'spec/events/users.yaml');
    writeFileSync(file, withoutPinged(readFileSync(file, 'utf8')));
    const { code, stdout } = await runTsx(path.join(repoRoot, 'cli/main.ts'), ['diff', 'HEAD'], { cwd: repo });
    assert.is(code, 1);
    assert.match(stdout, 'HEAD:spec → spec: 1 change: 1 breaking; the package needs a major release');
    assert.match(stdout, /HEAD:spec\/events\/users\.yaml:\d+:\d+ \(was\): event USER_PINGED: removed \[entry-removed\]/);
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
});
revisions.run();

const installed = suite('diff in an installed package');

installed('says in one line to run it from a checkout, exit 1: the package leaves the generator out', async () => {
  const project = mkdtempSync(path.join(tmpdir(), 'gg-diff-layout-'));
  try {
    const root = path.join(project, 'node_modules', 'guilded-gateway');
    cpSync(path.join(repoRoot, 'cli'), path.join(root, 'dist', 'cli'), { recursive: true });
    writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'guilded-gateway', version: '7.7.7', type: 'module' }));
    const { code, stderr } = await runTsx(path.join(root, 'dist/cli/main.ts'), ['diff', 'main'], { cwd: project });
    assert.equal({ code, stderr }, {
      code: 1,
      stderr: 'guilded-gateway diff: the generator is not part of the installed package; run it from a checkout of the repository: npm ci && npx guilded-gateway diff main\n',
    });
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
});
installed.run();
