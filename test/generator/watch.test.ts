/**
 * generate --watch over a small spec in a temp folder, real files and real saves: what each run prints,
 * a spec error that leaves the session running, and stopping. Nothing here is timed: each step waits
 * for the run the save caused.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { SpecWatcher, type RunReport } from '../../generator/watch.js';
import { BASE, writeSpec } from './spec-fixture.js';

/** Collects what a stream is written. */
function sink(): { stream: NodeJS.WritableStream; text: () => string; clear: () => void } {
  let text = '';
  const stream = { write: (chunk: string) => ((text += chunk), true) } as unknown as NodeJS.WritableStream;
  return { stream, text: () => text, clear: () => (text = '') };
}

/** A watch session over BASE: `save` writes a spec file and resolves with the run it caused. */
function session() {
  const { dir, cleanup } = writeSpec();
  const outDir = path.join(path.dirname(dir), 'generated');
  const [out, err] = [sink(), sink()];
  const stop = new AbortController();
  let waiting: ((report: RunReport) => void) | undefined;
  const nextRun = () => new Promise<RunReport>((resolve) => (waiting = resolve));
  const first = nextRun();
  const watching = new SpecWatcher({ specDir: dir, outDir, debounceMs: 50 }, out.stream, err.stream).watch(stop.signal, (report) => waiting?.(report));
  return {
    dir,
    outDir,
    out,
    err,
    first,
    watching,
    async save(file: string, text: string): Promise<RunReport> {
      const run = nextRun();
      out.clear();
      err.clear();
      writeFileSync(path.join(dir, file), text);
      return run;
    },
    async stop() {
      stop.abort();
      await watching;
      cleanup();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

const chat = BASE['events/chat.yaml']!;
const withField = chat.replace('        message: { $ref: Message }\n', '        message: { $ref: Message }\n        isPinned: { type: boolean, optional: true }\n');

const watching = suite('generate --watch');

watching('the first run writes every file and says so, then that it is watching', async () => {
  const s = session();
  try {
    const first = await s.first;
    assert.ok(first.ok);
    assert.ok(first.written.includes('types.ts'));
    await new Promise((resolve) => setImmediate(resolve));
    assert.match(s.out.text(), /^wrote \d+ files to .*generated\/ in [\d.]+ m?s: .*types\.ts/);
    assert.match(s.out.text(), /\nwatching .*spec\/ for saves \(Ctrl\+C stops\)\n$/);
  } finally {
    await s.stop();
  }
});

watching('a one-field edit rewrites only the files it changes, and says what changed in the spec', async () => {
  const s = session();
  try {
    await s.first;
    const run = await s.save('events/chat.yaml', withField);
    assert.ok(run.ok);
    assert.ok(run.written.includes('types.ts') && !run.written.includes('protocol.ts'), run.written.join(', '));
    assert.match(readFileSync(path.join(s.outDir, 'types.ts'), 'utf8'), 'isPinned?: boolean;');
    assert.match(s.out.text(), 'since the last run: 1 change: 1 non-breaking; the package needs a minor release');
  } finally {
    await s.stop();
  }
});

watching('an event added is named', async () => {
  const s = session();
  try {
    await s.first;
    const extra = 'events:\n  ChatMessageDeleted:\n    description: A message was deleted.\n    status: name-only\n    sources: [deck]\n    payload: {}\n    examples:\n      - { type: ChatMessageDeleted }\n';
    await s.save('events/deleted.yaml', extra);
    assert.match(s.out.text(), '\n  events added: ChatMessageDeleted\n');
  } finally {
    await s.stop();
  }
});

watching('a spec error is printed with file:line:col, nothing is written, and the next save regenerates', async () => {
  const s = session();
  try {
    await s.first;
    const broken = await s.save('events/chat.yaml', withField.replace('type: boolean', 'type: boolen'));
    assert.equal({ ok: broken.ok, written: broken.written }, { ok: false, written: [] });
    assert.match(s.err.text(), /spec\/events\/chat\.yaml:\d+:\d+: events\.ChatMessageCreated\.payload\.properties\.isPinned\.type: "boolen" is not a type/);
    assert.match(s.err.text(), /\nwaiting for the next save\n$/);
    assert.not.match(readFileSync(path.join(s.outDir, 'types.ts'), 'utf8'), 'isPinned');
    const fixed = await s.save('events/chat.yaml', withField);
    assert.ok(fixed.ok);
    assert.match(readFileSync(path.join(s.outDir, 'types.ts'), 'utf8'), 'isPinned?: boolean;');
  } finally {
    await s.stop();
  }
});

watching('aborting (Ctrl+C) ends the session: watch resolves', async () => {
  const s = session();
  await s.first;
  await s.stop();
  assert.is(await s.watching, undefined);
});
watching.run();
