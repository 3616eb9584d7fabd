/**
 * The frames every figure uses, built from the spec's own examples (spec/events/*.yaml): typing
 * (~130 B), chat messages padded to ~1 KB, and a ~20 KB team role update, alone and as a 70/28/2 mix.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { seededRandom } from '../generator/emit/seeded-random.js';

/** One kind of frame. */
export type FrameKind = 'typing' | 'chat' | 'team';

/** A frame as the client receives it, with its JSON part kept apart for the floor (`JSON.parse`). */
export interface Frame {
  readonly kind: FrameKind;
  readonly name: string;
  /** `42["Name",payload]`, a flat string as `ws` hands it over. */
  readonly frame: string;
  /** `["Name",payload]`, a flat string of its own, so that the floor parses it without slicing. */
  readonly json: string;
}

/** The share of each kind in the mix, per 1000 frames. */
export const MIX_SHARES: Readonly<Record<FrameKind, number>> = { typing: 700, chat: 280, team: 20 };

const SPEC = new URL('../spec/events/', import.meta.url);
const CHAT_BYTES = 1024;
const TEAM_BYTES = 20 * 1024;

const documents = new Map<string, { events: Record<string, { examples: unknown[] }> }>();

/** Example number `index` of event `name` in spec/events/`file`. */
function example(file: string, name: string, index = 0): Record<string, unknown> {
  const doc = documents.get(file) ?? parse(readFileSync(new URL(file, SPEC), 'utf8'));
  documents.set(file, doc);
  const found = doc.events[name]?.examples[index];
  if (found === undefined) throw new Error(`spec/events/${file} has no example ${index} of ${name}`);
  return found as Record<string, unknown>;
}

function uuid(next: () => number): string {
  const hex = (n: number): string =>
    Array.from({ length: n }, () => Math.floor(next() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(next() * 4)]}${hex(3)}-${hex(12)}`;
}

function userId(next: () => number): string {
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789';
  return Array.from({ length: 8 }, () => letters[Math.floor(next() * letters.length)]).join('');
}

function typingPayload(next: () => number): unknown {
  return { ...example('chat-channels.yaml', 'ChatChannelTyping'), channelId: uuid(next), userId: userId(next) };
}

function chatPayload(next: () => number): unknown {
  // The DM example (the second), its text padded until the frame is about 1 KB.
  const payload = structuredClone(example('chat-messages.yaml', 'ChatMessageCreated', 1)) as any;
  const id = uuid(next);
  payload.contentId = id;
  payload.message.id = id;
  payload.channelId = uuid(next);
  const leaf = payload.message.content.document.nodes[0].nodes[0].leaves[0];
  const words = 'hey docs! the gateway sends this text as slate leaves inside the message content ';
  const size = (): number => JSON.stringify(['ChatMessageCreated', payload]).length + 2;
  while (size() < CHAT_BYTES) leaf.text += words[Math.floor(next() * words.length)];
  return payload;
}

function teamPayload(next: () => number): unknown {
  // The first example, with roles cloned from its first role until the frame is about 20 KB.
  const payload = structuredClone(example('members.yaml', 'teamRolesUpdated')) as any;
  const template = Object.values(payload.rolesById as Record<string, Record<string, unknown>>)[0];
  const size = (): number => JSON.stringify(['teamRolesUpdated', payload]).length + 2;
  for (let i = 0; size() < TEAM_BYTES; i++) {
    const id = 30_000_000 + Math.floor(next() * 1_000_000);
    payload.rolesById[String(id)] = { ...template, id, name: `Role ${i}`, priority: 20 + i };
  }
  return payload;
}

const PAYLOADS: Record<FrameKind, { name: string; make: (next: () => number) => unknown }> = {
  typing: { name: 'ChatChannelTyping', make: typingPayload },
  chat: { name: 'ChatMessageCreated', make: chatPayload },
  team: { name: 'teamRolesUpdated', make: teamPayload },
};

// A copy through a Buffer: a flat, non-internalized string, like the one `ws` makes from a message.
const flat = (text: string): string => Buffer.from(text).toString();

/** One frame of `kind`, with ids drawn from `next`. */
export function makeFrame(kind: FrameKind, next: () => number): Frame {
  const { name, make } = PAYLOADS[kind];
  const json = JSON.stringify([name, make(next)]);
  return { kind, name, frame: flat(`42${json}`), json: flat(json) };
}

/** `count` frames of one kind, all different. */
export function framesOf(kind: FrameKind, count: number, seed = 1): Frame[] {
  const next = seededRandom(seed);
  return Array.from({ length: count }, () => makeFrame(kind, next));
}

/** `count` frames in the mix's proportions, shuffled deterministically. */
export function mixFrames(count = 1000, seed = 1): Frame[] {
  const next = seededRandom(seed);
  // Frames of a kind differ only in ids; a few of each, reused, keep building fast.
  const pool = {
    typing: framesOf('typing', 64, seed + 1),
    chat: framesOf('chat', 32, seed + 2),
    team: framesOf('team', 4, seed + 3),
  };
  const frames: Frame[] = [];
  for (const kind of ['typing', 'chat', 'team'] as const) {
    const share = Math.round((count * MIX_SHARES[kind]) / 1000);
    for (let i = 0; i < share; i++) frames.push(pool[kind][i % pool[kind].length] as Frame);
  }
  for (let i = frames.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [frames[i], frames[j]] = [frames[j] as Frame, frames[i] as Frame];
  }
  return frames;
}

/** The mean frame size in bytes. */
export function meanBytes(frames: readonly Frame[]): number {
  return frames.reduce((sum, frame) => sum + Buffer.byteLength(frame.frame), 0) / frames.length;
}
