import { createHash } from 'node:crypto';
import type { Spec } from '../load/model.js';
import { exampleAt, fillIn, type SampleSessionData, type SessionStep } from '../load/sample-session.js';
import { notice } from './notice.js';
import { seededRandom } from './seeded-random.js';

/**
 * generated/samples/session.har: a made-up but realistic minute and a half of a user socket, as Chrome
 * exports it, built from the spec's examples. `npm start` replays it; `validate` and `replay` take it too.
 * Everything is fixed (the base time, a seeded generator for ids and jitter), so the file changes only
 * when the spec does.
 */

/** The spec files the capture is drawn from, for its notice. */
const INPUTS = ['spec/connection.yaml', 'spec/commands.yaml', 'spec/events/*.yaml', 'spec/sample-session.yaml'];

const BASE_TIME_MS = Date.UTC(2023, 9, 25, 23, 38, 12, 0);
const SEED = 0x6a7e5eed;
const SID = 'Vq3kR0b8mZ1xYwP4AAJd';
const USER_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0.0.0 Safari/537.36';
const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

type Json = Record<string, unknown>;
type ChannelFields = Json & { channelId: string };

interface HarMessage {
  readonly type: 'send' | 'receive';
  readonly time: number;
  readonly opcode: 1;
  readonly data: string;
}

/** Emits the sample capture as HAR 1.2 JSON, or undefined when the spec has no sample session (a small test spec). */
export function emitSampleCapture(spec: Spec): string | undefined {
  if (!spec.sampleSession) return undefined;
  const session = new Session(spec, spec.sampleSession.data);
  tellStory(session);
  return `${JSON.stringify(session.har(), null, 2)}\n`;
}

/** The capture being written: frames at seconds since the socket opened, and helpers that draw payloads from the spec. */
class Session {
  readonly spec: Spec;
  readonly story: SampleSessionData;
  readonly random: () => number;
  readonly myClient: string;
  readonly #frames: Array<{ at: number; type: 'send' | 'receive'; data: string }> = [];

  constructor(spec: Spec, story: SampleSessionData) {
    this.spec = spec;
    this.story = story;
    this.random = seededRandom(SEED);
    const clientId = spec.connection.query.find((parameter) => parameter.name === 'guildedClientId');
    this.myClient = required(clientId?.example, 'an example value of the guildedClientId query parameter');
  }

  /** A copy of the example (or part of one) that `ref` names; spec/sample-session.yaml was checked when loaded. */
  example(ref: string): Json {
    const found = exampleAt(this.spec, ref);
    if ('problem' in found) throw new Error(`sample capture: ${found.problem}`);
    return found.value as Json;
  }

  /** The ISO time `at` seconds into the session. */
  iso(at: number): string {
    return new Date(BASE_TIME_MS + Math.round(at * 1000)).toISOString();
  }

