import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../', import.meta.url));

const pack = suite('npm pack');

pack('the tarball installs into an empty project and imports with plain Node', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gg-pack-'));
  try {
    // npm pack builds dist/ through the prepare script, as publishing would.
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', dir], { cwd: repo, maxBuffer: 64 << 20 });
    const [{ filename }] = JSON.parse(stdout) as [{ filename: string }];
    const project = path.join(dir, 'project');
    await run('mkdir', ['-p', project]);
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', path.join(dir, filename)], { cwd: project });

    const script = `
      import { events, commands, validateEvent, validateCommand } from 'guilded-gateway';
      const typing = validateCommand('ChatChannelTyping', { channelId: 'd2242862-401c-42f8-9ce2-0c75977475a6' });
      const bad = validateEvent('ChatChannelTyping', { type: 'ChatChannelTyping', channelId: 7 });
      console.log(JSON.stringify({ events: Object.keys(events).length, commands: Object.keys(commands).length, typing: typing.ok, bad: bad.errors }));
    `;
    const result = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: project });
    const seen = JSON.parse(result.stdout) as { events: number; commands: number; typing: boolean; bad: { pointer: string }[] };
    assert.ok(seen.events > 100, `${seen.events} events in the table`);
    assert.is(seen.commands, 3);
    assert.is(seen.typing, true);
    assert.ok(seen.bad.some((error) => error.pointer === '/channelId'));

    const bin = path.join(project, 'node_modules', '.bin', 'guilded-gateway');
    assert.match((await run(bin, ['help'], { cwd: project })).stdout, /validate/);
    // The main job runs from the installed package too: replay, client and validate, no network.
    const demo = await run(bin, ['demo'], { cwd: project });
    assert.match(demo.stdout, /ChatMessageCreated/);
    assert.match(demo.stdout, /guilded-gateway validate/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

pack.run();
