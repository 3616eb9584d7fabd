/**
 * One short human line per gateway event, built from its typed fields: what the demo prints, and an
 * example of consuming the generated types (each `case` narrows `event.payload` to that event's payload).
 */
import type { Content, ContentNode, ReceivedEvent } from '../../generated/index.js';

const TEXT_LENGTH = 60;
const ID_LENGTH = 8;
const FIELDS_SHOWN = 3;
// spec/events/users.yaml USER_PRESENCE_MANUALLY_SET `status`.
const PRESENCE: Readonly<Record<number, string>> = { 1: 'online', 2: 'idle', 3: 'do not disturb', 4: 'invisible' };

/** A short summary of a known event: who did what where, with message text. */
export function summarize(event: ReceivedEvent): string {
  switch (event.name) {
    case 'ChatMessageCreated': {
      const { payload } = event;
      if (payload.message.type === 'system') {
        return `system message in ${shortId(payload.channelId)}: ${payload.systemMessageInfo?.type ?? 'no details'}`;
      }
      const reply = payload.message.repliesTo ? ' (reply)' : '';
      return `${payload.createdBy} in ${shortId(payload.channelId)}${reply}: ${quote(plainText(payload.message.content))}`;
    }
    case 'ChatMessageUpdated':
      return `${event.payload.updatedBy} edited ${shortId(event.payload.message.id)}: ${quote(plainText(event.payload.message.content))}`;
    case 'ChatMessageDeleted':
      return `message ${shortId(event.payload.message.id)} deleted in ${shortId(event.payload.channelId)}`;
    case 'ChatMessageReactionAdded': {
      const { reaction, message } = event.payload;
      return `${reaction.createdBy} reacted :${reaction.customReaction?.name ?? reaction.customReactionId}: to ${shortId(message.id)}`;
    }
    case 'ChatMessageReactionDeleted': {
      const { reaction, message } = event.payload;
      // gjs1 saw no customReaction on removals, so the name may be unknown.
      const emoji = reaction.customReaction ? `:${reaction.customReaction.name}:` : `reaction ${reaction.customReactionId}`;
      return `${reaction.createdBy} removed ${emoji} from ${shortId(message.id)}`;
    }
    case 'ChatPinnedMessageCreated':
      return `${event.payload.updatedBy} pinned ${shortId(event.payload.message.id)} in ${shortId(event.payload.channelId)}`;
    case 'ChatChannelTyping':
      return `${event.payload.userId} is typing in ${shortId(event.payload.channelId)}`;
    case 'CHANNEL_SEEN':
      return `${shortId(event.payload.channelId)} marked read${event.payload.clearAllBadges ? ', all badges cleared' : ''}`;
    case 'TeamMemberJoined':
      return `${event.payload.user.name} (${event.payload.user.id}) joined team ${event.payload.teamId}`;
    case 'TeamMemberUpdated': {
      const { userId, userIds, updatedBy, userInfo } = event.payload;
      const who = userId ?? userIds?.join(', ') ?? 'a member';
      if (userInfo.nickname === undefined) return `${who}'s profile changed: ${Object.keys(userInfo).join(', ')}`;
      const change = userInfo.nickname === null ? 'reset' : `set to ${quote(userInfo.nickname)}`;
      return `${who}'s nickname ${change}${updatedBy ? ` by ${updatedBy}` : ''}`;
    }
    case 'teamRolesUpdated': {
      const { memberRoleIds, rolesById, teamId } = event.payload;
      if (memberRoleIds) return memberRoleIds.map((member) => `${member.userId} now has roles ${member.roleIds.join(', ')}`).join('; ');
      // rolesById repeats the base role under "baseRole".
      const names = Object.entries(rolesById ?? {}).flatMap(([key, role]) => (key === 'baseRole' || !role ? [] : [role.name]));
      return `roles of team ${teamId} ${event.payload.isDelete ? 'after a deletion' : 'updated'}: ${names.join(', ')}`;
    }
    case 'TeamXpAdded':
      return `+${event.payload.amount} XP for ${event.payload.userIds.join(', ')}`;
    case 'TeamChannelCreated':
      return `#${event.payload.name} created by ${event.payload.channel.createdBy} in team ${event.payload.teamId}`;
    case 'USER_PRESENCE_MANUALLY_SET':
      return `presence set to ${PRESENCE[event.payload.status] ?? event.payload.status}`;
    default:
      return fields(event.payload);
  }
}

/** The text of a content document: its leaves, blocks separated by spaces. */
export function plainText(content: Content): string {
  const walk = (node: ContentNode): string =>
    node.leaves ? node.leaves.map((leaf) => leaf.text).join('') : (node.nodes ?? []).map(walk).join('');
  return content.document.nodes.map(walk).join(' ').replace(/\s+/g, ' ').trim();
}

/** A shortened id (`d2242862…`); ids of 8 characters or fewer, like user ids, stay whole. */
function shortId(value: string): string {
  return value.length > ID_LENGTH ? `${value.slice(0, ID_LENGTH)}…` : value;
}

function quote(text: string): string {
  return JSON.stringify(text.length > TEXT_LENGTH ? `${text.slice(0, TEXT_LENGTH - 1)}…` : text);
}

/** For events without a summary of their own: their first few plain fields. */
function fields(payload: object): string {
  const shown = Object.entries(payload)
    .filter(([key, value]) => key !== 'type' && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'))
    .slice(0, FIELDS_SHOWN)
    .map(([key, value]) => `${key} ${typeof value === 'string' ? shortId(value) : String(value)}`);
  return shown.length > 0 ? shown.join(', ') : '(no plain fields)';
}
