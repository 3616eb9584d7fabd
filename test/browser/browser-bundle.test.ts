import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isBuiltin } from 'node:module';
import { transform } from 'esbuild';
import { chromium, type BrowserContext } from 'playwright-core';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readCapture, type CapturedFrame } from '../../cli/replay/capture.js';
import { buildSchedule, type Schedule } from '../../cli/replay/schedule.js';
import { startReplay, type ReplayServer } from '../../cli/replay/server.js';
import { events } from '../../generated/index.js';
import { buildBrowserBundle, type BrowserBundle } from '../../scripts/browser-bundle.js';
import { within } from '../runtime/peers.js';
import type { Outcome } from './page.js';
import { serveStatic, type StaticServer } from './static-server.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SAMPLE = path.join(ROOT, 'generated/samples/session.har');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
// A ChatChannelTyping whose channelId is a number: only the full report says where it is wrong.
const INVALID_FRAME = '42["ChatChannelTyping",{"type":"ChatChannelTyping","channelId":7,"userId":"browser"}]';

/** The bundle built into a fresh folder, removed by `remove`. */
async function freshBundle(): Promise<{ bundle: BrowserBundle; remove: () => void }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'gg-browser-'));
  return { bundle: await buildBrowserBundle(path.join(dir, 'guilded-gateway.js')), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Runs `make` once, on the first call, for every test of a suite. uvu drops an error thrown in a `before`
 * hook without failing the run, so the work is done in the tests, where an error fails each of them.
 */
function lazily<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

const built = lazily(async () => {
  const { bundle, remove } = await freshBundle();
  remove();
  return bundle;
});

const contents = suite('the browser bundle');

contents('takes in no Node built-in and no ws, and imports nothing at run time but ws, lazily', async () => {
  const { metafile } = await built();
  const inputs = Object.keys(metafile.inputs);
  assert.equal(inputs.filter((input) => isBuiltin(input) || /(^|\/)node_modules\/ws\//.test(input)), []);
  const [output] = Object.values(metafile.outputs);
  assert.equal(output?.imports, [{ path: 'ws', kind: 'dynamic-import', external: true }]);
});

contents("takes the report loader's browser twin, as the package's browser field says", async () => {
  const inputs = Object.keys((await built()).metafile.inputs);
  assert.ok(inputs.includes('runtime/report-loader.browser.ts'), inputs.join(', '));
  assert.not.ok(inputs.includes('runtime/report-loader.ts'));
  assert.ok(inputs.includes('generated/validators-report.cjs'));
});

contents.run();

/** What a page in Chromium saw of the replay of `schedule`. */
interface PageRun {
  readonly schedule: Schedule;
  readonly outcome: Outcome;
}

/** Builds the bundle, serves it with the page, replays the sample plus one invalid frame, and runs the page in Chromium. */
async function runPage(): Promise<PageRun> {
  const capture = await readCapture(SAMPLE);
  const frames: CapturedFrame[] = [...capture.frames, { direction: 'in', data: INVALID_FRAME, time: capture.frames.at(-1)?.time }];
  const schedule = buildSchedule(frames, Infinity);
  const { bundle, remove } = await freshBundle();
  const profile = mkdtempSync(path.join(tmpdir(), 'gg-chromium-'));
  let replay: ReplayServer | undefined;
  let site: StaticServer | undefined;
  let browser: BrowserContext | undefined;
  try {
    const script = await transform(readFileSync(path.join(import.meta.dirname, 'page.ts'), 'utf8'), { loader: 'ts', format: 'esm', target: 'es2022' });
    replay = await startReplay({ schedule });
    site = await serveStatic(
      new Map([
        ['/', { type: 'text/html', body: '<!doctype html><link rel="icon" href="data:,"><title>guilded-gateway</title>' }],
        ['/page.js', { type: 'text/javascript', body: script.code }],
        ['/guilded-gateway.js', { type: 'text/javascript', body: readFileSync(bundle.file) }],
      ]),
    );
    browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const tab = browser.pages()[0] ?? (await browser.newPage());
    const thrown = new Promise<never>((_, reject) => tab.on('pageerror', (error) => reject(new Error(`the page threw: ${error.message}`))));
    await tab.goto(`${site.origin}/`);
    // Every event of the schedule, plus the invalidPayload that comes before the invalid frame's event.
    const count = schedule.frames.length + 1;
    const run = `import('/page.js').then((page) => page.run('/guilded-gateway.js', ${JSON.stringify(replay.url)}, ${count}))`;
    const outcome = (await within(15_000, Promise.race([tab.evaluate(run), thrown]), 'the page to receive the replay')) as Outcome;
    return { schedule, outcome };
  } finally {
    await browser?.close();
    await site?.close();
    await replay?.close();
    remove();
    rmSync(profile, { recursive: true, force: true });
  }
}

const pageRun = lazily(runPage);
const hasChromium = existsSync(CHROMIUM);
const page = suite('the bundle in headless Chromium, against the replay gateway');
if (!hasChromium) page.before(() => console.log(`\n  skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`));
const test = hasChromium ? page : page.skip;

test('connects through the native WebSocket and is ready, with no error reported', async () => {
  const { outcome } = await pageRun();
  assert.is(outcome.statusWhenConnected, 'ready');
  assert.equal(outcome.errors, []);
});

test('receives every replayed event, by its spec name and in order, and a typed listener reads their fields', async () => {
  const { schedule, outcome } = await pageRun();
  const expected = schedule.frames.flatMap((frame) => {
    const name = events[frame.name]?.name ?? 'unknownEvent';
    return frame.data === INVALID_FRAME ? ['invalidPayload', name] : [name];
  });
  assert.equal(outcome.names, expected);
  const sent = schedule.frames.filter((frame) => frame.name === 'ChatMessageCreated');
  const ids = sent.map((frame) => (JSON.parse((frame.data as string).slice(2)) as [string, { message: { id: string } }])[1].message.id);
  assert.ok(ids.length > 0);
  assert.equal(outcome.messageIds, ids);
});

test('reports an invalid payload in full, with JSON pointers: the browser twin of the report loader ran', async () => {
  const { outcome } = await pageRun();
  assert.is(outcome.invalid.length, 1);
  assert.equal(outcome.invalid[0]?.map((error) => error.pointer), ['/channelId']);
});

test('closes cleanly with 1000 when the page closes it', async () => {
  const { outcome } = await pageRun();
  assert.is(outcome.close?.code, 1000);
  assert.is(outcome.statusAfterClose, 'closed');
});

test('without an injected WebSocket, connect() fails with one clear line, since the bundle has no ws', async () => {
  const { outcome } = await pageRun();
  assert.is(outcome.withoutWebSocket?.code, 'CONNECTION_FAILED');
  assert.match(outcome.withoutWebSocket?.message ?? '', /^could not load the ws package \(.+\); in a browser, pass the createWebSocket option; the session ended$/);
});

page.run();
