// A bot as its author writes it against the installed package. The packed-tarball test copies this file
// into an empty project and type-checks it twice, as ESM (module nodenext) and as CommonJS (module
// node16), with the strictest settings and skipLibCheck off. It is never run: no gateway is reached.
import { GatewayClient, GatewayError, validateCommand, validateEvent, type ClientEvent } from 'guilded-gateway';
import {
  CURRENT_ENDPOINT,
  CloseCode,
  GatewayEvent,
  HEARTBEAT,
  PresenceStatus,
  commands,
  eventEntries,
  events,
  type ChatMessageCreatedPayload,
  type EventName,
  type EventPayload,
  type Uuid,
} from 'guilded-gateway/generated';

export async function bot(): Promise<string[]> {
  const seen: string[] = [];
  const client = new GatewayClient({ cookie: 'hmac_signed_session=…', teamId: 'a1b2c3d4' });

  client.on('ChatMessageCreated', (payload) => {
    const text = payload.message.content.document.nodes
      .flatMap((node) => node.nodes ?? [])
      .flatMap((node) => node.leaves ?? [])
      .map((leaf) => leaf.text)
      .join('');
    seen.push(`${payload.createdBy}: ${text} in ${payload.channelId}`);
  });
  client.on(GatewayEvent.TeamRolesUpdated, ({ teamId }) => seen.push(`roles changed in ${teamId}`));
  client.on('TEAM_CHANNEL_CONTENT_CREATED', (payload) => {
    // contentType decides the content: a doc post carries its doc, no `!` needed
    if (payload.contentType === 'doc') seen.push(payload.doc.title);
  });
  client.on('TeamMemberJoined', ({ user }) => {
    if (user.userPresenceStatus === PresenceStatus.Online) seen.push(`${user.name} joined, online`);
  });
  client.on('invalidPayload', ({ name, errors }) => seen.push(`${name} ${errors.map((error) => error.pointer).join(' ')}`));
  client.on('error', (error) => seen.push(error instanceof GatewayError ? error.code : 'never'));
  // @ts-expect-error a misspelled event name is a compile error
  client.on('ChatMessageCreate', () => undefined);
  // @ts-expect-error a field the payload does not have is a compile error
  client.on('ChatMessageCreated', (payload) => payload.messageText);

  await client.connect();
  client.send('ChatChannelTyping', { channelId: 'd2242862-401c-42f8-9ce2-0c75977475a6' });
  client.send('logout');
  // @ts-expect-error a command without its required field is a compile error
  client.send('ChatChannelTyping', {});

  const result = validateEvent('ChatChannelTyping', { type: 'ChatChannelTyping', channelId: 7 });
  seen.push(`${result.ok} ${result.errors[0]?.pointer ?? ''} ${validateCommand('logout', undefined).ok}`);

  for await (const event of client) {
    if (event.name === 'ChatMessageCreated') {
      const message: ChatMessageCreatedPayload = event.payload;
      seen.push(message.message.id);
    }
    const any: ClientEvent = event;
    if (any.name === 'unknownEvent') seen.push(any.payload.name);
    break;
  }
  await client.close();

  const wire: unknown = JSON.parse('{}');
  if (eventEntries.ChatMessageCreated.validate(wire)) {
    const channel: Uuid = wire.channelId;
    seen.push(channel);
  }
  const checked: EventPayload | undefined = events['TeamGroupUpdated']?.validate(wire) ? wire : undefined;
  seen.push(`${checked === undefined ? 'not' : 'a'} spec payload; close with ${CloseCode.Normal}`);

  const name: EventName = 'ChatMessageCreated';
  const entry = events[name];
  seen.push(`${entry?.status ?? 'absent'} ${commands['ChatChannelTyping']?.hasPayload ?? false} ${CURRENT_ENDPOINT} ${HEARTBEAT.ping}`);
  return seen;
}
