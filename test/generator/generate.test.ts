import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Writable } from 'node:stream';
import { Project, ts } from 'ts-morph';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runGenerate } from '../../generator/cli.js';
import { BASE, generateWith, writeSpec } from './spec-fixture.js';

const chat = BASE['events/chat.yaml']!;
/** ChatMessageCreated with one more field, and that field in its example too. */
const field = (yaml: string, key: string, example: unknown) =>
  chat
    .replace('        message: { $ref: Message }\n', `        message: { $ref: Message }\n${yaml}`)
    .concat(example === undefined ? '' : `        ${key}: ${JSON.stringify(example)}\n`);

/** Each case: one field added to ChatMessageCreated, and what the generated types and validators must say. */
const fieldCases: { name: string; given: string; types: string; valid: unknown[]; invalid: unknown[] }[] = [
  { name: 'a required string', given: '        note: { type: string }\n', types: 'note: string;', valid: ['x'], invalid: [1, null] },
  { name: 'an optional field', given: '        note: { type: string, optional: true }\n', types: 'note?: string;', valid: ['x', undefined], invalid: [null] },
  { name: 'a nullable field', given: '        note: { type: string, nullable: true }\n', types: 'note: (string | null);', valid: ['x', null], invalid: [undefined] },
  { name: 'an integer or a string', given: '        contentId: { type: [integer, string] }\n', types: 'contentId: (number | string);', valid: [3, 'a'], invalid: [1.5, true] },
  { name: 'an enum', given: '        channelType: { type: string, enum: [Team, DM] }\n', types: 'channelType: ("Team" | "DM");', valid: ['DM'], invalid: ['team'] },
  { name: 'a nullable enum', given: '        channelType: { type: string, enum: [Team, DM], nullable: true }\n', types: 'channelType: ("Team" | "DM" | null);', valid: [null, 'Team'], invalid: ['dm'] },
  { name: 'a nullable reference', given: '        replyTo: { $ref: Message, nullable: true }\n', types: 'replyTo: Message | null;', valid: [null, { id: 'b943384a-d951-4323-8e26-8e3e6b7c431a' }], invalid: [{}] },
  { name: 'a map of references', given: '        byId: { type: object, additionalProperties: { $ref: Message } }\n', types: 'byId: {\n    [k: string]: Message | undefined;\n  };', valid: [{}, { a: { id: 'b943384a-d951-4323-8e26-8e3e6b7c431a' } }], invalid: [{ a: 1 }] },
  { name: 'an array of uuids', given: '        ids: { type: array, items: { type: string, format: uuid } }\n', types: 'ids: Uuid[];', valid: [[], ['b943384a-d951-4323-8e26-8e3e6b7c431a']], invalid: [['nope']] },
  { name: 'a date-time', given: '        at: { type: string, format: date-time }\n', types: 'at: IsoTimestamp;', valid: ['2021-03-07T05:22:09.597Z', '2021-03-07T05:22:09+02:00'], invalid: ['yesterday'] },
  { name: 'a small integer range', given: '        level: { type: integer, minimum: 1, maximum: 3 }\n', types: 'level: (1 | 2 | 3);', valid: [1, 3], invalid: [0, 4, 2.5] },
  { name: 'a free-form object', given: '        data: { type: object }\n', types: 'data: Record<string, unknown>;', valid: [{}, { anything: [1] }], invalid: [[], 'x'] },
  { name: 'an alternative of shapes', given: '        id: { anyOf: [{ type: integer }, { type: string, format: uuid }] }\n', types: 'id: (number | Uuid);', valid: [7, 'b943384a-d951-4323-8e26-8e3e6b7c431a'], invalid: ['7'] },
];

const base = {
  type: 'ChatMessageCreated',
  channelId: 'd2242862-401c-42f8-9ce2-0c75977475a6',
  message: { id: 'b943384a-d951-4323-8e26-8e3e6b7c431a' },
};

/** Loads a generated validators module from text, as Node would load the committed file. */
async function loadValidators(files: ReadonlyMap<string, string>): Promise<Record<string, (data: unknown) => boolean>> {
  const url = `data:text/javascript;base64,${Buffer.from(files.get('validators.js')!).toString('base64')}`;
  return import(url);
}

const fields = suite('schema nodes become types and validators');
for (const { name, given, types, valid, invalid } of fieldCases) {
  fields(name, async () => {
    const key = given.trim().split(':')[0]!;
    const { files, problems } = await generateWith({ 'events/chat.yaml': field(given, key, valid[0]) });
    assert.is(problems, undefined, problems?.join('\n'));
    assert.ok(files!.get('types.ts')!.includes(types), `types.ts should contain ${types}`);
    const { validateChatMessageCreatedPayload: validate } = await loadValidators(files!);
    for (const value of valid) {
      const payload = value === undefined ? base : { ...base, [key]: value };
      assert.ok(validate!(payload), `${JSON.stringify(value)} should be valid`);
    }
    for (const value of invalid) {
      const payload = value === undefined ? base : { ...base, [key]: value };
      assert.not.ok(validate!(payload), `${JSON.stringify(value)} should be invalid`);
    }
  });
}
fields.run();

