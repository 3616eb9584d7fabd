import { createRequire } from 'node:module';
import fc from 'fast-check';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  decodeEventArgs,
  decodeFrame,
  encodeAck,
  encodeEvent,
  encodePing,
  encodePong,
  eventNameEnd,
  eventNameHasEscape,
  EVENT_NAME_START,
  parseEventPayload,
  type DecodeError,
  type EventHead,
  type Packet,
} from '../../runtime/codec.js';

const HELLO = { sid: 'abc', upgrades: [], pingInterval: 25000, pingTimeout: 5000 };

/** A packet as a test states it: events without their frame and offset. */
function shape(packet: Packet | DecodeError): unknown {
  if (packet.type !== 'event') return packet;
  return { type: packet.type, namespace: packet.namespace, ackId: packet.ackId, name: packet.name };
}

// #region decodeFrame
const decode = suite('decodeFrame');

const VALID: Array<{ given: string; want: unknown }> = [
  { given: `0${JSON.stringify(HELLO)}`, want: { type: 'open', hello: HELLO, adjustments: [] } },
  {
    given: '0{"sid":"abc"}',
    want: {
      type: 'open',
      hello: HELLO,
      adjustments: [
        "hello pingInterval is missing; using the spec's default 25000 ms",
        "hello pingTimeout is missing; using the spec's default 5000 ms",
      ],
    },
  },
  {
    given: '0{"sid":"abc","upgrades":["polling",1],"pingInterval":-1,"pingTimeout":1e12}',
    want: {
      type: 'open',
      hello: { ...HELLO, upgrades: ['polling'], pingTimeout: 60_000 },
      adjustments: [
        "hello pingInterval -1 is not a positive number; using the spec's default 25000 ms",
        'hello pingTimeout 1000000000000 ms is outside 10 to 60000 ms; using 60000 ms',
      ],
    },
  },
  { given: '1', want: { type: 'close' } },
  { given: '2', want: { type: 'ping', data: '' } },
  { given: '2probe', want: { type: 'ping', data: 'probe' } },
  { given: '3', want: { type: 'pong', data: '' } },
  { given: '3probe', want: { type: 'pong', data: 'probe' } },
  { given: '5', want: { type: 'upgrade' } },
  { given: '6', want: { type: 'noop' } },
  { given: '40', want: { type: 'connect', namespace: '/' } },
  { given: '40/team,', want: { type: 'connect', namespace: '/team' } },
  { given: '41', want: { type: 'disconnect', namespace: '/' } },
  { given: '41/team', want: { type: 'disconnect', namespace: '/team' } },
  {
    given: '42["ChatMessageCreated",{"a":1}]',
    want: { type: 'event', namespace: '/', ackId: undefined, name: 'ChatMessageCreated' },
  },
  { given: '42["Event",{"a":1},null]', want: { type: 'event', namespace: '/', ackId: undefined, name: 'Event' } },
  { given: '42["logout"]', want: { type: 'event', namespace: '/', ackId: undefined, name: 'logout' } },
  { given: '42/ns,17["x",{}]', want: { type: 'event', namespace: '/ns', ackId: 17, name: 'x' } },
  { given: '4217["x",{}]', want: { type: 'event', namespace: '/', ackId: 17, name: 'x' } },
  { given: '42[17,{}]', want: { type: 'event', namespace: '/', ackId: undefined, name: '17' } },
  { given: '42["a\\"b",1]', want: { type: 'event', namespace: '/', ackId: undefined, name: 'a"b' } },
  { given: '42[ "spaced" , 1 ]', want: { type: 'event', namespace: '/', ackId: undefined, name: 'spaced' } },
  {
    given: '42["ChatChannelTyping", {"channelId": "c"}]',
    want: { type: 'event', namespace: '/', ackId: undefined, name: 'ChatChannelTyping' },
  },
  { given: '431["ok",2]', want: { type: 'ack', namespace: '/', ackId: 1, args: ['ok', 2] } },
  { given: '43/ns,9[]', want: { type: 'ack', namespace: '/ns', ackId: 9, args: [] } },
  { given: '44"unauthorized"', want: { type: 'error', namespace: '/', data: 'unauthorized' } },
  { given: '44{"message":"bad cookie"}', want: { type: 'error', namespace: '/', data: { message: 'bad cookie' } } },
  { given: '44', want: { type: 'error', namespace: '/', data: undefined } },
];

for (const { given, want } of VALID) {
  decode(`reads ${JSON.stringify(given)} as a ${(want as { type: string }).type} packet`, () => {
    assert.equal(shape(decodeFrame(given)), want);
  });
}

