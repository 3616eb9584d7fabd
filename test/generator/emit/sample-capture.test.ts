import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { emitSampleCapture } from '../../../generator/emit/sample-capture.js';
import { loadSpec } from '../../../generator/load/load-spec.js';
import type { Spec } from '../../../generator/load/model.js';
import { decodeEventArgs, decodeFrame } from '../../../runtime/codec.js';
import { validateCommand, validateEvent } from '../../../runtime/validation.js';
import type { CommandName } from '../../../generated/index.js';

interface Message {
  type: 'send' | 'receive';
  time: number;
  opcode: number;
  data: string;
}

interface Har {
  log: {
    version: string;
    entries: Array<{
      _resourceType: string;
      request: { url: string; headers: Array<{ name: string; value: string }> };
      response: { status: number };
      _webSocketMessages: Message[];
    }>;
  };
}

let spec: Spec;
let text: string;
let har: Har;
let messages: Message[];

/** The socket.io events among the messages, with their decoded payloads. */
function eventsOf(type: Message['type']): Array<{ name: string; args: unknown[]; data: string }> {
  return messages.flatMap((message) => {
    if (message.type !== type) return [];
    const head = decodeFrame(message.data);
    if (head.type !== 'event') return [];
    const args = decodeEventArgs(head);
    assert.is(args.type, 'args', message.data);
    return [{ name: head.name, args: args.type === 'args' ? args.args : [], data: message.data }];
  });
}

const sample = suite('the sample capture');

// Set up at the top level: uvu reports a failing before hook as 0 passed and still exits 0.
{
  spec = await loadSpec('spec');
  const emitted = emitSampleCapture(spec);
  assert.type(emitted, 'string', 'the full spec has a sample session');
  text = emitted!;
  har = JSON.parse(text) as Har;
  messages = har.log.entries[0]!._webSocketMessages;
}

sample('is the same on every run', () => {
  assert.is(emitSampleCapture(spec), text);
});

sample('is a Chrome-style HAR 1.2 with one websocket entry to the current endpoint, and no cookie value', () => {
  assert.is(har.log.version, '1.2');
  assert.is(har.log.entries.length, 1);
  const [entry] = har.log.entries;
  assert.is(entry!._resourceType, 'websocket');
  assert.is(entry!.response.status, 101);
  assert.match(entry!.request.url, /^wss:\/\/www\.guilded\.gg\/ws\/\?jwt=undefined&guildedClientId=[0-9a-f-]{36}&EIO=3&transport=websocket$/);
  const cookie = entry!.request.headers.find((header) => header.name === 'Cookie');
  assert.is(cookie?.value, 'hmac_signed_session=<redacted>');
  assert.ok(messages.every((message) => message.opcode === 1));
});

sample('opens with the hello of the spec and 40, and pings every 25 s with a pong after each', () => {
  const [first, second] = messages;
  assert.equal([first!.type, first!.data[0]], ['receive', '0']);
  const { sid, ...rest } = JSON.parse(first!.data.slice(1)) as Record<string, unknown>;
  assert.type(sid, 'string');
  assert.equal(rest, { upgrades: [], ...spec.connection.hello.defaults });
  assert.equal([second!.type, second!.data], ['receive', '40']);
  const pings = messages.flatMap((message, index) => (message.type === 'send' && message.data === '2' ? [index] : []));
  assert.ok(pings.length >= 3, `${pings.length} pings`);
  for (const index of pings) {
    const ping = messages[index]!;
    const pong = messages.slice(index + 1).find((message) => message.type === 'receive' && message.data === '3');
    assert.ok(pong && pong.time - ping.time < 0.2, `the ping at ${ping.time} has a prompt pong`);
    assert.ok(Math.abs((ping.time - first!.time) % 25) < 0.01, `a ping at ${ping.time - first!.time} s`);
  }
});

sample('runs a minute or two with 40 to 80 events, in time order', () => {
  const duration = messages.at(-1)!.time - messages[0]!.time;
  assert.ok(duration >= 60 && duration <= 120, `${duration} s`);
  const events = eventsOf('receive');
  assert.ok(events.length >= 40 && events.length <= 80, `${events.length} events`);
  assert.ok(messages.every((message, index) => index === 0 || message.time >= messages[index - 1]!.time));
  const kinds = new Set(events.map((event) => event.name));
  for (const name of ['ChatChannelTyping', 'ChatMessageCreated', 'ChatMessageUpdated', 'ChatMessageDeleted', 'ChatMessageReactionAdded', 'TeamMemberJoined', 'teamRolesUpdated', 'TeamChannelCreated', 'USER_PRESENCE_MANUALLY_SET']) {
    assert.ok(kinds.has(name), `has ${name}`);
  }
});

sample('matches the spec everywhere but in one unknown event name and one unknown field', () => {
  const unknownNames: string[] = [];
  const unknownFields: string[] = [];
  for (const { name, args } of eventsOf('receive')) {
    const result = validateEvent(name, args[0]);
    assert.ok(result.ok, `${name}: ${JSON.stringify(result.errors)}`);
    if (!result.known) unknownNames.push(name);
    unknownFields.push(...result.unknownFields.map((pointer) => `${name} ${pointer}`));
  }
  const { unknown } = spec.sampleSession!.data;
  assert.equal(unknownNames, [unknown.event]);
  assert.equal(unknownFields, [`ChatMessageCreated ${unknown.field}`]);
});

sample('has the client type in a channel, with valid commands', () => {
  const commands = eventsOf('send');
  assert.ok(commands.length >= 2);
  for (const { name, args } of commands) {
    assert.is(name, 'ChatChannelTyping');
    assert.ok(validateCommand(name as CommandName, args[0]).ok);
    assert.is(args.length, 1, 'commands carry no trailing null');
  }
});

sample('ends some event frames with 2023\'s trailing null, and not others', () => {
  const events = eventsOf('receive');
  const withNull = events.filter((event) => event.args.length === 2 && event.args[1] === null).length;
  assert.ok(withNull > 0 && withNull < events.length, `${withNull} of ${events.length}`);
});

sample('is left out when the spec has no sample session, such as a small test spec', () => {
  const { sampleSession: _sampleSession, ...without } = spec;
  assert.is(emitSampleCapture(without), undefined);
});

sample.run();
