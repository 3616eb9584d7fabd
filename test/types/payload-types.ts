// Compile-only: `npm test` type-checks this file. Each @ts-expect-error fails the check
// if the line below it ever stops being an error, so the generated types cannot silently loosen.
import type {
  ChatChannelTypingCommand,
  ChatMessageCreatedPayload,
  CommandPayloadMap,
  EventPayloadMap,
  ReceivedEvent,
  TeamXpSetPayload,
} from '../../generated/index.js';

declare const created: ChatMessageCreatedPayload;

// A bot author reaches the content document down to leaves and marks, with literal unions.
const markType: 'bold' | 'italic' | 'underline' | 'strikethrough' | 'spoiler' | 'inline-code-v2' | undefined =
  created.message.content.document.nodes[0]?.nodes?.[0]?.leaves?.[0]?.marks[0]?.type;
const channelType: 'Team' | 'DM' | 'team' = created.channelType;
void markType;
void channelType;

export const typing: ChatChannelTypingCommand = { channelId: 'd2242862-401c-42f8-9ce2-0c75977475a6' };

// @ts-expect-error a channel id is a string, not a number
export const wrongType: ChatChannelTypingCommand = { channelId: 42 };

// @ts-expect-error types are closed: an unknown property is a compile error
export const unknownProperty: ChatChannelTypingCommand = { channelId: 'd2242862-401c-42f8-9ce2-0c75977475a6', channelld: 'typo' };

// @ts-expect-error the type tag is the event's own wire name
export const wrongTag: Pick<ChatMessageCreatedPayload, 'type'> = { type: 'ChatMessageUpdated' };

// @ts-expect-error TeamXpSet carries no type field
export const xpTag: TeamXpSetPayload['type'] = 'TeamXpSet';

// @ts-expect-error the event map is keyed by wire name: the tidy alias is not a key
export type TidyName = EventPayloadMap['TeamRolesUpdated'];
export type WireName = EventPayloadMap['teamRolesUpdated'];

// @ts-expect-error logout is sent as a bare name: it has no payload
export const logoutPayload: CommandPayloadMap['logout'] = { reason: 'bye' };

/** Narrowing on the literal tag gives the payload its own type. */
export function channelOf(event: ReceivedEvent): string | undefined {
  if (event.name === 'ChatMessageCreated') return event.payload.message.id;
  // @ts-expect-error TeamXpAdded has no message
  if (event.name === 'TeamXpAdded') return event.payload.message.id;
  return undefined;
}
