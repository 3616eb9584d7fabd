import { mkdtempSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '../../generator/generate.js';
import { SpecError, formatProblem } from '../../generator/load/diagnostics.js';

/** The project's own spec folder. */
export const repoSpec = fileURLToPath(new URL('../../spec/', import.meta.url));

/**
 * The smallest spec that generates: the real sources and connection files, one command, one object,
 * one event. The connection's payload example points at that one event.
 */
export const BASE: Record<string, string> = {
  'sources.yaml': readFileSync(path.join(repoSpec, 'sources.yaml'), 'utf8'),
  'connection.yaml': readFileSync(path.join(repoSpec, 'connection.yaml'), 'utf8').replace(/^( {2}exampleEvent:) .*$/m, '$1 ChatMessageCreated'),
  'commands.yaml': `commands:
  ChatChannelTyping:
    description: Show typing.
    status: captured
    sources: [gdocs]
    payload:
      properties:
        channelId: { type: string, format: uuid }
    examples:
      - { channelId: d2242862-401c-42f8-9ce2-0c75977475a6 }
  logout:
    description: Ends the session.
    status: fields
    sources: [gpy]
`,
  'objects/message.yaml': `objects:
  Message:
    description: A chat message.
    sources: [deck]
    properties:
      id: { type: string, format: uuid }
      editedAt: { type: string, format: date-time, optional: true, nullable: true }
`,
  'events/chat.yaml': `events:
  ChatMessageCreated:
    description: A message was sent.
    status: fields
    sources: [deck]
    payload:
      properties:
        channelId: { type: string, format: uuid }
        message: { $ref: Message }
    examples:
      - type: ChatMessageCreated
        channelId: d2242862-401c-42f8-9ce2-0c75977475a6
        message: { id: b943384a-d951-4323-8e26-8e3e6b7c431a }
`,
};

/** When every fixture file was last written, unless the test says it edited it later. */
const WRITTEN = new Date('2026-01-01T00:00:00Z');
const EDITED = new Date('2026-01-01T01:00:00Z');

/**
 * Writes `BASE` with `changes` applied (a null value deletes a file) to a fresh folder. Every file
 * gets the same modification time, except the files in `edited`, written an hour later: the spec
 * author's latest edit.
 */
export function writeSpec(changes: Record<string, string | null> = {}, edited: readonly string[] = []): { dir: string; cleanup: () => void } {
  const root = mkdtempSync(path.join(tmpdir(), 'gg-spec-'));
  const dir = path.join(root, 'spec');
  for (const [name, text] of Object.entries({ ...BASE, ...changes })) {
    if (text === null) continue;
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    const when = edited.includes(name) ? EDITED : WRITTEN;
    utimesSync(file, when, when);
  }
  return { dir, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** Generates from BASE plus `changes`; returns the files, or the formatted problems. */
export async function generateWith(
  changes: Record<string, string | null> = {},
  edited: readonly string[] = [],
): Promise<{ files?: ReadonlyMap<string, string>; problems?: string[] }> {
  const { dir, cleanup } = writeSpec(changes, edited);
  try {
    return { files: await generate(dir) };
  } catch (error) {
    if (error instanceof SpecError) return { problems: error.problems.map(formatProblem) };
    throw error;
  } finally {
    cleanup();
  }
}
