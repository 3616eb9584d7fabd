// Every alias the spec gives (the community page's tidy names) reaches each place a reader looks for it:
// the dispatcher table, the Markdown reference and the AsyncAPI document.
import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { commands, events } from '../../generated/index.js';
import { loadSpec } from '../../generator/load/load-spec.js';

const spec = await loadSpec(new URL('../../spec/', import.meta.url).pathname);
const docs = readFileSync(new URL('../../generated/docs/gateway.md', import.meta.url), 'utf8');
const asyncapi = readFileSync(new URL('../../generated/asyncapi.yaml', import.meta.url), 'utf8');

const aliases = suite('aliases');

aliases('every alias of an event or a command is in the dispatcher, the docs and the AsyncAPI document', () => {
  const entries = [
    ...spec.events.map((event) => ({ name: event.name, aliases: event.aliases, table: events[event.name]?.aliases })),
    ...spec.commands.map((command) => ({ name: command.name, aliases: command.aliases, table: commands[command.name]?.aliases })),
  ];
  let checked = 0;
  for (const entry of entries) {
    assert.equal([...(entry.table ?? [])], [...entry.aliases], `${entry.name} in the dispatcher table`);
    for (const alias of entry.aliases) {
      assert.ok(docs.includes(alias), `${entry.name}'s alias ${alias} in generated/docs/gateway.md`);
      assert.ok(asyncapi.includes(alias), `${entry.name}'s alias ${alias} in generated/asyncapi.yaml`);
      checked++;
    }
  }
  assert.ok(checked > 30, `${checked} aliases checked`);
  assert.equal(commands['ChatChannelTyping']?.aliases, ['Trigger Typing']);
});

aliases.run();