const INVALID: Array<{ given: unknown; want: string }> = [
  { given: '', want: 'empty frame' },
  { given: 'x', want: 'unknown engine.io packet type "x"' },
  { given: '7', want: 'unknown engine.io packet type "7"' },
  { given: 'b4aGVsbG8=', want: 'unknown engine.io packet type "b"' },
  { given: '4', want: 'carries no socket.io packet' },
  { given: '47', want: 'unknown socket.io packet type "7"' },
  { given: '4x', want: 'unknown socket.io packet type "x"' },
  { given: '42', want: 'event without a valid json array' },
  { given: '42[', want: 'event without a valid json array' },
  { given: '42{}', want: 'event without a valid json array' },
  { given: '42[null]', want: 'event name "null" is not a string' },
  { given: '42[]', want: 'event name "missing" is not a string' },
  { given: '42[{"a":1}]', want: 'is not a string' },
  { given: '43[]', want: 'ack without an id' },
  { given: '431{}', want: 'ack 1 has no valid json array' },
  { given: '421234567890123456["x"]', want: 'ack id too long' },
  { given: '44{', want: 'error packet with invalid json' },
  { given: '45-1["x",{"_placeholder":true,"num":0}]', want: 'binary socket.io packet' },
  { given: '0', want: 'hello is not a json object' },
  { given: '0{', want: 'hello is not a json object' },
  { given: '0[]', want: 'hello is not a json object' },
  { given: '0{"sid":1}', want: 'hello has no string sid' },
  { given: Buffer.from('42["x"]'), want: 'binary frame of 7 bytes' },
  { given: new ArrayBuffer(3), want: 'binary frame of 3 bytes' },
  { given: [Buffer.alloc(1), Buffer.alloc(1)], want: 'binary frame of 2 fragments' },
  { given: undefined, want: 'binary frame of undefined' },
];

for (const { given, want } of INVALID) {
  decode(
    `reports ${typeof given === 'string' ? JSON.stringify(given) : 'a non-string frame'} as invalid: ${want}`,
    () => {
      const packet = decodeFrame(given);
      assert.is(packet.type, 'invalid');
      assert.match((packet as DecodeError).reason, want);
      const unquoted = (packet as DecodeError).reason.replace(/"(?:[^"\\]|\\.)*"/g, '');
      assert.is(unquoted, unquoted.toLowerCase(), 'the reason is lowercase outside the quoted values');
    },
  );
}

decode('quotes at most 40 characters of a bad frame', () => {
  const packet = decodeFrame(`9${'x'.repeat(1000)}`) as DecodeError;
  assert.ok(packet.reason.length < 120, packet.reason);
});

decode('compares an event name in place, whether it was read raw or decoded', () => {
  const raw = decodeFrame('42["ChatMessageCreated",{}]') as EventHead;
  assert.ok(raw.nameIs('ChatMessageCreated'));
  assert.not.ok(raw.nameIs('ChatMessageCreate'));
  assert.not.ok(raw.nameIs('ChatMessageCreatedX'));
  assert.is(raw.nameLength, 'ChatMessageCreated'.length);
  const decoded = decodeFrame('42["Chat\\u004dessage",{}]') as EventHead;
  assert.ok(decoded.nameIs('ChatMessage'));
  assert.is(decoded.nameLength, 'ChatMessage'.length);
});

decode('reads an event name without parsing the payload', () => {
  // The payload is not JSON at all; only decodeEventArgs finds that out.
  const head = decodeFrame('42["ChatMessageCreated",{not json') as EventHead;
  assert.is(head.type, 'event');
  assert.is(head.name, 'ChatMessageCreated');
  assert.is(decodeEventArgs(head).type, 'invalid');
});

decode.run();
// #endregion

// #region decodeEventArgs
const args = suite('decodeEventArgs');

const ARGS: Array<{ given: string; want: unknown }> = [
  { given: '42["x",{"a":1}]', want: { type: 'args', args: [{ a: 1 }] } },
  { given: '42["x",{"a":1},null]', want: { type: 'args', args: [{ a: 1 }, null] } },
  { given: '42["logout"]', want: { type: 'args', args: [] } },
  { given: '42/ns,5["x",1,2,3]', want: { type: 'args', args: [1, 2, 3] } },
  { given: '42[17,"y"]', want: { type: 'args', args: ['y'] } },
];

for (const { given, want } of ARGS) {
  args(`parses the arguments of ${given}`, () => {
    assert.equal(decodeEventArgs(decodeFrame(given) as EventHead), want);
  });
}

args('reports a truncated payload as invalid, naming the event', () => {
  const result = decodeEventArgs(decodeFrame('42["ChatMessageCreated",{"a":') as EventHead);
  assert.is(result.type, 'invalid');
  assert.match((result as DecodeError).reason, 'event "ChatMessageCreated" has no valid json array');
});

args.run();
// #endregion

// #region fast path
const fast = suite('eventNameEnd and parseEventPayload');

