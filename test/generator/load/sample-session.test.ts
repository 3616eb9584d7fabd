import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { generate } from '../../../generator/generate.js';
import { SpecError, formatProblem } from '../../../generator/load/diagnostics.js';
import { repoSpec } from '../spec-fixture.js';

const session = readFileSync(path.join(repoSpec, 'sample-session.yaml'), 'utf8');

/** The 1-based line and column where `text` first appears in the session file as edited. */
function placeOf(edited: string, text: string): string {
  const before = edited.slice(0, edited.indexOf(text)).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

/** Generates from the project's spec with its sample session replaced; returns the formatted problems. */
async function problemsWith(edited: string): Promise<string[]> {
  const root = mkdtempSync(path.join(tmpdir(), 'gg-session-'));
  const dir = path.join(root, 'spec');
  cpSync(repoSpec, dir, { recursive: true });
  writeFileSync(path.join(dir, 'sample-session.yaml'), edited);
  try {
    await generate(dir);
    return [];
  } catch (error) {
    if (error instanceof SpecError) return error.problems.map(formatProblem);
    throw error;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const sampleSession = suite('spec/sample-session.yaml');

sampleSession('a step that names a missing example stops generation, at the step, instead of dropping its frame', async () => {
  const edited = session.replace('example: TeamMemberJoined#1', 'example: TeamMemberJoined#7');
  assert.equal(await problemsWith(edited), [
    `spec/sample-session.yaml:${placeOf(edited, 'TeamMemberJoined#7')}: event TeamMemberJoined has no example 7 (it has 2 examples, counted from 0)`,
  ]);
});

sampleSession('a part of an example that is not there, an unknown event and an unknown message name are each reported where written', async () => {
  const edited = session
    .replace('$example ChatMessageReactionAdded#1/reaction', '$example ChatMessageReactionAdded#1/reactoin')
    .replace('example: ChatMessageDeleted#0', 'example: ChatMessageRemoved#0')
    .replace('$id greeting', '$id greting');
  assert.equal(await problemsWith(edited), [
    `spec/sample-session.yaml:${placeOf(edited, '$example ChatMessageReactionAdded#1/reactoin')}: example ChatMessageReactionAdded#1 has nothing at /reactoin`,
    `spec/sample-session.yaml:${placeOf(edited, '$id greting')}: no earlier message step is named greting`,
    `spec/sample-session.yaml:${placeOf(edited, 'ChatMessageRemoved#0')}: no event ChatMessageRemoved in the spec`,
  ]);
});

sampleSession('a misspelled step key is reported by the meta-schema, so no step is skipped unread', async () => {
  const edited = session.replace('{ at: 32.5, example: TeamXpAdded#0 }', '{ at: 32.5, exmaple: TeamXpAdded#0 }');
  const problems = await problemsWith(edited);
  assert.is(problems.length, 1, problems.join('\n'));
  assert.match(problems[0]!, /^spec\/sample-session\.yaml:\d+:\d+: .*a step: an example, an event/);
});

sampleSession.run();
