import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { commands, events } from '../../generated/index.js';

/** Every event name on the community page's table, as the page spells it. */
const PAGE_NAMES = `DMChatChannelCreated ChatChannelBroadcastCall ChatChannelBroadcastCallResponse ChatChannelUpdated
ChatChannelTyping ChatChannelHidden ChatChannelNicknameChanged ChatMessageCreated ChatMessageUpdated ChatMessageDeleted
ChatMessagesDeleted ChatMessageReactionAdded ChatMessageReactionDeleted ChatPinnedMessageCreated ChatPinnedMessageDeleted
TemporalChannelCreated TemporalChannelUsersAdded TeamSocketReconnected TeamRolesUpdated TeamXpAdded TeamXpSet
TeamReactionsUpdated TeamContentReactionsAdded TeamContentReactionsRemoved TeamContentDeleted TeamMessagesDeleted
TeamThreadCreated TeamThreadReplyCreated TeamEventModified TeamEventCreated TeamEventRemoved TeamMemberJoined
TeamMemberRemoved TeamMembersRemoved TeamMutedMembersUpdated TeamDeafenedMembersUpdated TeamMemberAliasUpdated
TeamSubscriptionInfoUpdated TeamStreamInfoUpdated TeamContentOperationsApplied TeamContentReplaced TeamContentReplyAdded
TeamContentReplyRemoved TeamAvailabilitiesUpdated TeamChannelAvailabilitiesUpdated TeamChannelAvailabilitiesRemoved
TeamMemberUpdated TeamMemberSocialLinkUpdated TeamGameAdded TeamApplicationCreated TeamApplicationRemoved
TeamApplicationUpdated TeamUpdated TeamChannelCreated TeamChannelUpdated TeamChannelPrioritiesUpdated
TeamChannelCategoryPrioritiesUpdated TeamChannelDeleted TeamChannelsDeleted TeamChannelCategoryCreated
TeamChannelCategoryUpdated TeamChannelCategoryDeleted TeamChannelCategoriesDeleted TeamChannelCategoryGroupMoved
TeamWebhookCreated TeamWebhookUpdated TeamBotCreated TeamBotUpdated TeamBotFlowUpdated TeamGroupPrioritiesUpdated
TeamGroupDeleted TeamGroupArchived TeamGroupRestored TeamGroupFollowed TeamStripeAccountOnboarded
TeamServerSubscriptionPlanCreated TeamServerSubscriptionPlanUpdated TeamServerSubscriptionPlanDeleted
TeamServerSubscriptionUpdated UserSocketConnected UserSocketConnectError UserSocketReconnected UserSocketReconnecting
UserAliasUpdated TeamMemberStreamUpdated UserPresenceManuallySet UserPresenceReceived UserPinged UserUpdated
UserTeamsUpdated UserSocialLinkUpdated UserTeamSectionUnreadCountIncremented UserScannedMobileDownloadQr
UserStreamsVisibilityUpdated TeamChannelContentCreated TeamChannelContentCreatedSilent TeamChannelContentReplyCreated
TeamChannelContentReplyUpdated TeamChannelContentReplyDeleted TeamChannelContentUpdated TeamChannelContentDeleted
TeamChannelArchived TeamChannelRestored TeamChannelVoiceParticipantAdded TeamChannelVoiceParticipantRemoved
TeamChannelVoiceUserClientConnected TeamChannelStreamUserClientConnected TeamChannelStreamAdded TeamChannelStreamRemoved
TeamChannelStreamActive TeamChannelStreamEnded TeamChannelVoiceUserMoved ChannelSeen ChannelContentSeen ChannelBadged
ChannelUnbadged TeamGroupCreated TeamGroupUpdated TeamGroupDeletedForUser TeamUserGroupPrioritiesUpdated
TeamGroupMarkedAsRead MediaUploadProgress VoiceChannelRegionPingReport`.split(/\s+/);

