import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { helpText, parseCommandArgs, type CommandSpec } from '../../cli/arguments.js';
import { capture } from './cli-fixture.js';

const SPEC = {
  usage: 'tool <files...> [--out DIR] [--quiet]',
  about: 'Does a thing.',
  options: {
    out: { type: 'string', default: 'here', value: 'DIR', help: 'where to put it' },
    quiet: { type: 'boolean', short: 'q', default: false, help: 'say less' },
  },
  positionals: true,
} as const satisfies CommandSpec;

/** Parses `args` with SPEC, with what it printed. */
async function parse(args: string[], spec: CommandSpec = SPEC) {
  let parsed: ReturnType<typeof parseCommandArgs> | undefined;
  const printed = await capture(async (given) => {
    parsed = parseCommandArgs(spec, given);
    return typeof parsed === 'number' ? parsed : -1;
  }, args);
  // parseArgs' values have no prototype; spread, they compare as plain objects.
  return { parsed: typeof parsed === 'object' ? { ...parsed, values: { ...parsed.values } } : parsed, ...printed };
}

const parsing = suite('parseCommandArgs');

parsing('gives the values, defaults filled in, and the positionals', async () => {
  const { parsed, stdout, stderr } = await parse(['a.har', '-q', 'b.har', '--out=dist']);
  assert.equal(parsed, { values: { out: 'dist', quiet: true }, positionals: ['a.har', 'b.har'] });
  assert.equal([stdout, stderr], ['', '']);
  assert.equal((await parse([])).parsed, { values: { out: 'here', quiet: false }, positionals: [] });
});

parsing('prints the help on stdout and stops with 0 for -h or --help, also grouped with other short options', async () => {
  for (const args of [['--help'], ['-h'], ['-qh'], ['a.har', '--out', 'x', '--help']]) {
    const { parsed, stdout, stderr } = await parse(args);
    assert.equal({ parsed, stdout, stderr }, { parsed: 0, stdout: helpText(SPEC), stderr: '' }, args.join(' '));
  }
});

parsing('takes what follows -- as arguments, --help included', async () => {
  assert.equal((await parse(['--', '--help', '-q'])).parsed, { values: { out: 'here', quiet: false }, positionals: ['--help', '-q'] });
});

const MISTAKES: Array<{ args: string[]; spec?: CommandSpec; want: string }> = [
  { args: ['--qiuet'], want: 'unknown option --qiuet; did you mean --quiet?' },
  { args: ['-x'], want: 'unknown option -x' },
  { args: ['-qx'], want: 'unknown option -qx' },
  { args: ['--toString'], want: 'unknown option --toString' },
  { args: ['--quiet=yes'], want: '--quiet takes no value' },
  { args: ['--out'], want: '--out needs a value' },
  { args: ['--out', '-q'], want: '--out needs a value, not -q; write --out=-q if that is the value' },
  { args: ['a.har'], spec: { ...SPEC, positionals: false }, want: 'unexpected argument "a.har": this command takes options only' },
];

for (const { args, spec, want } of MISTAKES) {
  parsing(`${JSON.stringify(args.join(' '))} is refused with exit 2: ${want}`, async () => {
    const { parsed, stdout, stderr } = await parse(args, spec);
    assert.equal({ parsed, stdout, stderr }, { parsed: 2, stdout: '', stderr: `${want}\nusage: ${SPEC.usage}\n` });
  });
}

parsing.run();

const help = suite('helpText');

help('lays out the usage, what the command does, and one aligned line per option, --help last', () => {
  assert.is(
    helpText(SPEC),
    [
      'usage: tool <files...> [--out DIR] [--quiet]',
      '',
      'Does a thing.',
      '',
      'options:',
      '      --out DIR  where to put it',
      '  -q, --quiet    say less',
      '  -h, --help     print this help and exit',
      '',
    ].join('\n'),
  );
});

help.run();
