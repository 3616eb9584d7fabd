// Formats are reported in words, the same words as validate and the spec's example checks use.
import { Ajv } from 'ajv';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { STRING_FORMATS } from '../../generated/index.js';
import { validateCommand, validateEvent } from '../../runtime/index.js';
import { describeErrors } from '../../runtime/validation.js';
import { eventExample } from '../cli/cli-fixture.js';

const words = suite('format errors in words');

words('a field that is not a uuid says "must be a uuid", not the pattern', () => {
  const { errors } = validateCommand('ChatChannelTyping', { channelId: 'not-a-uuid' });
  assert.equal(errors, [{ pointer: '/channelId', message: `must be ${STRING_FORMATS.uuid.description}` }]);
});

words('a field that is not a date-time says "must be an ISO 8601 date-time"', () => {
  const example = eventExample('ChatMessageCreated');
  const message = { ...(example['message'] as Record<string, unknown>), createdAt: '2022-01-20 17:04' };
  const { errors } = validateEvent('ChatMessageCreated', { ...example, message });
  assert.equal(errors, [{ pointer: '/message/createdAt', message: 'must be an ISO 8601 date-time' }]);
});

words('without messages in the validators, every keyword the spec uses reads as ajv would have written it', () => {
  const schema = {
    type: 'object',
    properties: {
      name: { type: 'string' },
      either: { type: ['integer', 'null'] },
      kind: { const: 'doc' },
      channelType: { enum: ['Team', 'DM'] },
      value: { anyOf: [{ type: 'integer' }, { type: 'string' }] },
      notNull: { not: { type: 'null' } },
      status: { type: 'integer', minimum: 1, maximum: 4 },
      code: { type: 'string', pattern: '^[a-z]+$' },
    },
  };
  const payload = { name: 1, either: 'x', kind: 'thread', channelType: 'Voice', value: true, notNull: null, status: 9, code: 'A1' };
  const worded = new Ajv({ allErrors: true }).compile(schema);
  const unworded = new Ajv({ allErrors: true, messages: false }).compile(schema);
  worded(payload);
  unworded(payload);
  const words = (errors: typeof worded.errors) => describeErrors(errors ?? []).errors.map(({ pointer, message }) => `${pointer} ${message}`);
  const expected = (worded.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
  assert.equal(words(unworded.errors), expected);
  assert.equal(words(worded.errors), expected);
});

words.run();