  /** A UUIDv4 from the seeded generator. */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => Math.floor(this.random() * 16).toString(16));
    hex[12] = '4';
    hex[16] = (8 + Math.floor(this.random() * 4)).toString(16);
    const text = hex.join('');
    return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
  }

  /** A server event, arriving a few milliseconds after `at` (its timestamps); most carry 2023's trailing null. */
  event(at: number, name: string, payload: Json): void {
    const args = this.random() < 0.75 ? [name, payload, null] : [name, payload];
    this.receive(at + this.latency(), `42${JSON.stringify(args)}`);
  }

  /** Between 5 and 95 ms: how late a frame travels after what it reports, so that no time is round. */
  latency(): number {
    return 0.005 + this.random() * 0.09;
  }

  /** A command the client sent, drawn from the command's first example. */
  command(at: number, name: string, overrides: Json): void {
    const command = this.spec.commands.find((candidate) => candidate.name === name);
    const example = required(command?.examples[0] as Json | undefined, `an example of command ${name}`);
    this.send(at + this.latency(), `42${JSON.stringify([name, { ...example, ...overrides }])}`);
  }

  receive(at: number, data: string): void {
    this.#frames.push({ at, type: 'receive', data });
  }

  send(at: number, data: string): void {
    this.#frames.push({ at, type: 'send', data });
  }

  /** Typing events from `from` to just before `to` seconds, every few seconds as the web client sends them. */
  typing(from: number, to: number, userId: string, channel: ChannelFields): void {
    const { example, every } = this.story.typing;
    const name = example.slice(0, example.indexOf('#'));
    for (let at = from; at < to - 0.5; at += every + this.random() * 0.6) {
      this.event(at, name, { ...this.example(example), channelId: channel.channelId, userId });
    }
  }

  /** The heartbeat: a ping every pingInterval from the client, each answered within a few tens of milliseconds. */
  heartbeat(until: number): void {
    const interval = this.spec.connection.hello.defaults.pingInterval / 1000;
    for (let at = interval; at < until; at += interval) {
      const sent = at + this.random() * 0.004;
      this.send(sent, this.spec.connection.heartbeat.ping);
      this.receive(sent + 0.03 + this.random() * 0.05, this.spec.connection.heartbeat.pong);
    }
  }

  har(): Json {
    const frames = this.#frames.slice().sort((a, b) => a.at - b.at);
    const end = frames.at(-1)?.at ?? 0;
    const messages: HarMessage[] = frames.map(({ at, type, data }) => ({
      type,
      // Chrome writes epoch seconds with sub-millisecond digits; milliseconds keep the numbers short and exact.
      time: (BASE_TIME_MS + Math.round(at * 1000)) / 1000,
      opcode: 1,
      data,
    }));
    return harDocument(this.spec, this.story, this.myClient, messages, end);
  }
}

/** The people, channels and named messages of the story, as the steps so far have made them. */
interface Cast {
  readonly people: Record<string, { user: string; client: string }>;
  readonly channels: Record<string, ChannelFields & { example: string }>;
  readonly messages: Map<string, Json>;
}

/** A `$word argument` value filled in, anything else copied with its `$` values filled in. */
function filled(s: Session, cast: Cast, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => filled(s, cast, item));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, filled(s, cast, item)]));
  const ref = fillIn(value);
  if (!ref) return value;
  switch (ref.word) {
    case 'time':
      return s.iso(Number(ref.argument));
    case 'example':
      return s.example(ref.argument);
    case 'id':
      return idOf(cast.messages.get(ref.argument)!);
    case 'message':
      return cast.messages.get(ref.argument)!['message'];
    case 'user':
      return cast.people[ref.argument]!.user;
    case 'client':
      return cast.people[ref.argument]!.client;
    case 'uuid':
      return s.uuid();
    case 'text':
      return text(ref.argument);
    case 'query':
      return s.myClient;
    default:
      throw new Error(`sample capture: $${ref.word} is not a value spec/sample-session.yaml fills in`);
  }
}

/** Sets `a/b/c` keys in order, each replacing what was there (a new key goes last, as in an object spread). */
function setFields(target: Json, fields: Json): void {
  for (const [path, value] of Object.entries(fields)) {
    const keys = path.split('/');
    const last = keys.pop()!;
    const parent = keys.reduce<Json>((node, key) => node[key] as Json, target);
    parent[last] = value;
  }
}

/** The session itself, as spec/sample-session.yaml tells it. */
function tellStory(s: Session): void {
  const { story } = s;
  const { defaults } = s.spec.connection.hello;
  s.receive(0, `0${JSON.stringify({ sid: SID, upgrades: [], ...defaults })}`);
  s.receive(0.001, '40');
  s.heartbeat(story.heartbeatUntil);

  const cast: Cast = { people: {}, channels: {}, messages: new Map() };
  for (const [name, { example, ...fields }] of Object.entries(story.channels)) {
    const channel = { ...channelOf(s.example(example)), ...(filled(s, cast, fields) as Json) } as ChannelFields;
    cast.channels[name] = Object.assign(channel, { example });
  }
  for (const [name, person] of Object.entries(story.people)) cast.people[name] = filled(s, cast, person) as { user: string; client: string };

  for (const step of story.steps) {
    const at = step.at ?? 0;
    const by = cast.people[step.by ?? ''];
    const where = cast.channels[step.in ?? ''];
    if (step.typing !== undefined) {
      s.typing(step.from!, step.to!, cast.people[step.typing]!.user, where!);
    } else if (step.command !== undefined) {
      s.command(at, step.command, { channelId: where!.channelId });
    } else if (step.say !== undefined || step.system !== undefined) {
      const said = step.say === undefined ? systemMessage(s, at, where!, step.system!, step.example!, by!.user) : sayMessage(s, cast, step, where!, by!);
      if (step.set) setFields(said, filled(s, cast, step.set) as Json);
      if (step.name !== undefined) cast.messages.set(step.name, said);
      s.event(at, 'ChatMessageCreated', said);
    } else {
      const payload = step.example !== undefined ? s.example(step.example) : (filled(s, cast, step.start) as Json);
      if (step.channel !== undefined) Object.assign(payload, withoutExample(cast.channels[step.channel]!));
      if (step.client !== undefined) payload['guildedClientId'] = cast.people[step.client]!.client;
      if (step.set) setFields(payload, filled(s, cast, step.set) as Json);
      for (const key of step.unset ?? []) delete payload[key];
      s.event(at, step.event ?? step.example!.slice(0, step.example!.indexOf('#')), payload);
    }
  }
}