const output = suite('generated output');

output('generating twice gives identical bytes', async () => {
  const first = await generateWith();
  const second = await generateWith();
  assert.equal([...first.files!.keys()], [...second.files!.keys()]);
  for (const [name, text] of first.files!) assert.is(second.files!.get(name), text, `${name} differs between runs`);
});

/** How each kind of generated file opens its header comment. */
const HEADER_OPENINGS: Record<string, string> = {
  '.ts': '// Generated by',
  '.js': '// Generated by',
  '.cjs': '// Generated by',
  '.cts': '// Generated by',
  '.md': '<!--\nGenerated by',
  '.yaml': '# Generated by',
  '.json': '{\n  "$comment": "Generated by',
};

output('every generated file starts with the generated-from-spec header in its own comment syntax', async () => {
  const { files } = await generateWith();
  for (const [name, text] of files!) {
    const opening = HEADER_OPENINGS[path.extname(name)];
    assert.ok(opening, `${name} has no known header form`);
    assert.ok(text.startsWith(`${opening} guilded-gateway from the spec. Do not edit`), `${name} lacks the header`);
  }
});

output('types are closed: the payload interface has no index signature', async () => {
  const { files } = await generateWith();
  const payload = /export interface ChatMessageCreatedPayload \{[\s\S]*?\n\}/.exec(files!.get('types.ts')!)![0];
  assert.not.match(payload, /\[k: string\]/);
  assert.match(payload, /type: "ChatMessageCreated";/);
});

output('the type tag accepts every wire spelling of an event', async () => {
  const { files } = await generateWith({
    'events/groups.yaml': `events:
  TEAM_GROUP_UPDATED:
    description: A group changed.
    status: name-only
    sources: [gapi]
    wireNames: [TeamGroupUpdated]
    payload: {}
    examples: [{ type: TEAM_GROUP_UPDATED }, { type: TeamGroupUpdated }]
`,
  });
  assert.match(files!.get('types.ts')!, 'type: ("TEAM_GROUP_UPDATED" | "TeamGroupUpdated");');
  assert.match(files!.get('dispatcher.ts')!, 'TeamGroupUpdated: eventEntries["TEAM_GROUP_UPDATED"]');
});

