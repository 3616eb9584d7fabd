/**
 * The watch figure's child: `generate --watch` over a copy of the spec, in this process as the command
 * runs it, then one field of ChatMessageCreated added and taken away, save after save. Prints one JSON
 * line: the first full run and each edit's time from the save to the files written, in ms, wall and CPU
 * (the machine is shared: CPU time does not count what other processes took).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SpecWatcher, type RunReport } from '../generator/watch.js';

const EDITS = Number(process.argv[2] ?? 7);
const SPEC = new URL('../spec/', import.meta.url).pathname;
const FIELD_AFTER = "        createdBy: { type: string, description: \"The author's user id, as message.createdBy.\" }\n";
const FIELD = '        isPinned: { type: boolean, optional: true }\n';

const root = mkdtempSync(path.join(tmpdir(), 'gg-bench-watch-'));
const specDir = path.join(root, 'spec');
cpSync(SPEC, specDir, { recursive: true, filter: (source) => !source.includes(`${path.sep}reference`) });
const file = path.join(specDir, 'events/chat-messages.yaml');
const original = readFileSync(file, 'utf8');
if (!original.includes(FIELD_AFTER)) throw new Error(`spec/events/chat-messages.yaml has no ${JSON.stringify(FIELD_AFTER)}`);

const quiet = { write: () => true } as unknown as NodeJS.WritableStream;
const watcher = new SpecWatcher({ specDir, outDir: path.join(root, 'generated') }, quiet, process.stderr);
const stop = new AbortController();
let settle: ((report: RunReport) => void) | undefined;
const nextRun = () => new Promise<RunReport>((resolve) => (settle = resolve));
let first = nextRun();
const watching = watcher.watch(stop.signal, (report) => settle?.(report));

try {
  const firstRun = await first;
  if (!firstRun.ok) throw new Error('the first run failed');
  // The watcher is armed once the first run has printed; give the OS a moment to deliver no stale event.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const edits: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    first = nextRun();
    const saved = performance.now();
    const usage = process.cpuUsage();
    writeFileSync(file, i % 2 === 0 ? original.replace(FIELD_AFTER, FIELD_AFTER + FIELD) : original);
    const report = await first;
    if (!report.ok || report.written.length === 0) throw new Error(`edit ${i} did not regenerate`);
    edits.push(performance.now() - saved);
    const { user, system } = process.cpuUsage(usage);
    cpu.push((user + system) / 1000);
  }
  process.stdout.write(`${JSON.stringify({ firstMs: firstRun.ms, editMs: edits, editCpuMs: cpu })}\n`);
} finally {
  stop.abort();
  await watching;
  rmSync(root, { recursive: true, force: true });
}
