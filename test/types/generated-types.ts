// Compile-only: `npm test` type-checks this file, and test/generated/types.test.ts compiles it on its own.
// Each @ts-expect-error fails the check if the line below it ever stops being an error, so what the
// generated types say about the spec cannot silently loosen.
import {
  CloseCode,
  EnginePacketType,
  eventEntries,
  events,
  GatewayEvent,
  PresenceStatus,
  type ChannelEventEnvelope,
  type ChatMessageCreatedPayload,
  type ChatMessageUpdatedPayload,
  type EventPayload,
  type EventPayloadMap,
  type IsoTimestamp,
  type TeamChannelContentCreatedPayload,
  type TeamChannelContentUpdatedPayload,
  type TeamMember,
  type TeamSocketReconnectedPayload,
  type UserPresenceManuallySetPayload,
  type Uuid,
} from '../../generated/index.js';
import type { GatewayClient } from '../../runtime/index.js';

/** True only when A and B are the same type (not merely assignable both ways). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

declare const wire: unknown;
declare const client: GatewayClient;

// 1. The keyed table's validator is a type guard for its own payload.
export function messageIdOf(data: unknown): string | undefined {
  if (eventEntries.ChatMessageCreated.validate(data)) return data.message.id;
  // @ts-expect-error unvalidated data is unknown
  return data.message.id;
}
eventEntries.teamRolesUpdated.name satisfies 'teamRolesUpdated';
// The loose lookup by any wire string narrows to some spec payload, not to one in particular.
export const anyPayload: EventPayload | undefined = events['TeamGroupUpdated']?.validate(wire) ? wire : undefined;
// @ts-expect-error the keyed table has only canonical wire names
void eventEntries.TeamRolesUpdated;

// 2. A name-only event is open: no source shows its fields, so reading one is not a mistake.
declare const reconnected: TeamSocketReconnectedPayload;
export const anyField: unknown = reconnected.sessionId;
reconnected.type satisfies 'TEAEM_SOCKET_RECONNECTED';
declare const created: ChatMessageCreatedPayload;
// @ts-expect-error an event with known fields stays closed
void created.sessionId;

// 3. Formats have names: a channel id is a Uuid and a timestamp an IsoTimestamp, not a bare string.
export const channelIsUuid: Same<ChatMessageCreatedPayload['channelId'], Uuid> = true;
export const createdAtIsTimestamp: Same<ChatMessageCreatedPayload['createdAt'], IsoTimestamp> = true;
// @ts-expect-error the alias is named, not plain string
export const channelIsString: Same<ChatMessageCreatedPayload['channelId'], string> = true;
// Any string is still a Uuid: the type names the format, the validators check it.
export const typedId: Uuid = 'd2242862-401c-42f8-9ce2-0c75977475a6';

// 4. contentType decides which content a channel event carries.
export function titleOf(payload: TeamChannelContentCreatedPayload): string | undefined {
  if (payload.contentType === 'doc') return payload.doc.title;
  if (payload.contentType === 'forum') return payload.thread.title;
  // @ts-expect-error only the doc case has a doc
  return payload.doc.title;
}
export function editedTitleOf(payload: TeamChannelContentUpdatedPayload): string | undefined {
  // On updates the content object may be absent (reply and flag changes), but it is still the matching one.
  if (payload.contentType === 'doc') return payload.doc?.title;
  return undefined;
}
export function listReorderOf(payload: TeamChannelContentUpdatedPayload): string[] | undefined {
  // @ts-expect-error list reorders are fields of the list case
  return payload.orderedListItemIds;
}

// 5. The channel envelope is one interface that events extend.
export const envelope: ChannelEventEnvelope = created;
export const envelopeId: Uuid = envelope.channelId;
declare const edited: ChatMessageUpdatedPayload;
// @ts-expect-error a message edit's teamId may be null (deck), which the envelope does not allow
export const editEnvelope: ChannelEventEnvelope = edited;
edited.message.type satisfies 'default' | 'system';

// 6. Codes have names, and the unions beside them.
export const online: PresenceStatus = PresenceStatus.Online;
PresenceStatus.Online satisfies 1;
CloseCode.Normal satisfies 1000;
EnginePacketType.Open satisfies 0;
export const closeCode: CloseCode = CloseCode.GoingAway;
declare const member: TeamMember;
export const presence: PresenceStatus = member.userPresenceStatus;
// @ts-expect-error 5 is no presence
export const noPresence: PresenceStatus = 5;
// @ts-expect-error 1006 is not a code the spec names
export const unnamedClose: CloseCode = 1006;
// A small integer range is a literal union.
// @ts-expect-error the manually set presence is 1 to 4
export const outOfRange: UserPresenceManuallySetPayload = { type: 'USER_PRESENCE_MANUALLY_SET', status: 5 };

// 7. The event map: tidy names to wire names, the union of payloads, a misspelled wire name's tidy type.
GatewayEvent.TeamRolesUpdated satisfies 'teamRolesUpdated';
GatewayEvent.TeamSocketReconnected satisfies 'TEAEM_SOCKET_RECONNECTED';
// @ts-expect-error the misspelling is not a tidy name
void GatewayEvent.TeaemSocketReconnected;
client.on(GatewayEvent.TeamRolesUpdated, (payload) => payload.rolesById satisfies EventPayloadMap['teamRolesUpdated']['rolesById']);
export const somePayload: EventPayload = created;