/** Names as they travel on the wire (gateway-facts.md, section 5), including deck-only ones. */
const WIRE_NAMES = `TEAEM_SOCKET_RECONNECTED teamRolesUpdated teamReactionsUpdated teamReactionRemoved teamContentReactionsAdded
teamContentReactionsRemoved teamThreadCreated teamThreadReplyCreated TeamPaymentInfoUpdated USER_SOCKET_CONNECTED
USER_SOCKET_CONNECT_ERROR USER_SOCKET_RECONNECTED USER_SOCKET_RECONNECTING USER_ALIAS_UPDATED
USER_TEAM_MEMBER_STREAM_UPDATED USER_PRESENCE_RECEIVED USER_SOCIAL_LINK_UPDATED USER_TEAM_SECTION_UNREAD_COUNT_INCREMENTED
USER_SCANNED_MOBILE_DOWNLOAD_QR USER_MEDIA_UPLOAD_PROGRESS USER_PRESENCE_MANUALLY_SET USER_PINGED USER_UPDATED
USER_TEAMS_UPDATED USER_TEAM_SECTION_SEEN UserStreamsVisibilityUpdated StageUpdated TEAM_CHANNEL_CONTENT_CREATED
TEAM_CHANNEL_CONTENT_UPDATED TEAM_CHANNEL_CONTENT_DELETED TEAM_CHANNEL_CONTENT_REPLY_CREATED
TEAM_CHANNEL_CONTENT_REPLY_UPDATED TEAM_CHANNEL_CONTENT_REPLY_DELETED TEAM_CHANNEL_CONTENT_CREATED_SILENT
TEAM_CHANNEL_RESTORED TEAM_CHANNEL_ARCHIVED CHANNEL_SEEN CHANNEL_BADGED CHANNEL_CONTENT_SEEN CHANNEL_UNBADGED
TEAM_GROUP_CREATED TEAM_GROUP_UPDATED TeamGroupUpdated TEAM_GROUP_DELETED_FOR_USER TEAM_USER_GROUP_PRIORITIES_UPDATED
TEAM_GROUP_MARKED_AS_READ VoiceChannelRegionPingReport`.split(/\s+/);

const table = suite('the dispatcher table');

table('every wire name from the facts dispatches to an entry', () => {
  const missing = WIRE_NAMES.filter((name) => !events[name]);
  assert.equal(missing, []);
});

table('every name on the community page is a wire name or an alias of one', () => {
  const aliases = new Set(Object.values(events).flatMap((entry) => entry.aliases));
  const missing = PAGE_NAMES.filter((name) => !events[name] && !aliases.has(name));
  assert.equal(missing, []);
});

table('both casings of a group update dispatch to one event', () => {
  assert.ok(events['TeamGroupUpdated']);
  assert.is(events['TeamGroupUpdated'], events['TEAM_GROUP_UPDATED']);
  assert.is(events['TeamGroupUpdated']!.name, 'TEAM_GROUP_UPDATED');
});

table('an entry has a name, aliases, an evidence status, a description and a validator', () => {
  for (const [key, entry] of Object.entries(events)) {
    assert.ok(['name-only', 'fields', 'captured'].includes(entry.status), `${key} status`);
    assert.ok(entry.description.length > 0, `${key} description`);
    assert.type(entry.validate, 'function', `${key} validate`);
    assert.ok(Array.isArray(entry.aliases), `${key} aliases`);
  }
});

table('names that are not events find nothing, not Object.prototype', () => {
  for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'NoSuchEvent']) {
    assert.is(events[name], undefined, name);
    assert.is(commands[name], undefined, name);
  }
});

table('the three commands are there', () => {
  assert.equal(Object.keys(commands).sort(), ['ChatChannelBroadcastCallResponse', 'ChatChannelTyping', 'logout']);
  assert.is(commands['logout']!.hasPayload, false);
});

table.run();
