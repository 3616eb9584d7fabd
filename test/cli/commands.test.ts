/**
 * The command line's conventions, run as a user runs it: --help and -h on every command, --version,
 * usage mistakes (exit 2, stderr, a suggestion for a near miss), generate without the generator, and
 * a reader that goes away. Some run from an installed-like layout holding only cli/ (as dist/cli/), to
 * show that help and usage mistakes load no command, and that generate says what to do without its toolchain.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { COMMANDS, type CommandName } from '../../cli/commands.js';
import { repoRoot, runTsx, tempFolder, type ChildRun } from './cli-fixture.js';

const SOURCE_MAIN = path.join(repoRoot, 'cli/main.ts');
const VERSION = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
const LAYOUT_VERSION = '7.7.7-layout';
const NAMES = Object.keys(COMMANDS) as CommandName[];

/** Runs `node <main> ...args` from `cwd` with stdout and stderr captured. */
const cli = (args: string[], { main = SOURCE_MAIN, cwd = repoRoot } = {}): Promise<ChildRun> => runTsx(main, args, { cwd });

/**
 * A project with the package installed as npm lays it out, its command line at
 * node_modules/guilded-gateway/dist/cli/ and nothing else of it: no runtime, no generated code, no
 * dependencies; with `generator`, the generator's sources without their libraries.
 */
function installedLayout({ generator = false } = {}): { project: string; main: string; cleanup: () => void } {
  const project = mkdtempSync(path.join(tmpdir(), 'gg-cli-layout-'));
  const root = path.join(project, 'node_modules', 'guilded-gateway');
  mkdirSync(path.join(root, 'dist'), { recursive: true });
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '9.9.9', private: true, type: 'module' }));
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'guilded-gateway', version: LAYOUT_VERSION, type: 'module' }));
  cpSync(path.join(repoRoot, 'cli'), path.join(root, 'dist', 'cli'), { recursive: true });
  if (generator) cpSync(path.join(repoRoot, 'generator'), path.join(root, 'dist', 'generator'), { recursive: true });
  return { project, main: path.join(root, 'dist', 'cli', 'main.ts'), cleanup: () => rmSync(project, { recursive: true, force: true }) };
}

// #region help
const help = suite('--help');

help('every command answers --help and -h with its usage and options on stdout and exit 0, loading no command', async () => {
  const layout = installedLayout();
  try {
    const cases = NAMES.flatMap((name) => ['--help', '-h'].map((flag) => ({ name, args: [name, flag] })));
    const runs = await Promise.all(cases.map(({ args }) => cli(args, { main: layout.main, cwd: layout.project })));
    cases.forEach(({ name, args }, i) => {
      const { code, stdout, stderr } = runs[i]!;
      const command = COMMANDS[name];
      assert.equal({ code, stderr }, { code: 0, stderr: '' }, args.join(' '));
      assert.ok(stdout.startsWith(`usage: ${command.usage}\n\n${command.about}\n\noptions:\n`), `${args.join(' ')}:\n${stdout}`);
      for (const option of [...Object.keys(command.options), 'help']) assert.match(stdout, `--${option}`, `${args.join(' ')} names --${option}`);
    });
  } finally {
    layout.cleanup();
  }
});

help('guilded-gateway help <command> prints what <command> --help prints', async () => {
  const [viaHelp, viaFlag] = await Promise.all([cli(['help', 'replay']), cli(['replay', '--help'])]);
  assert.is(viaHelp.code, 0);
  assert.is(viaHelp.stdout, viaFlag.stdout);
});

help('--help wins over a mistake on the same line', async () => {
  const { code, stdout, stderr } = await cli(['validate', '--strict', '--help']);
  assert.equal({ code, stderr }, { code: 0, stderr: '' });
  assert.match(stdout, /^usage: guilded-gateway validate /);
});

help('the top-level help lists every command on stdout; with no command it goes to stderr with exit 2', async () => {
  const [asked, bare, viaHelp] = await Promise.all([cli(['--help']), cli([]), cli(['help'])]);
  assert.equal({ code: asked.code, stderr: asked.stderr }, { code: 0, stderr: '' });
  assert.match(asked.stdout, /^usage: guilded-gateway <command> \[options\]\n/);
  for (const name of NAMES) assert.match(asked.stdout, new RegExp(`^  ${name} +${COMMANDS[name].summary.replace(/[()]/g, '\\$&')}$`, 'm'));
  assert.match(asked.stdout, /^ {2}-v, --version +print the version and exit$/m);
  assert.equal({ code: bare.code, stdout: bare.stdout, stderr: bare.stderr }, { code: 2, stdout: '', stderr: asked.stdout });
  assert.equal({ code: viaHelp.code, stdout: viaHelp.stdout }, { code: 0, stdout: asked.stdout });
});

help.run();
// #endregion

// #region version
const version = suite('--version');

version('--version and -v print the version of package.json, from the sources and from an installed package', async () => {
  const layout = installedLayout();
  try {
    const runs = await Promise.all([
      cli(['--version']),
      cli(['-v']),
      cli(['--version'], { main: layout.main, cwd: layout.project }),
      cli(['-v'], { main: layout.main, cwd: layout.project }),
    ]);
    // The installed package's own version, not the version of the project it is installed in.
    assert.equal(
      runs.map(({ code, stdout, stderr }) => ({ code, stdout, stderr })),
      [VERSION, VERSION, LAYOUT_VERSION, LAYOUT_VERSION].map((shown) => ({ code: 0, stdout: `${shown}\n`, stderr: '' })),
    );
  } finally {
    layout.cleanup();
  }
});

