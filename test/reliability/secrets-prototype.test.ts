/**
 * Issue 12, "Secrets": payload keys `__proto__`, `constructor` and `prototype` pollute no object.
 * validate, infer (with --write) and replay run in this process on such a capture, and then
 * Object.prototype must be as it was. The same keys in a spec, as fields, go through the generator.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { run as infer } from '../../cli/infer/command.js';
import { run as replay } from '../../cli/replay/command.js';
import { run as validate } from '../../cli/validate/command.js';
import { capture } from '../cli/cli-fixture.js';
import { BASE, generateWith } from '../generator/spec-fixture.js';

// Written as raw JSON: an object literal's `__proto__` would set the prototype, not make a key.
const POISON = '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"}}';
const frames = [
  `42["ChatChannelTyping",{"type":"ChatChannelTyping","channelId":"d2242862-401c-42f8-9ce2-0c75977475a6","userId":"x","extra":${POISON}}]`,
  `42["__proto__",${POISON}]`,
  `42["constructor",${POISON}]`,
  `42["PoisonEvent",${POISON}]`,
  `42["PoisonEvent",{"type":"PoisonEvent","__proto__":{"polluted":"yes"},"nested":${POISON}}]`,
];

const test = suite('keys named __proto__, constructor and prototype pollute nothing');
const dir = mkdtempSync(path.join(tmpdir(), 'gg-prototype-'));
const file = path.join(dir, 'poison.txt');
writeFileSync(file, `${frames.join('\n')}\n`);
test.after(() => rmSync(dir, { recursive: true, force: true }));

test('after validate, infer --write and replay have read the capture, Object.prototype has gained nothing', async () => {
  const before = Object.getOwnPropertyNames(Object.prototype);
  const checked = await capture(validate, [file]);
  assert.match(checked.stdout, /ChatChannelTyping/);
  const checkedJson = await capture(validate, ['--json', file]);
  assert.ok(JSON.parse(checkedJson.stdout));
  const out = path.join(dir, 'proposed');
  const proposed = await capture(infer, [file, '--write', out]);
  assert.is(proposed.code, 0, proposed.stderr);
  assert.match(readFileSync(path.join(out, 'PoisonEvent.yaml'), 'utf8'), /PoisonEvent/);
  const replayed = capture(replay, [file, '--speed', 'max']);
  // replay runs until SIGINT, as under Ctrl+C; its listener is the only one this process has.
  while (process.listenerCount('SIGINT') === 0) await new Promise((resolve) => setTimeout(resolve, 10));
  process.emit('SIGINT');
  assert.is((await replayed).code, 0);
  assert.equal(Object.getOwnPropertyNames(Object.prototype), before);
  assert.is(({} as Record<string, unknown>)['polluted'], undefined);
  assert.is(Object.prototype.constructor, Object);
});

test('a spec whose fields are named __proto__, constructor and prototype: the inherited names are refused at their line, prototype generates, nothing is polluted', async () => {
  const before = Object.getOwnPropertyNames(Object.prototype);
  const withFields = (keys: string[]) => {
    const fields = keys.map((key) => `        ${key}: { type: string, optional: true }\n`).join('');
    return { 'events/chat.yaml': BASE['events/chat.yaml']!.replace('        message: { $ref: Message }\n', `        message: { $ref: Message }\n${fields}`) };
  };
  const refused = await generateWith(withFields(['__proto__', 'constructor', 'prototype']));
  assert.equal(
    refused.problems?.map((problem) => problem.replace(/^.*?events\/chat\.yaml:(\d+):\d+: (a field named \S+) .*$/, '$1 $2')),
    ['10 a field named __proto__', '11 a field named constructor'],
  );
  const { files, problems } = await generateWith(withFields(['prototype']));
  assert.equal(problems, undefined);
  assert.match(files!.get('types.ts')!, /prototype\?: string/);
  assert.equal(Object.getOwnPropertyNames(Object.prototype), before);
  assert.is(({} as Record<string, unknown>)['polluted'], undefined);
});

test.run();
