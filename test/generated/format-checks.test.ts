// The fast validators test a uuid by its characters and a closed object's keys with a switch, where
// the full report keeps ajv's regex and key lookup: on random and mutated values, all three (fast,
// report, and the spec's own pattern) must agree, including near misses a hand-written test could get wrong.
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { events } from '../../generated/index.js';
import type { ReportFunction } from '../../generated/validators-report.cjs';
import { FORMATS } from '../../generator/load/formats.js';
import { loadSpec } from '../../generator/load/load-spec.js';

const report = createRequire(import.meta.url)('../../generated/validators-report.cjs') as Record<string, ReportFunction>;
const spec = await loadSpec(new URL('../../spec/', import.meta.url).pathname);

function exampleOf(name: string): Record<string, unknown> {
  const example = spec.events.find((event) => event.name === name)?.examples[0];
  if (example === undefined) throw new Error(`the spec has no example of ${name}`);
  return structuredClone(example) as Record<string, unknown>;
}

/** The fast verdict, after checking that the report gives the same one. */
function verdict(name: string, payload: unknown): boolean {
  const entry = events[name]!;
  const fast = entry.validate(payload);
  assert.is(report[entry.validatorName]!(payload), fast, `${name}: fast says ${fast} for ${JSON.stringify(payload)}`);
  return fast;
}

/** Characters a uuid check could mistake for hex digits or dashes. */
const NEAR_MISSES = ['g', 'G', 'z', '-', '_', ' ', '\n', '\0', '٣', '０', 'Ａ', 'ａ', '\u2010', 'é', '/', ':', '@', '`', 'F', 'f', '0', '9'];

const uuidLike = fc.oneof(
  fc.uuid(),
  fc.uuid().map((id) => id.toUpperCase()),
  fc.tuple(fc.uuid(), fc.nat(35), fc.constantFrom(...NEAR_MISSES)).map(([id, at, char]) => id.slice(0, at) + char + id.slice(at + 1)),
  fc.tuple(fc.uuid(), fc.nat(36), fc.constantFrom(...NEAR_MISSES)).map(([id, at, char]) => id.slice(0, at) + char + id.slice(at)),
  fc.tuple(fc.uuid(), fc.nat(35)).map(([id, at]) => id.slice(0, at) + id.slice(at + 1)),
  fc.uuid().map((id) => `${id}\n`),
  fc.uuid().map((id) => id.replace(/-/g, '')),
  fc.string({ minLength: 36, maxLength: 36, unit: fc.constantFrom(...'0123456789abcdefABCDEF-'.split('')) }),
  fc.string({ maxLength: 40 }),
);

const checks = suite('fast format and key checks against the report and the spec');

checks('a uuid field: fast, report and the uuid pattern agree', () => {
  const pattern = new RegExp(FORMATS.uuid.pattern);
  let accepted = 0;
  fc.assert(
    fc.property(uuidLike, (channelId) => {
      const valid = verdict('ChatChannelTyping', { ...exampleOf('ChatChannelTyping'), channelId });
      assert.is(valid, pattern.test(channelId), `channelId ${JSON.stringify(channelId)}`);
      if (valid) accepted++;
    }),
    { numRuns: 3000 },
  );
  assert.ok(accepted > 300, `${accepted} of 3000 accepted: the generator reaches both answers`);
});

/** Characters a date-time check could mistake for digits, separators, "Z" or an offset's sign. */
const DATE_TIME_NEAR_MISSES = ['z', 'Z', 't', 'T', ' ', '+', '-', ':', '.', ',', '\n', '٣', '０', '/', 'x', '0', '9'];

// Years 0000 to 9999: toISOString writes others with six digits and a sign, which the pattern refuses.
const date = fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true });

const dateTimeLike = fc.oneof(
  date.map((date) => date.toISOString()),
  date.map((date) => date.toISOString().replace(/\.\d+/, '')),
  fc.tuple(date, fc.stringMatching(/^\d{1,12}$/)).map(([date, fraction]) => date.toISOString().replace(/\.\d+/, `.${fraction}`)),
  fc.tuple(date, fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(
    ([date, sign, hours, minutes]) => date.toISOString().replace('Z', `${sign}${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`),
  ),
  fc.tuple(date, fc.nat(30), fc.constantFrom(...DATE_TIME_NEAR_MISSES)).map(([date, at, char]) => {
    const text = date.toISOString().replace('Z', '+05:30');
    return text.slice(0, at) + char + text.slice(at + 1);
  }),
  fc.tuple(date, fc.nat(30), fc.constantFrom(...DATE_TIME_NEAR_MISSES)).map(([date, at, char]) => {
    const text = date.toISOString();
    return text.slice(0, at) + char + text.slice(at);
  }),
  fc.tuple(date, fc.nat(30)).map(([date, at]) => date.toISOString().slice(0, at)),
  fc.string({ maxLength: 30 }),
);

checks('a date-time field: fast, report and the date-time pattern agree', () => {
  const pattern = new RegExp(FORMATS['date-time'].pattern);
  let accepted = 0;
  fc.assert(
    fc.property(dateTimeLike, (createdAt) => {
      const payload = exampleOf('ChatMessageCreated');
      const message = { ...(payload['message'] as Record<string, unknown>), createdAt };
      const valid = verdict('ChatMessageCreated', { ...payload, message });
      assert.is(valid, pattern.test(createdAt), `createdAt ${JSON.stringify(createdAt)}`);
      if (valid) accepted++;
    }),
    { numRuns: 3000 },
  );
  assert.ok(accepted > 300, `${accepted} of 3000 accepted: the generator reaches both answers`);
});

checks('uuid fields and date-times deep in a chat message: fast and report agree', () => {
  const dateTime = fc.oneof(
    fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
    fc.date({ noInvalidDate: true }).map((date) => `${date.toISOString()}\n`),
    fc.date({ noInvalidDate: true }).map((date) => date.toISOString().replace('Z', '+01:00').replace('.', ',')),
    fc.string({ maxLength: 30 }),
  );
  fc.assert(
    fc.property(uuidLike, uuidLike, dateTime, (contentId, messageId, createdAt) => {
      const payload = exampleOf('ChatMessageCreated');
      const message = payload['message'] as Record<string, unknown>;
      verdict('ChatMessageCreated', { ...payload, contentId, createdAt, message: { ...message, id: messageId, createdAt } });
    }),
    { numRuns: 1000 },
  );
});

checks('a key the spec lacks, at the top or nested: fast and report agree', () => {
  const names = ['type', 'channelId', 'message', 'id', 'content', 'createdBy', '__proto__', 'constructor', 'hasOwnProperty', 'toString', 'messag', 'messages', 'Message', ''];
  const key = fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 12 }));
  fc.assert(
    fc.property(key, fc.boolean(), (extra, nested) => {
      const payload = exampleOf('ChatMessageCreated');
      // JSON.parse makes "__proto__" an own key, as a frame would; a function replacer, since a key such as "$'" is a replacement pattern.
      const withKey = (object: unknown): unknown => JSON.parse(JSON.stringify(object).replace(/^\{/, () => `{${JSON.stringify(extra)}:1,`));
      const mutated = nested ? { ...payload, message: withKey(payload['message']) } : withKey(payload);
      const declared = nested ? Object.hasOwn(payload['message'] as object, extra) : Object.hasOwn(payload, extra);
      const valid = verdict('ChatMessageCreated', mutated);
      if (!declared) assert.is(valid, false, `the unknown key ${JSON.stringify(extra)} is refused`);
    }),
    { numRuns: 1000 },
  );
});

checks.run();
