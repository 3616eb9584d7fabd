import { createHash } from 'node:crypto';
import type { Spec } from '../load/model.js';
import { notice } from './notice.js';
import { seededRandom } from './seeded-random.js';

/**
 * generated/samples/session.har: a made-up but realistic minute and a half of a user socket, as Chrome
 * exports it, built from the spec's examples. `npm start` replays it; `validate` and `replay` take it too.
 * Everything is fixed (the base time, a seeded generator for ids and jitter), so the file changes only
 * when the spec does.
 */

/** The spec files the capture is drawn from, for its notice. */
const INPUTS = ['spec/connection.yaml', 'spec/commands.yaml', 'spec/events/*.yaml'];

/** Deliberately outside the spec, so that the demo and `validate` have something to report. */
export const SAMPLE_UNKNOWN_EVENT = 'ChatMessageEmbedsUpdated';
/** The unknown field, as the JSON pointer validation reports, on one ChatMessageCreated. */
export const SAMPLE_UNKNOWN_FIELD = '/message/embeds';

const BASE_TIME_MS = Date.UTC(2023, 9, 25, 23, 38, 12, 0);
const SEED = 0x6a7e5eed;
const SID = 'Vq3kR0b8mZ1xYwP4AAJd';
// Characters of the session: the account recording it (the examples' author), a friend and a newcomer.
const ME = 'EdVMVKR4';
const FRIEND = '2d2Wg8Pm';
const NEWCOMER = 'Aq8Ld3Vm';
const FRIEND_CLIENT = '3c9e1f20-5b7a-4d8e-a1f6-0b2c4d6e8f13';
const BASE_ROLE_ID = 23138884;
const TYPING_EVERY_S = 2.7;
const PING_EVERY_S = 25;
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

/**
 * Emits the sample capture as HAR 1.2 JSON, or undefined when the spec lacks an example the story
 * draws on (a small spec, such as a test's): the sample is the full spec's demo, not part of every spec.
 */
export function emitSampleCapture(spec: Spec): string | undefined {
  try {
    const session = new Session(spec);
    tellStory(session);
    return `${JSON.stringify(session.har(), null, 2)}\n`;
  } catch (error) {
    if (error instanceof MissingExample) return undefined;
    throw error;
  }
}

/** Something the story needs that the spec does not have. */
class MissingExample extends Error {}

/** The capture being written: frames at seconds since the socket opened, and helpers that draw payloads from the spec. */
class Session {
  readonly spec: Spec;
  readonly random: () => number;
  readonly myClient: string;
  readonly #frames: Array<{ at: number; type: 'send' | 'receive'; data: string }> = [];

  constructor(spec: Spec) {
    this.spec = spec;
    this.random = seededRandom(SEED);
    const clientId = spec.connection.query.find((parameter) => parameter.name === 'guildedClientId');
    this.myClient = required(clientId?.example, 'an example value of the guildedClientId query parameter');
  }