const NAME_ENDS: Array<{ given: string; want: number }> = [
  { given: '42["ChatChannelTyping",{}]', want: EVENT_NAME_START + 'ChatChannelTyping'.length },
  { given: '42["logout"]', want: EVENT_NAME_START + 'logout'.length },
  // The raw text ends at the escaped quote: compared with plain names, it matches none of them.
  { given: '42["a\\"b",1]', want: EVENT_NAME_START + 2 },
  { given: '42["unterminated', want: -1 },
  { given: '42[17,{}]', want: -1 },
  { given: '42[ "spaced",1]', want: -1 },
  { given: '4217["x",{}]', want: -1 },
  { given: '42/ns,["x",{}]', want: -1 },
  { given: '43["x"]', want: -1 },
  { given: '2', want: -1 },
  { given: '', want: -1 },
];

for (const { given, want } of NAME_ENDS) {
  fast(`finds the end of the name in ${JSON.stringify(given)} at ${want}`, () => {
    assert.is(eventNameEnd(given), want);
  });
}

const ESCAPES: Array<{ given: string; want: boolean }> = [
  { given: '42["ChatChannelTyping",{}]', want: false },
  // A backslash in the payload says nothing about the name.
  { given: '42["x",{"text":"a \\"quote\\""}]', want: false },
  { given: '42["a\\"b",1]', want: true },
  { given: '42["a\\\\",1]', want: true },
  { given: '42["Chat\\u0043hannelTyping",{}]', want: true },
];

for (const { given, want } of ESCAPES) {
  fast(`says the name in ${JSON.stringify(given)} ${want ? 'has' : 'has no'} escape`, () => {
    assert.is(eventNameHasEscape(given, eventNameEnd(given)), want);
  });
}

fast('a name without escapes is the name the general decoder reads', () => {
  for (const { given, want } of ESCAPES) {
    if (want) continue;
    assert.is(given.slice(EVENT_NAME_START, eventNameEnd(given)), (decodeFrame(given) as EventHead).name, given);
  }
});

const PAYLOADS: Array<{ given: string; want: unknown }> = [
  { given: '42["x",{"a":1}]', want: { a: 1 } },
  { given: '42["x",{"a":1},null]', want: { a: 1 } },
  { given: '42["x",null]', want: null },
  { given: '42["x",[1,null]]', want: [1, null] },
  { given: '42["x","a,null"]', want: 'a,null' },
  { given: '42["x", {"a":1} ]', want: { a: 1 } },
  { given: '42["x",0]', want: 0 },
  // Shapes the general decoder reads instead: no payload, another separator, more arguments, bad JSON.
  { given: '42["x"]', want: undefined },
  { given: '42["x" ,1]', want: undefined },
  { given: '42["x",1,2]', want: undefined },
  { given: '42["x",{"a":1}, null]', want: undefined },
  { given: '42["x",{"a":', want: undefined },
  { given: '42["x",{not json}]', want: undefined },
  { given: '42["x",]', want: undefined },
  // The first quote is an escaped one inside the name `a",[`.
  { given: '42["a\\",[","]"]', want: undefined },
  { given: '42["a\\",1",2]', want: undefined },
];

for (const { given, want } of PAYLOADS) {
  fast(`reads the payload of ${JSON.stringify(given)} as ${JSON.stringify(want) ?? 'undefined (general path)'}`, () => {
    assert.equal(parseEventPayload(given, eventNameEnd(given)), want);
  });
}

fast('where it reads a payload, the general decoder reads the same first argument', () => {
  for (const { given, want } of PAYLOADS) {
    if (want === undefined) continue;
    const decoded = decodeEventArgs(decodeFrame(given) as EventHead);
    assert.equal(decoded.type === 'args' ? decoded.args[0] : decoded, want, given);
  }
});

fast.run();
// #endregion

// #region encoders
const encode = suite('encoders');

encode('a ping is the single digit 2 and a pong echoes its data', () => {
  assert.is(encodePing(), '2');
  assert.is(encodePong('probe'), '3probe');
  assert.is(encodePong(''), '3');
});

encode('a command is 42 with its name and payload, or its name alone', () => {
  assert.is(encodeEvent('ChatChannelTyping', { channelId: 'c' }), '42["ChatChannelTyping",{"channelId":"c"}]');
  assert.is(encodeEvent('logout'), '42["logout"]');
});

encode('an ack is 43 with its id and arguments', () => {
  assert.is(encodeAck(17, ['ok', { a: 1 }]), '4317["ok",{"a":1}]');
  assert.is(encodeAck(0, []), '430[]');
});

encode('an ack id that is not a non-negative safe integer is refused', () => {
  assert.throws(() => encodeAck(-1, []), /ack id -1/);
  assert.throws(() => encodeAck(1.5, []), /ack id 1.5/);
});