version.run();
// #endregion

// #region usage mistakes
const mistakes = suite('usage mistakes');

const NEAR_MISSES: Array<{ args: string[]; want: string; usage: string }> = [
  { args: ['--'], want: 'no command', usage: 'guilded-gateway <command> [options]' },
  { args: ['--verison'], want: 'unknown option --verison; did you mean --version?', usage: 'guilded-gateway <command> [options]' },
  { args: ['generate', '--chek'], want: 'unknown option --chek; did you mean --check?', usage: COMMANDS.generate.usage },
  { args: ['validate', 'x.har', '--jsn'], want: 'unknown option --jsn; did you mean --json?', usage: COMMANDS.validate.usage },
  { args: ['validate', 'x.har', '--fail=never'], want: 'unknown option --fail; did you mean --fail-on?', usage: COMMANDS.validate.usage },
  { args: ['infer', 'x.har', '--wirte', 'out'], want: 'unknown option --wirte; did you mean --write?', usage: COMMANDS.infer.usage },
  { args: ['replay', 'x.har', '-speed', '4'], want: 'unknown option -speed; did you mean --speed?', usage: COMMANDS.replay.usage },
  { args: ['demo', '--hlep'], want: 'unknown option --hlep; did you mean --help?', usage: COMMANDS.demo.usage },
  { args: ['validate', 'x.har', '--strict'], want: 'unknown option --strict', usage: COMMANDS.validate.usage },
  { args: ['demo', 'now'], want: 'unexpected argument "now": this command takes options only', usage: COMMANDS.demo.usage },
  { args: ['infer', 'x.har', '--write'], want: '--write needs a value', usage: COMMANDS.infer.usage },
];

mistakes('an unknown option exits 2 with one line naming it, the nearest option if one is close, and the usage on stderr, loading no command', async () => {
  const layout = installedLayout();
  try {
    const runs = await Promise.all(NEAR_MISSES.map(({ args }) => cli(args, { main: layout.main, cwd: layout.project })));
    NEAR_MISSES.forEach(({ args, want, usage }, i) => {
      assert.equal(runs[i], { code: 2, stdout: '', stderr: `${want}\nusage: ${usage}\n` }, args.join(' '));
    });
  } finally {
    layout.cleanup();
  }
});

mistakes('an unknown command exits 2 with the nearest command, if one is close, and the list of commands on stderr', async () => {
  const [typo, far, viaHelp] = await Promise.all([cli(['valdiate', 'x.har']), cli(['frobnicate']), cli(['help', 'replya'])]);
  for (const [run, line] of [
    [typo, 'unknown command "valdiate"; did you mean validate?'],
    [far, 'unknown command "frobnicate"'],
    [viaHelp, 'unknown command "replya"; did you mean replay?'],
  ] as const) {
    assert.equal({ code: run.code, stdout: run.stdout }, { code: 2, stdout: '' }, line);
    assert.ok(run.stderr.startsWith(`${line}\nusage: guilded-gateway <command> [options]\n`), run.stderr);
    for (const name of NAMES) assert.match(run.stderr, `  ${name} `);
  }
});

mistakes('a mistake the command itself finds exits 2 the same way', async () => {
  const { code, stdout, stderr } = await cli(['validate']);
  assert.equal({ code, stdout, stderr }, { code: 2, stdout: '', stderr: `no files or folders to validate\nusage: ${COMMANDS.validate.usage}\n` });
});

mistakes.run();
// #endregion

// #region generate without its toolchain
const generate = suite('generate in an installed package');

const NOT_INSTALLED =
  'guilded-gateway generate: the generator is not part of the installed package; run it from a checkout of the repository: npm ci && npm run generate\n';

generate('says in one line to run it from a checkout, exit 1, whether the generator or only its libraries are missing', async () => {
  for (const generator of [false, true]) {
    const layout = installedLayout({ generator });
    try {
      const [plain, check] = await Promise.all([
        cli(['generate'], { main: layout.main, cwd: layout.project }),
        cli(['generate', '--check', '--spec', 'spec'], { main: layout.main, cwd: layout.project }),
      ]);
      assert.equal(plain, { code: 1, stdout: '', stderr: NOT_INSTALLED }, `generator copied: ${generator}`);
      assert.equal(check, plain);
    } finally {
      layout.cleanup();
    }
  }
});

generate.run();
// #endregion

// #region output
const output = suite('output');

/** Runs the command line with its stdout already closed by the reader, as `| head` does once it has its lines. */
async function withClosedStdout(args: string[]): Promise<ChildRun> {
  // The shell waits for a line on stdin, so that node starts only after the read end is closed.
  const child = spawn('sh', ['-c', 'read _ && exec "$0" "$@"', process.execPath, '--import', import.meta.resolve('tsx'), SOURCE_MAIN, ...args], { cwd: repoRoot });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdout.destroy();
  await once(child.stdout, 'close');
  child.stdin.end('\n');
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stdout: '', stderr };
}

output('a reader that goes away ends the output quietly: no error, and the exit code of the run', async () => {
  const folder = tempFolder({ 'capture.txt': '9\n' });
  try {
    const [helpRun, validateRun] = await Promise.all([withClosedStdout(['--help']), withClosedStdout(['validate', folder.file('capture.txt')])]);
    assert.equal(helpRun, { code: 0, stdout: '', stderr: '' });
    // An invalid frame: validate still exits 1.
    assert.equal(validateRun, { code: 1, stdout: '', stderr: '' });
  } finally {
    folder.cleanup();
  }
});

output.run();
// #endregion