/** The channel fields of a message event: where it was posted. */
function channelOf(example: Json): ChannelFields {
  const keys = ['channelId', 'channelCategoryId', 'channelType', 'teamId', 'contentType'];
  return Object.fromEntries(keys.filter((key) => key in example).map((key) => [key, example[key]])) as ChannelFields;
}

function withoutExample(channel: ChannelFields & { example: string }): ChannelFields {
  const { example: _example, ...fields } = channel;
  return fields;
}

/** A say step's ChatMessageCreated: text (or content drawn from an example), with a fresh id unless the step gives one. */
function sayMessage(s: Session, cast: Cast, step: SessionStep, channel: ChannelFields & { example: string }, by: { user: string; client: string }): Json {
  const said = filled(s, cast, step.say);
  const id = step.id !== undefined ? (filled(s, cast, step.id) as string) : s.uuid();
  return message(s, step.at!, channel, by.user, by.client, typeof said === 'string' ? text(said) : (said as Json), id);
}

/** A ChatMessageCreated in `channel`, shaped as the channel's example message. */
function message(s: Session, at: number, channel: ChannelFields & { example: string }, author: string, client: string, content: Json, id: string): Json {
  const example = s.example(channel.example);
  delete example['mentionedUserInfo'];
  const createdAt = s.iso(at);
  return {
    ...example,
    ...withoutExample(channel),
    guildedClientId: client,
    contentId: id,
    createdAt,
    createdBy: author,
    silenceNotification: false,
    repliedToMessages: [],
    message: {
      id,
      type: 'default',
      content,
      createdBy: author,
      createdAt,
      repliesTo: null,
      repliesToIds: [],
      isSilent: false,
      isPrivate: false,
    },
  };
}

/** A system message Guilded posts (such as team-channel-created), from a system-message example. */
function systemMessage(s: Session, at: number, channel: ChannelFields & { example: string }, type: string, ref: string, author: string): Json {
  const example = s.example(ref);
  const id = s.uuid();
  const createdAt = s.iso(at);
  return {
    ...example,
    ...withoutExample(channel),
    contentId: id,
    createdAt,
    createdBy: author,
    systemMessageInfo: { type, createdBy: author },
    message: { ...(example['message'] as Json), id, createdBy: author, createdAt },
  };
}

/** A one-paragraph content document, as messages carry text. */
function text(value: string): Json {
  return {
    object: 'value',
    document: {
      object: 'document',
      data: {},
      nodes: [
        { object: 'block', type: 'paragraph', data: {}, nodes: [{ object: 'text', leaves: [{ object: 'leaf', text: value, marks: [] }] }] },
      ],
    },
  };
}

function idOf(created: Json): string {
  return (created['message'] as Json)['id'] as string;
}