encode('what the encoders write, the decoder reads back', () => {
  const head = decodeFrame(encodeEvent('ChatChannelTyping', { channelId: 'c' })) as EventHead;
  assert.is(head.name, 'ChatChannelTyping');
  assert.equal(decodeEventArgs(head), { type: 'args', args: [{ channelId: 'c' }] });
  assert.equal(decodeFrame(encodeAck(3, [1])), { type: 'ack', namespace: '/', ackId: 3, args: [1] });
  assert.equal(decodeFrame(encodePing()), { type: 'ping', data: '' });
});

encode.run();
// #endregion

// #region properties
const properties = suite('codec properties');

const PACKET_TYPES = new Set([
  'open',
  'close',
  'ping',
  'pong',
  'upgrade',
  'noop',
  'connect',
  'disconnect',
  'event',
  'ack',
  'error',
  'invalid',
]);

const namespace = fc.option(fc.stringMatching(/^\/[a-z]{0,6}$/), { nil: undefined });
const ackId = fc.option(fc.nat({ max: 10_000 }), { nil: undefined });
const eventName = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('ChatMessageCreated', 'TEAM_ROLES_UPDATED'),
  fc.integer(),
);
const eventArgs = fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 3 });

/** A well-formed socket.io v2 event frame and what it holds. */
const wellFormedEvent = fc.record({ namespace, ackId, name: eventName, args: eventArgs }).map((event) => ({
  ...event,
  frame: `42${event.namespace ? `${event.namespace},` : ''}${event.ackId ?? ''}${JSON.stringify([event.name, ...event.args])}`,
}));

/** Frames with the right shape in places: a type prefix, then JSON, garbage or a truncated valid frame. */
const structuredFrame = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', 'b', ''),
      fc.constantFrom('', '0', '1', '2', '3', '4', '5', '6', '9', '/ns,', '17'),
      fc.oneof(fc.json({ maxDepth: 3 }), fc.string({ unit: 'binary-ascii', maxLength: 20 }), fc.constant('')),
    )
    .map((parts) => parts.join('')),
  wellFormedEvent.chain(({ frame }) => fc.nat({ max: frame.length }).map((cut) => frame.slice(0, cut))),
  wellFormedEvent.map(({ frame }) => frame),
);

const anyFrame = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 40 }).map((text) => `4${text}`), weight: 1 },
  { arbitrary: structuredFrame, weight: 3 },
);

properties('100,000 generated frames each decode to a packet or an error value, never a throw', () => {
  fc.assert(
    fc.property(anyFrame, (frame) => {
      const packet = decodeFrame(frame);
      assert.ok(PACKET_TYPES.has(packet.type), `unexpected type ${packet.type}`);
      if (packet.type === 'invalid') assert.ok(packet.reason.length > 0);
      if (packet.type === 'event') {
        const decoded = decodeEventArgs(packet);
        assert.ok(decoded.type === 'args' || decoded.type === 'invalid');
      }
    }),
    { numRuns: 100_000 },
  );
});

// socket.io-parser 3.x is what socket.io 2.x servers and clients use.
const require = createRequire(import.meta.url);
const { Decoder } = require('socket.io-parser') as {
  Decoder: new () => {
    add(frame: string): void;
    on(event: 'decoded', listener: (packet: { type: number; nsp: string; id?: number; data: unknown[] }) => void): void;
  };
};

properties('well-formed event frames decode as socket.io-parser 3.x decodes them', () => {
  fc.assert(
    fc.property(wellFormedEvent, ({ frame }) => {
      let reference: { type: number; nsp: string; id?: number; data: unknown[] } | undefined;
      const decoder = new Decoder();
      decoder.on('decoded', (packet) => (reference = packet));
      decoder.add(frame.slice(1));
      const head = decodeFrame(frame) as EventHead;
      assert.is(head.type, 'event');
      assert.is(head.namespace, reference?.nsp);
      assert.is(head.ackId, reference?.id);
      assert.is(head.name, String(reference?.data[0]));
      assert.equal(decodeEventArgs(head), { type: 'args', args: reference?.data.slice(1) });
    }),
    { numRuns: 10_000 },
  );
});

properties('where the fast path reads a payload, it is the first argument the general decoder reads', () => {
  fc.assert(
    fc.property(anyFrame, (frame) => {
      const nameEnd = eventNameEnd(frame);
      if (nameEnd === -1) return;
      const payload = parseEventPayload(frame, nameEnd);
      if (payload === undefined) return;
      const decoded = decodeEventArgs(decodeFrame(frame) as EventHead);
      assert.is(decoded.type, 'args', frame);
      assert.equal((decoded as { args: unknown[] }).args[0], payload, frame);
    }),
    { numRuns: 100_000 },
  );
});

properties.run();
// #endregion
