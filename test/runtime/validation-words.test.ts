// Formats are reported in words, the same words as validate and the spec's example checks use.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { STRING_FORMATS } from '../../generated/index.js';
import { validateCommand, validateEvent } from '../../runtime/index.js';
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

words.run();