output('text from the spec cannot break out of comments or strings', async () => {
  const hostile = 'ends */ a comment, `backtick ${x}`, \u2028 line separator, "quotes" and \\\\ backslash';
  const { files, problems } = await generateWith({
    'events/chat.yaml': chat
      .replace('description: A message was sent.', `description: ${JSON.stringify(hostile)}`)
      .replace('channelId: { type: string, format: uuid }', `channelId: { type: string, format: uuid, description: ${JSON.stringify(hostile)} }`),
  });
  assert.is(problems, undefined);
  const dir = mkdtempSync(path.join(tmpdir(), 'gg-gen-'));
  try {
    for (const [name, text] of files!) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    const project = new Project({
      compilerOptions: { strict: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, allowJs: true, noEmit: true, skipLibCheck: true, types: [] },
    });
    project.addSourceFilesAtPaths(path.join(dir, '*.ts'));
    const diagnostics = project.getPreEmitDiagnostics().map((d) => ts.flattenDiagnosticMessageText(d.getMessageText() as string, '\n'));
    assert.equal(diagnostics, []);
    const { events } = await import(path.join(dir, 'dispatcher.ts'));
    assert.is(events.ChatMessageCreated.description, hostile, 'the description survives as data');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

output.run();

const check = suite('npm run generate -- --check');

/** Runs the generate command against a fresh spec and output folder; returns exit code and what it printed. */
async function run(options: { check: boolean; specDir: string; outDir: string }) {
  let out = '';
  let err = '';
  const sink = (append: (text: string) => void) => new Writable({ write: (chunk, _enc, done) => (append(String(chunk)), done()) });
  const code = await runGenerate(options, sink((t) => (out += t)) as never, sink((t) => (err += t)) as never);
  return { code, out, err };
}

check('passes right after generating, and fails naming a hand-edited file with a diff', async () => {
  const { dir, cleanup } = writeSpec();
  const outDir = path.join(path.dirname(dir), 'generated');
  try {
    assert.is((await run({ check: false, specDir: dir, outDir })).code, 0);
    assert.is((await run({ check: true, specDir: dir, outDir })).code, 0);

    const typesFile = path.join(outDir, 'types.ts');
    writeFileSync(typesFile, readFileSync(typesFile, 'utf8').replace('channelId: Uuid;', 'channelId: number;'));
    const result = await run({ check: true, specDir: dir, outDir });
    assert.is(result.code, 1);
    assert.match(result.err, /is stale; run `npm run generate`/);
    assert.match(result.err, /generated\/types\.ts/);
    assert.match(result.err, /^-  channelId: number;$/m);
    assert.match(result.err, /^\+  channelId: Uuid;$/m);
  } finally {
    cleanup();
  }
});

check('a file the spec no longer generates is stale too', async () => {
  const { dir, cleanup } = writeSpec();
  const outDir = path.join(path.dirname(dir), 'generated');
  try {
    await run({ check: false, specDir: dir, outDir });
    writeFileSync(path.join(outDir, 'leftover.ts'), 'export {};\n');
    const result = await run({ check: true, specDir: dir, outDir });
    assert.is(result.code, 1);
    assert.match(result.err, /leftover\.ts/);
  } finally {
    cleanup();
  }
});

check('files in subfolders are written, checked, and removed when no longer generated', async () => {
  const { dir, cleanup } = writeSpec();
  const outDir = path.join(path.dirname(dir), 'generated');
  try {
    await run({ check: false, specDir: dir, outDir });
    const docs = path.join(outDir, 'docs', 'gateway.md');
    writeFileSync(docs, readFileSync(docs, 'utf8').replace('## Heartbeat', '## Heartbeats'));
    writeFileSync(path.join(outDir, 'docs', 'leftover.md'), 'old\n');
    const stale = await run({ check: true, specDir: dir, outDir });
    assert.is(stale.code, 1);
    assert.match(stale.err, /generated\/docs\/gateway\.md$/m);
    assert.match(stale.err, /generated\/docs\/leftover\.md$/m);
    assert.match(stale.err, /^-## Heartbeats$/m);

    assert.is((await run({ check: false, specDir: dir, outDir })).code, 0);
    assert.throws(() => readFileSync(path.join(outDir, 'docs', 'leftover.md')));
    assert.is((await run({ check: true, specDir: dir, outDir })).code, 0);
  } finally {
    cleanup();
  }
});

check('a broken spec writes nothing and exits 1 with located problems', async () => {
  const { dir, cleanup } = writeSpec({ 'events/chat.yaml': chat.replace('$ref: Message', '$ref: Nope') });
  const outDir = path.join(path.dirname(dir), 'generated');
  try {
    const result = await run({ check: false, specDir: dir, outDir });
    assert.is(result.code, 1);
    assert.match(result.err, /spec\/events\/chat\.yaml:9:26: unknown object "Nope"/);
    assert.throws(() => readFileSync(path.join(outDir, 'types.ts')));
  } finally {
    cleanup();
  }
});

check('the diff labels the file on disk and what the spec generates', async () => {
  const { dir, cleanup } = writeSpec();
  const outDir = path.join(path.dirname(dir), 'generated');
  try {
    await run({ check: false, specDir: dir, outDir });
    const typesFile = path.join(outDir, 'types.ts');
    writeFileSync(typesFile, readFileSync(typesFile, 'utf8').replace('channelId: Uuid;', 'channelId: number;'));
    const { err } = await run({ check: true, specDir: dir, outDir });
    assert.match(err, /^--- .*generated\/types\.ts \(on disk\)$/m);
    assert.match(err, /^\+\+\+ .*generated\/types\.ts \(from spec\/\)$/m);
    assert.not.match(err, /committed/);
  } finally {
    cleanup();
  }
});

check.run();

const writing = suite('npm run generate: what it says it wrote');

writing('a first run writes every file; a run after one hand edit rewrites that one file and says the rest are unchanged', async () => {
  const { dir, cleanup } = writeSpec();
  const outDir = path.join(path.dirname(dir), 'generated');
  try {
    const first = await run({ check: false, specDir: dir, outDir });
    const total = Number(/wrote (\d+) changed files to /.exec(first.out)?.[1]);
    assert.ok(total > 5, first.out);
    assert.match(first.out, `wrote ${total} changed files to `);
    assert.match(first.out, `generated/, 0 unchanged\n`);

    const docs = path.join(outDir, 'docs', 'gateway.md');
    writeFileSync(docs, readFileSync(docs, 'utf8').replace('## Heartbeat', '## Heartbeats'));
    const second = await run({ check: false, specDir: dir, outDir });
    assert.match(second.out, `wrote 1 changed file to `);
    assert.match(second.out, `generated/, ${total - 1} unchanged\n`);

    const third = await run({ check: false, specDir: dir, outDir });
    assert.match(third.out, `generated/ already matches the spec: nothing to write (${total} files unchanged)`);
  } finally {
    cleanup();
  }
});

writing('a file no longer generated is removed and counted', async () => {
  const { dir, cleanup } = writeSpec();
  const outDir = path.join(path.dirname(dir), 'generated');
  try {
    await run({ check: false, specDir: dir, outDir });
    writeFileSync(path.join(outDir, 'leftover.ts'), 'export {};\n');
    const { out } = await run({ check: false, specDir: dir, outDir });
    assert.match(out, 'wrote 0 changed files to ');
    assert.match(out, ', 1 file no longer generated removed\n');
  } finally {
    cleanup();
  }
});

writing.run();

const dist = suite('npm run generate with a built dist/');

/** A spec folder, generated/ and an empty dist/ side by side, as in a checkout after `npm run build`. */
function checkout(changes: Record<string, string | null> = {}) {
  const spec = writeSpec(changes);
  const root = path.dirname(spec.dir);
  mkdirSync(path.join(root, 'dist'));
  writeFileSync(path.join(root, 'package.json'), '{ "type": "module" }\n');
  return { ...spec, root, outDir: path.join(root, 'generated'), distGenerated: path.join(root, 'dist', 'generated') };
}

const newEvent = `  UserStreakUpdated:
    description: A user's streak changed.
    status: name-only
    sources: [gapi]
    payload:
      properties:
        userId: { type: string }
    examples: [{ type: UserStreakUpdated, userId: 2d2Wg8Pm }]
`;

dist('an event just added is known to the dist/generated/ that the command line and the package entry load', async () => {
  const { dir, cleanup, outDir, distGenerated } = checkout();
  try {
    await run({ check: false, specDir: dir, outDir });
    writeFileSync(path.join(dir, 'events', 'chat.yaml'), chat + newEvent);
    const { code, out } = await run({ check: false, specDir: dir, outDir });
    assert.is(code, 0);
    assert.match(out, /^refreshed .*dist\/generated\/ \(\d+ files\): the guilded-gateway command and import 'guilded-gateway' now use this spec$/m);
    const { events } = await import(pathToFileURL(path.join(distGenerated, 'index.js')).href);
    assert.ok(events.UserStreakUpdated, 'the new event is in the dispatcher table');
    assert.ok(events.UserStreakUpdated.validate({ type: 'UserStreakUpdated', userId: '2d2Wg8Pm' }));
    assert.not.ok(events.UserStreakUpdated.validate({ type: 'UserStreakUpdated', userId: 7 }));
    assert.match(readFileSync(path.join(distGenerated, 'types.d.cts'), 'utf8'), 'export interface UserStreakUpdatedPayload');
  } finally {
    cleanup();
  }
});

dist('without a dist/ folder nothing is said about it', async () => {
  const { dir, cleanup } = writeSpec();
  try {
    const { out } = await run({ check: false, specDir: dir, outDir: path.join(path.dirname(dir), 'generated') });
    assert.not.match(out, 'dist');
  } finally {
    cleanup();
  }
});

dist('--check warns, and still passes, when generated/ changed after dist/ was built; generate then refreshes it', async () => {
  const { dir, cleanup, outDir, distGenerated } = checkout();
  try {
    await run({ check: false, specDir: dir, outDir });
    const fresh = await run({ check: true, specDir: dir, outDir });
    assert.is(fresh.code, 0);
    assert.is(fresh.err, '', 'no warning right after generate refreshed dist/');

    // dist/ built an hour before generated/ last changed, as after a checkout.
    const earlier = new Date(Date.now() - 3_600_000);
    for (const name of readdirSync(distGenerated, { recursive: true, encoding: 'utf8' })) utimesSync(path.join(distGenerated, name), earlier, earlier);
    const stale = await run({ check: true, specDir: dir, outDir });
    assert.is(stale.code, 0);
    assert.match(stale.err, /^warning: .*dist\/ was built before .*generated\/ changed: run npm run build/m);
    assert.match(stale.out, 'generated/ matches the spec');

    const repaired = await run({ check: false, specDir: dir, outDir });
    assert.match(repaired.out, 'nothing to write');
    assert.match(repaired.out, /^refreshed .*dist\/generated\//m);
    assert.is((await run({ check: true, specDir: dir, outDir })).err, '');
    assert.not.match((await run({ check: false, specDir: dir, outDir })).out, 'refreshed', 'a run with nothing to do leaves dist/ alone');
  } finally {
    cleanup();
  }
});

dist('--check says nothing of dist/ for generated files dist/ does not hold', async () => {
  const { dir, cleanup, outDir } = checkout();
  try {
    await run({ check: false, specDir: dir, outDir });
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(outDir, 'docs', 'gateway.md'), later, later);
    assert.is((await run({ check: true, specDir: dir, outDir })).err, '');
  } finally {
    cleanup();
  }
});

dist.run();
