import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { EventLog } from '../../../cli/demo/event-log.js';
import { GatewayError } from '../../../runtime/errors.js';

const CHANNEL_ID = 'd2242862-401c-42f8-9ce2-0c75977475a6';
const typing = { type: 'ChatChannelTyping', channelId: CHANNEL_ID, userId: '2d2Wg8Pm' } as const;

function logOf(): { log: EventLog; lines: string[] } {
  const lines: string[] = [];
  const log = new EventLog((line) => lines.push(line), 20, 17);
  log.opened();
  return { log, lines };
}

const eventLog = suite('the demo event log');

eventLog('prints a typed event with its session time, name and summary, under a header', () => {
  const { log, lines } = logOf();
  log.event({ name: 'ChatChannelTyping', payload: typing });
  assert.equal(lines.slice(0, 2), ['', '    time  event              summary']);
  assert.match(lines[2]!, /^ {2}0:00\.\d {2}ChatChannelTyping {2}2d2Wg8Pm is typing in d2242862…$/);
});

eventLog('flags unknown fields, unknown events and invalid payloads, and counts each', () => {
  const { log, lines } = logOf();
  log.event({ name: 'ChatChannelTyping', payload: { ...typing, mood: 'eager' } as typeof typing });
  log.event({ name: 'unknownEvent', payload: { name: 'BrandNewThing', payload: { type: 'BrandNewThing', a: 1, b: 2 } } });
  log.event({ name: 'invalidPayload', payload: { name: 'ChatChannelTyping', payload: {}, errors: [{ pointer: '/channelId', message: 'is required but missing' }] } });
  log.error(new GatewayError('INVALID_FRAME', 'unknown engine.io packet type "x"; the frame was dropped', 'drop'));
  assert.match(lines[2]!, /is typing in d2242862… {2}<< UNKNOWN FIELD \/mood$/);
  assert.match(lines[3]!, /BrandNewThing +<< UNKNOWN EVENT, not in the spec; its fields: a, b$/);
  assert.match(lines[4]!, /ChatChannelTyping +<< INVALID PAYLOAD \(delivered anyway: validation is warn\): \/channelId is required but missing$/);
  assert.match(lines[5]!, /INVALID_FRAME: unknown engine\.io packet type/);
  assert.is(log.summary(3, 4, '1 s'), '3 of 4 events in 1 s: 1 typed (1 with unknown fields), 1 unknown, 1 invalid, 1 unreadable');
});

eventLog.run();
