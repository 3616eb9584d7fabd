// The package as its users receive it: `npm pack`, installed offline into an empty project, then
// type-checked under the strictest settings (ESM and CommonJS), imported and required from plain
// Node, and its command line run from node_modules/.bin.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { repoRoot } from '../cli/cli-fixture.js';

const run = promisify(execFile);
const tsc = path.join(repoRoot, 'node_modules/typescript/bin/tsc');

/** The install budget a bot author pays: the package, ws, and yaml for infer. */
const MAX_PACKAGES = 3;
// 2.5 MB as the README states it, in decimal megabytes.
const MAX_INSTALLED_BYTES = 2_500_000;

/** The settings a careful consumer uses; skipLibCheck off, so the package's own declarations are checked too. */
const STRICTEST = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  noPropertyAccessFromIndexSignature: true,
  skipLibCheck: false,
  noEmit: true,
  target: 'es2022',
  types: [],
};

const dir = mkdtempSync(path.join(tmpdir(), 'gg-pack-'));
const project = path.join(dir, 'project');

function writeJson(file: string, value: unknown): void {
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

async function packTarballs(): Promise<string[]> {
  // npm pack builds dist/ through the prepare script, as publishing does.
  const own = await run('npm', ['pack', '--json', '--pack-destination', dir], { cwd: repoRoot, maxBuffer: 64 << 20 });
  // The dependencies come from the repository's own install: the test needs no network.
  const deps = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir, './node_modules/ws', './node_modules/yaml'], {
    cwd: repoRoot,
    maxBuffer: 64 << 20,
  });
  return [...JSON.parse(own.stdout), ...JSON.parse(deps.stdout)].map(({ filename }: { filename: string }) => path.join(dir, filename));
}

/** Every file's bytes under a folder. */
function bytesUnder(folder: string): number {
  let total = 0;
  for (const entry of readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
    const stats = statSync(path.join(folder, entry), { throwIfNoEntry: false });
    if (stats?.isFile()) total += stats.size;
  }
  return total;
}

/** The installed packages: node_modules' folders, scoped ones counted one by one. */
function installedPackages(modules: string): string[] {
  return readdirSync(modules)
    .filter((name) => !name.startsWith('.'))
    .flatMap((name) => (name.startsWith('@') ? readdirSync(path.join(modules, name)).map((inner) => `${name}/${inner}`) : [name]));
}

const installed = suite('the packed package, installed into an empty project');

// Packed and installed once, at the top level: uvu reports a failing before hook as 0 passed and exits 0.
mkdirSync(project);
writeJson(path.join(project, 'package.json'), { name: 'consumer', private: true, type: 'module' });
await run('npm', ['install', '--offline', '--cache', path.join(dir, 'empty-cache'), '--no-audit', '--no-fund', '--ignore-scripts', ...(await packTarballs())], {
  cwd: project,
});

installed.after(() => rmSync(dir, { recursive: true, force: true }));

installed(`a bot author installs at most ${MAX_PACKAGES} packages, under 2.5 MB in all`, () => {
  const modules = path.join(project, 'node_modules');
  const packages = installedPackages(modules);
  const bytes = bytesUnder(modules);
  console.log(`  npm install <tarball>: ${packages.length} packages (${packages.join(', ')}), ${bytes.toLocaleString('en')} bytes`);
  assert.equal(packages.sort(), ['guilded-gateway', 'ws', 'yaml']);
  assert.ok(packages.length <= MAX_PACKAGES);
  assert.ok(bytes < MAX_INSTALLED_BYTES, `${bytes} bytes installed`);
});

/** A bot on the client, and a worker on guilded-gateway/broker (type-checked without ioredis installed). */
const CONSUMER_FILES = ['bot.ts', 'worker.ts'];

async function typeCheck(folder: string, compilerOptions: Record<string, unknown>, type: 'module' | 'commonjs'): Promise<void> {
  mkdirSync(folder, { recursive: true });
  for (const file of CONSUMER_FILES) copyFileSync(path.join(repoRoot, 'test/package/consumer', file), path.join(folder, file));
  writeJson(path.join(folder, 'package.json'), { name: `consumer-${type}`, private: true, type });
  writeJson(path.join(folder, 'tsconfig.json'), { compilerOptions: { ...STRICTEST, ...compilerOptions }, files: CONSUMER_FILES });
  try {
    await run(process.execPath, [tsc, '-p', folder], { cwd: folder });
  } catch (error) {
    const { stdout } = error as { stdout: string };
    assert.unreachable(`tsc found errors in the installed package or the bot:\n${stdout}`);
  }
}

installed('a strict ESM project (module nodenext, skipLibCheck off) type-checks a bot and a broker worker with no error', async () => {
  await typeCheck(path.join(project, 'esm'), { module: 'nodenext', moduleResolution: 'nodenext' }, 'module');
});

installed('a CommonJS project (module node16) type-checks the same bot and worker with no error', async () => {
  await typeCheck(path.join(project, 'cjs'), { module: 'node16', moduleResolution: 'node16' }, 'commonjs');
});