/** The HAR document around the messages: one WebSocket entry, as Chrome's "Save all as HAR with content" writes it. */
function harDocument(spec: Spec, story: SampleSessionData, clientId: string, messages: readonly HarMessage[], end: number): Json {
  const endpoint = new URL(required(spec.connection.endpoints.find((candidate) => candidate.current)?.url, 'a current endpoint'));
  const query: Array<[string, string]> = [
    ['jwt', required(spec.connection.query.find((parameter) => parameter.name === 'jwt')?.value, 'the jwt query value')],
    ['guildedClientId', clientId],
    ['EIO', required(spec.connection.query.find((parameter) => parameter.name === 'EIO')?.value, 'the EIO query value')],
    ['transport', required(spec.connection.query.find((parameter) => parameter.name === 'transport')?.value, 'the transport query value')],
  ];
  const url = `${endpoint.origin}${endpoint.pathname}?${new URLSearchParams(query).toString()}`;
  const cookies = spec.connection.headers.find((header) => header.name === 'cookie')?.cookies ?? [];
  // A HAR from a real browser holds the session cookie: never publish one. The placeholder keeps the shape.
  const cookie = cookies.map((name) => `${name}=<redacted>`).join('; ');
  const key = createHash('sha256').update(`guilded-gateway sample ${SEED}`).digest().subarray(0, 16).toString('base64');
  const accept = createHash('sha1').update(key + WEBSOCKET_GUID).digest('base64');
  const handshakeMs = 231.482;
  const started = new Date(BASE_TIME_MS - Math.round(handshakeMs)).toISOString();
  const httpDate = new Date(BASE_TIME_MS).toUTCString();
  const origin = `https://${endpoint.host}`;
  const header = (name: string, value: string) => ({ name, value });
  return {
    log: {
      version: '1.2',
      creator: { name: 'WebInspector', version: '537.36' },
      comment: [
        ...notice(INPUTS),
        `A made-up ${Math.round(end)}-second session of the user socket, drawn from the spec's examples: not a real capture.`,
        `It holds one event the spec does not know (${story.unknown.event}) and one unknown field (${story.unknown.field} on a ChatMessageCreated), on purpose.`,
      ].join('\n'),
      pages: [
        {
          startedDateTime: started,
          id: 'page_1',
          title: `${origin}/`,
          pageTimings: { onContentLoad: -1, onLoad: -1 },
        },
      ],
      entries: [
        {
          _initiator: { type: 'script' },
          _priority: null,
          _resourceType: 'websocket',
          cache: {},
          connection: '443',
          pageref: 'page_1',
          request: {
            method: 'GET',
            url,
            httpVersion: 'HTTP/1.1',
            headers: [
              header('Host', endpoint.host),
              header('Connection', 'Upgrade'),
              header('Pragma', 'no-cache'),
              header('Cache-Control', 'no-cache'),
              header('User-Agent', USER_AGENT),
              header('Upgrade', 'websocket'),
              header('Origin', origin),
              header('Sec-WebSocket-Version', '13'),
              header('Accept-Encoding', 'gzip, deflate, br'),
              header('Accept-Language', 'en-US,en;q=0.9'),
              header('Cookie', cookie),
              header('Sec-WebSocket-Key', key),
              header('Sec-WebSocket-Extensions', 'permessage-deflate; client_max_window_bits'),
            ],
            queryString: query.map(([name, value]) => header(name, value)),
            cookies: cookies.map((name) => ({ name, value: '<redacted>', path: '/', domain: '.guilded.gg', expires: null, httpOnly: true, secure: true })),
            headersSize: -1,
            bodySize: 0,
          },
          response: {
            status: 101,
            statusText: 'Switching Protocols',
            httpVersion: 'HTTP/1.1',
            headers: [
              header('Date', httpDate),
              header('Connection', 'upgrade'),
              header('Upgrade', 'websocket'),
              header('Sec-WebSocket-Accept', accept),
              header('Sec-WebSocket-Extensions', 'permessage-deflate'),
            ],
            cookies: [],
            content: { size: 0, mimeType: 'x-unknown' },
            redirectURL: '',
            headersSize: -1,
            bodySize: 0,
            _transferSize: 0,
            _error: null,
          },
          serverIPAddress: '',
          startedDateTime: started,
          time: handshakeMs,
          timings: { blocked: 1.204, dns: -1, ssl: -1, connect: -1, send: 0, wait: 230.096, receive: 0.182, _blocked_queueing: 0.871 },
          _webSocketMessages: messages,
        },
      ],
    },
  };
}

/** The value, or an error naming what the spec lacks. */
function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`sample capture: the spec has no ${what}`);
  return value;
}
