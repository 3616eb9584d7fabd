// The fast validators (what every frame meets) and the full report (loaded on a failure) are two
// compilations of one schema; a payload must get the same answer from both, or the report would
// contradict the verdict. Checked on every example and on mutations at every depth.
import { createRequire } from 'node:module';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { commands, events } from '../../generated/index.js';
import type { ReportFunction } from '../../generated/validators-report.cjs';
import { loadSpec } from '../../generator/load/load-spec.js';

const report = createRequire(import.meta.url)('../../generated/validators-report.cjs') as Record<string, ReportFunction>;
const spec = await loadSpec(new URL('../../spec/', import.meta.url).pathname);

/** The example, and one variant per place in it: the value removed, of another type, or given a sibling the spec lacks. */
function* mutations(value: unknown): Generator<unknown> {
  yield value;
  if (Array.isArray(value)) {
    yield [];
    for (let i = 0; i < value.length; i++) for (const inner of mutations(value[i])) yield value.with(i, inner);
  } else if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    yield { ...object, notInTheSpec: 1 };
    for (const key of Object.keys(object)) {
      const { [key]: _removed, ...without } = object;
      yield without;
      for (const inner of mutations(object[key])) if (inner !== object[key]) yield { ...object, [key]: inner };
    }
  } else {
    yield typeof value === 'string' ? 7 : 'seven';
    yield null;
  }
}

const agree = suite('fast validators and the full report');

agree('give the same verdict on every example and every mutation of it', () => {
  let checked = 0;
  let failing = 0;
  const entries = [...spec.events.map((event) => ({ entry: events[event.name]!, examples: event.examples })), ...spec.commands.map((command) => ({ entry: commands[command.name]!, examples: command.examples }))];
  for (const { entry, examples } of entries) {
    const full = report[entry.validatorName]!;
    for (const example of examples) {
      for (const payload of mutations(example)) {
        const fast = entry.validate(payload);
        assert.is(full(payload), fast, `${entry.name}: fast says ${fast} for ${JSON.stringify(payload).slice(0, 200)}`);
        checked++;
        if (!fast) failing++;
      }
    }
  }
  assert.ok(checked > 4000, `${checked} payloads checked`);
  assert.ok(failing > checked / 2, `${failing} of ${checked} fail: the mutations reach the checks`);
});

agree('every fast validator has its report twin, and the report has no other', () => {
  const names = [...Object.values(events), ...Object.values(commands)].map((entry) => entry.validatorName);
  assert.equal(Object.keys(report).sort(), [...new Set([...names, 'validateHello'])].sort());
});

agree.run();