installed('the type-check fails when the bot is wrong, so the passes above mean something', async () => {
  const folder = path.join(project, 'wrong');
  mkdirSync(folder);
  writeFileSync(path.join(folder, 'bot.ts'), "import { GatewayClient } from 'guilded-gateway';\nnew GatewayClient({ cookie: 'c' }).on('ChatMessageCreated', (p) => p.messageText);\n");
  writeJson(path.join(folder, 'tsconfig.json'), { compilerOptions: { ...STRICTEST, module: 'nodenext' }, files: ['bot.ts'] });
  const failed = await run(process.execPath, [tsc, '-p', folder], { cwd: folder }).then(
    () => undefined,
    (error: { stdout: string }) => error.stdout,
  );
  assert.match(failed ?? '', /messageText/);
});

/** What both module systems print: the tables' sizes and one valid and one invalid validation. */
const PROBE = `
  const typing = gg.validateCommand('ChatChannelTyping', { channelId: 'd2242862-401c-42f8-9ce2-0c75977475a6' });
  const bad = gg.validateEvent('ChatChannelTyping', { type: 'ChatChannelTyping', channelId: 7, userId: 'a1b2c3d4' });
  console.log(JSON.stringify({ events: Object.keys(generated.events).length, commands: Object.keys(gg.commands).length, typing: typing.ok, bad: bad.errors }));
`;

function assertProbe(stdout: string, stderr: string): void {
  const seen = JSON.parse(stdout) as { events: number; commands: number; typing: boolean; bad: { pointer: string; message: string }[] };
  assert.ok(seen.events > 100, `${seen.events} events in the table`);
  assert.is(seen.commands, 3);
  assert.is(seen.typing, true);
  // The full report is loaded lazily on this first failure; its errors are the same as in the repository.
  assert.equal(seen.bad, [{ pointer: '/channelId', message: 'must be string' }]);
  assert.is(stderr, '', 'nothing on stderr, no experimental warning');
}

installed('plain Node imports it as ESM and validates', async () => {
  const script = `import * as gg from 'guilded-gateway'; import * as generated from 'guilded-gateway/generated'; ${PROBE}`;
  const { stdout, stderr } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: project });
  assertProbe(stdout, stderr);
});

installed('plain Node requires it from CommonJS and validates', async () => {
  const script = `const gg = require('guilded-gateway'); const generated = require('guilded-gateway/generated'); ${PROBE}`;
  const { stdout, stderr } = await run(process.execPath, ['--input-type=commonjs', '-e', script], { cwd: project });
  assertProbe(stdout, stderr);
});

installed('guilded-gateway/broker without ioredis, imported or required: one line naming the peer dependency to install', async () => {
  const want = 'guilded-gateway/broker needs ioredis, an optional peer dependency that is not installed: npm install ioredis\n';
  const imported = `import('guilded-gateway/broker').then(() => console.log('loaded'), (error) => console.log(error.message));`;
  assert.is((await run(process.execPath, ['--input-type=module', '-e', imported], { cwd: project })).stdout, want);
  const required = `try { require('guilded-gateway/broker'); console.log('loaded'); } catch (error) { console.log(error.message); }`;
  assert.is((await run(process.execPath, ['--input-type=commonjs', '-e', required], { cwd: project })).stdout, want);
  const published = await run(path.join(project, 'node_modules', '.bin', 'guilded-gateway'), ['publish'], { cwd: project }).then(
    () => ({ code: 0, stderr: 'publish ran without ioredis' }),
    (error: { code: number; stderr: string }) => error,
  );
  assert.is(published.code, 1);
  assert.is(published.stderr, `publish: ${want}`);
});

installed('the command line runs from node_modules/.bin: version, help, validate and the demo, no network', async () => {
  const bin = path.join(project, 'node_modules', '.bin', 'guilded-gateway');
  const { version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  assert.is((await run(bin, ['--version'], { cwd: project })).stdout, `${version}\n`);
  assert.match((await run(bin, ['help'], { cwd: project })).stdout, /validate/);
  assert.match((await run(bin, ['validate', '--help'], { cwd: project })).stdout, /--fail-on/);
  const sample = path.join(project, 'node_modules/guilded-gateway/dist/generated/samples/session.har');
  const validated = await run(bin, ['validate', sample, '--json'], { cwd: project });
  assert.ok((JSON.parse(validated.stdout) as { summary: { frames: number } }).summary.frames > 0);
  const demo = await run(bin, ['demo'], { cwd: project });
  assert.match(demo.stdout, /ChatMessageCreated/);
  assert.match(demo.stdout, /guilded-gateway validate/);
});

installed('generate, which the package leaves out, says in one line where to run it', async () => {
  const bin = path.join(project, 'node_modules', '.bin', 'guilded-gateway');
  const failed = await run(bin, ['generate'], { cwd: project }).then(
    () => ({ code: 0, stdout: '', stderr: 'generate succeeded in an installed package' }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
  assert.is(failed.code, 1);
  assert.is(failed.stdout, '');
  assert.is(failed.stderr, 'guilded-gateway generate: the generator is not part of the installed package; run it from a checkout of the repository: npm ci && npm run generate\n');
});

installed.run();