  /** A deep copy of an event's example. */
  example(name: string, index = 0): Json {
    const event = this.spec.events.find((candidate) => candidate.name === name);
    return structuredClone(required(event?.examples[index] as Json | undefined, `example ${index} of event ${name}`));
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
    for (let at = from; at < to - 0.5; at += TYPING_EVERY_S + this.random() * 0.6) {
      const payload = this.example('ChatChannelTyping');
      this.event(at, 'ChatChannelTyping', { ...payload, channelId: channel.channelId, userId });
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
    return harDocument(this.spec, this.myClient, messages, end);
  }
}

/** The session itself: who says what, when (seconds after the socket opened). */
function tellStory(s: Session): void {
  const { defaults } = s.spec.connection.hello;
  s.receive(0, `0${JSON.stringify({ sid: SID, upgrades: [], ...defaults })}`);
  s.receive(0.001, '40');
  s.heartbeat(103);

  const general = channelOf(s.example('ChatMessageCreated', 0));
  const dm = channelOf(s.example('ChatMessageCreated', 1));
  const channelCreated = s.example('TeamChannelCreated');
  const newChannel = channelCreated['channel'] as Json;
  const patchNotes = { ...general, channelId: newChannel['id'] as string, channelCategoryId: newChannel['channelCategoryId'] };
  const newcomerClient = s.uuid();

  s.event(0.84, 'USER_PRESENCE_MANUALLY_SET', { ...s.example('USER_PRESENCE_MANUALLY_SET'), status: 1 });
  s.event(1.92, 'CHANNEL_SEEN', { ...s.example('CHANNEL_SEEN', 0), guildedClientId: s.myClient });

  // The friend asks; the reply that the examples show answers them.
  const reply = s.example('ChatMessageCreated', 0);
  const asked = (reply['repliedToMessages'] as Json[])[0]!;
  s.typing(3.6, 8.1, FRIEND, general);
  asked['createdAt'] = s.iso(8.1);
  s.event(8.1, 'ChatMessageCreated', message(s, 8.1, general, FRIEND, FRIEND_CLIENT, asked['content'] as Json, asked['id'] as string));
  s.command(9.4, 'ChatChannelTyping', { channelId: general.channelId });
  s.command(12.3, 'ChatChannelTyping', { channelId: general.channelId });
  Object.assign(reply['message'] as Json, { createdAt: s.iso(13.9) });
  // The mention info describes the receiving user, and the author is not mentioned by their own message.
  delete reply['mentionedUserInfo'];
  s.event(13.9, 'ChatMessageCreated', { ...reply, guildedClientId: s.myClient, createdAt: s.iso(13.9) });
  s.event(15.2, 'ChatMessageReactionAdded', { ...s.example('ChatMessageReactionAdded', 0), guildedClientId: FRIEND_CLIENT });

  s.typing(17.0, 21.5, FRIEND, general);
  s.event(21.5, 'ChatMessageCreated', message(s, 21.5, general, FRIEND, FRIEND_CLIENT, text('oh nice, what are you building?')));
  s.command(23.1, 'ChatChannelTyping', { channelId: general.channelId });
  s.event(26.0, 'ChatMessageCreated', message(s, 26.0, general, ME, s.myClient, text('a typed client for the user gateway, generated from a spec')));
  const edit = s.example('ChatMessageUpdated', 0);
  Object.assign(edit['message'] as Json, { createdAt: s.iso(13.9), editedAt: s.iso(27.9) });
  s.event(27.9, 'ChatMessageUpdated', edit);

  // A newcomer joins the team and gets the base role.
  const joined = s.example('TeamMemberJoined', 1);
  Object.assign(joined['user'] as Json, { id: NEWCOMER, name: 'kestrel', joinDate: s.iso(31.0), lastOnline: s.iso(31.0), userTransientStatus: null });
  s.event(31.0, 'TeamMemberJoined', joined);
  s.event(31.2, 'teamRolesUpdated', { ...s.example('teamRolesUpdated', 1), memberRoleIds: [{ userId: NEWCOMER, roleIds: [BASE_ROLE_ID] }] });
  s.event(32.5, 'TeamXpAdded', s.example('TeamXpAdded'));
  s.typing(34.8, 37.9, NEWCOMER, general);
  const greeting = message(s, 37.9, general, NEWCOMER, newcomerClient, text('hi all, just joined from the API docs'));
  s.event(37.9, 'ChatMessageCreated', greeting);
  const tada = s.example('ChatMessageReactionAdded', 1);
  s.event(39.2, 'ChatMessageReactionAdded', {
    ...s.example('ChatMessageReactionAdded', 0),
    guildedClientId: s.myClient,
    reaction: { ...(tada['reaction'] as Json), createdBy: ME },
    message: { id: idOf(greeting) },
  });

  // Meanwhile, in a DM.
  s.typing(40.6, 43.3, FRIEND, dm);
  s.event(43.3, 'ChatMessageCreated', message(s, 43.3, dm, FRIEND, FRIEND_CLIENT, text("can I try it before it's published?")));
  s.event(44.5, 'CHANNEL_SEEN', { ...s.example('CHANNEL_SEEN', 1), guildedClientId: s.myClient });
  s.command(45.7, 'ChatChannelTyping', { channelId: dm.channelId });
  const answer = message(s, 48.4, dm, ME, s.myClient, text('sure: npm start runs a demo, no account needed'));
  s.event(48.4, 'ChatMessageCreated', answer);
  s.event(51.2, 'ChatMessageReactionAdded', { ...tada, guildedClientId: FRIEND_CLIENT, message: { id: idOf(answer) } });

  // Back in the team: a channel for release notes, and a role change.
  s.event(53.0, 'CHANNEL_SEEN', { ...s.example('CHANNEL_SEEN', 0), guildedClientId: s.myClient });
  Object.assign(newChannel, { createdAt: s.iso(54.6), updatedAt: s.iso(54.6), createdBy: ME });
  s.event(54.6, 'TeamChannelCreated', { ...channelCreated, guildedClientId: s.myClient });
  s.event(54.8, 'ChatMessageCreated', systemMessage(s, 54.8, patchNotes));
  s.event(56.1, 'teamRolesUpdated', s.example('teamRolesUpdated', 0));
  const notes = message(s, 57.9, patchNotes, ME, s.myClient, text('v0.1.0: typed events, payload validation, capture replay'));
  s.event(57.9, 'ChatMessageCreated', notes);
  s.event(59.5, 'ChatPinnedMessageCreated', { ...s.example('ChatPinnedMessageCreated'), ...patchNotes, message: { id: idOf(notes) } });

  // A link, with a field the spec does not know, then an event it does not know.
  s.typing(61.2, 63.7, FRIEND, general);
  const link = message(s, 63.7, general, FRIEND, FRIEND_CLIENT, text('the old docs are still up: https://guildedapi.com'));
  const embed = { url: 'https://guildedapi.com', title: 'Guilded API', description: 'Community documentation for the Guilded API.' };
  (link['message'] as Json)['embeds'] = [];
  s.event(63.7, 'ChatMessageCreated', link);
  s.event(64.4, SAMPLE_UNKNOWN_EVENT, { type: SAMPLE_UNKNOWN_EVENT, ...general, contentId: idOf(link), embeds: [embed] });
  s.event(66.0, 'ChatMessageReactionDeleted', { ...s.example('ChatMessageReactionDeleted'), guildedClientId: FRIEND_CLIENT });
  s.event(68.3, 'TeamMemberUpdated', { ...s.example('TeamMemberUpdated', 0), guildedClientId: s.myClient });

  // The newcomer posts twice by mistake and deletes the second.
  s.typing(70.1, 72.6, NEWCOMER, general);
  const question = message(s, 72.6, general, NEWCOMER, newcomerClient, text('is there a changelog?'));
  s.event(72.6, 'ChatMessageCreated', question);
  const duplicate = message(s, 73.4, general, NEWCOMER, newcomerClient, text('is there a changelog?'));
  s.event(73.4, 'ChatMessageCreated', duplicate);
  s.event(76.2, 'ChatMessageDeleted', {
    ...s.example('ChatMessageDeleted', 0),
    guildedClientId: newcomerClient,
    message: { id: idOf(duplicate), createdAt: s.iso(73.4), deletedAt: s.iso(76.2) },
    newLastMessage: question['message'],
  });
  s.command(77.5, 'ChatChannelTyping', { channelId: general.channelId });
  const pointer = message(s, 79.8, general, ME, s.myClient, text('yes, in #patch-notes, pinned'));
  s.event(79.8, 'ChatMessageCreated', pointer);

  s.typing(81.4, 84.9, FRIEND, general);
  const voice = message(s, 84.9, general, FRIEND, FRIEND_CLIENT, text('hopping into voice if anyone wants to test calls'));
  s.event(84.9, 'ChatMessageCreated', voice);
  s.event(87.3, 'TeamXpAdded', { ...s.example('TeamXpAdded'), userIds: [NEWCOMER, ME] });
  s.event(90.2, 'ChatMessageReactionAdded', {
    ...s.example('ChatMessageReactionAdded', 0),
    guildedClientId: newcomerClient,
    reaction: { ...(s.example('ChatMessageReactionAdded', 0)['reaction'] as Json), createdBy: NEWCOMER },
    message: { id: idOf(pointer) },
  });
  const nevermind = s.example('ChatMessageUpdated', 0);
  Object.assign(nevermind, { guildedClientId: FRIEND_CLIENT, contentId: idOf(voice), updatedBy: FRIEND });
  Object.assign(nevermind['message'] as Json, {
    id: idOf(voice),
    content: text('hopping into voice later today'),
    createdBy: FRIEND,
    createdAt: s.iso(84.9),
    editedAt: s.iso(95.1),
  });
  s.event(95.1, 'ChatMessageUpdated', nevermind);
  s.event(101.5, 'USER_PRESENCE_MANUALLY_SET', s.example('USER_PRESENCE_MANUALLY_SET'));
}

/** The channel fields of a message event: where it was posted. */
function channelOf(example: Json): ChannelFields {
  const keys = ['channelId', 'channelCategoryId', 'channelType', 'teamId', 'contentType'];
  return Object.fromEntries(keys.filter((key) => key in example).map((key) => [key, example[key]])) as ChannelFields;
}

/** A ChatMessageCreated in `channel`, shaped as the spec's example for that kind of channel. */
function message(s: Session, at: number, channel: ChannelFields, author: string, client: string, content: Json, id = s.uuid()): Json {
  const example = s.example('ChatMessageCreated', channel['channelType'] === 'DM' ? 1 : 0);
  delete example['mentionedUserInfo'];
  const createdAt = s.iso(at);
  return {
    ...example,
    ...channel,
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

/** The system message Guilded posts in a new channel, from the spec's system-message example. */
function systemMessage(s: Session, at: number, channel: ChannelFields): Json {
  const example = s.example('ChatMessageCreated', 2);
  const id = s.uuid();
  const createdAt = s.iso(at);
  return {
    ...example,
    ...channel,
    contentId: id,
    createdAt,
    createdBy: ME,
    systemMessageInfo: { type: 'team-channel-created', createdBy: ME },
    message: { ...(example['message'] as Json), id, createdBy: ME, createdAt },
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
function harDocument(spec: Spec, clientId: string, messages: readonly HarMessage[], end: number): Json {
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
        `It holds one event the spec does not know (${SAMPLE_UNKNOWN_EVENT}) and one unknown field (${SAMPLE_UNKNOWN_FIELD} on a ChatMessageCreated), on purpose.`,
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

/** The value, or a MissingExample naming what the spec lacks. */
function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new MissingExample(`sample capture: the spec has no ${what}`);
  return value;
}
