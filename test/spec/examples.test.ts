import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { loadSpec } from '../../generator/load/load-spec.js';
import type { SchemaNode } from '../../generator/load/model.js';
import { validateCommand, validateEvent } from '../../runtime/validation.js';

const spec = await loadSpec(new URL('../../spec/', import.meta.url).pathname);

const required = (payload: SchemaNode) =>
  Object.entries(payload.properties ?? {}).filter(([, node]) => !node.optional).map(([key]) => key);

/** A value no field of `node`'s kind accepts: an object where a scalar or array belongs, a string where an object does. */
function wrongValueFor(value: unknown): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? 'not an object' : { not: 'a scalar' };
}

const examples = suite('the spec\'s examples');

examples('every event example validates through the generated package, with no unknown fields', () => {
  for (const event of spec.events) {
    event.examples.forEach((example, i) => {
      const result = validateEvent(event.name, example);
      assert.ok(result.ok, `${event.name} example ${i + 1}: ${JSON.stringify(result.errors)}`);
      assert.equal(result.unknownFields, [], `${event.name} example ${i + 1}`);
    });
  }
});

examples('every command example validates', () => {
  for (const command of spec.commands) {
    for (const example of command.examples) assert.ok(validateCommand(command.name, example).ok, command.name);
  }
  assert.ok(validateCommand('logout', undefined).ok, 'logout goes without a payload');
  assert.not.ok(validateCommand('logout', {}).ok, 'logout takes no payload');
});

examples('removing a required field fails with that field\'s pointer', () => {
  let checked = 0;
  for (const event of spec.events) {
    const example = event.examples[0] as Record<string, unknown>;
    for (const field of required(event.payload)) {
      const { [field]: _removed, ...mutated } = example;
      const result = validateEvent(event.name, mutated);
      assert.not.ok(result.ok, `${event.name} without ${field}`);
      assert.ok(result.errors.some((error) => error.pointer === `/${field}`), `${event.name} without ${field}: ${JSON.stringify(result.errors)}`);
      checked++;
    }
  }
  assert.ok(checked > 250, `${checked} required fields checked`);
});

examples('a field of the wrong type fails with that field\'s pointer', () => {
  for (const event of spec.events) {
    const example = event.examples[0] as Record<string, unknown>;
    for (const field of required(event.payload)) {
      const result = validateEvent(event.name, { ...example, [field]: wrongValueFor(example[field]) });
      assert.not.ok(result.ok, `${event.name}.${field} of the wrong type`);
      assert.ok(result.errors.some((error) => error.pointer.startsWith(`/${field}`)), `${event.name}.${field}: ${JSON.stringify(result.errors)}`);
    }
  }
});

examples('a nested mistake points into the nested object', () => {
  const created = spec.events.find((event) => event.name === 'ChatMessageCreated')!.examples[0] as { message: Record<string, unknown> };
  const wrongId = validateEvent('ChatMessageCreated', { ...created, message: { ...created.message, id: 42 } });
  assert.equal(wrongId.errors.map((error) => error.pointer), ['/message/id']);
  const { id: _id, ...withoutId } = created.message;
  const missingId = validateEvent('ChatMessageCreated', { ...created, message: withoutId });
  assert.equal(missingId.errors, [{ pointer: '/message/id', message: 'is required but missing' }]);
});

examples('unknown fields are reported by pointer, and do not make a payload invalid', () => {
  const created = spec.events.find((event) => event.name === 'ChatMessageCreated')!.examples[0] as { message: Record<string, unknown> };
  const result = validateEvent('ChatMessageCreated', { ...created, brandNew: 1, message: { ...created.message, 'a/b~c': true } });
  assert.ok(result.ok);
  assert.equal([...result.unknownFields].sort(), ['/brandNew', '/message/a~1b~0c']);
});

examples('an unknown event name is reported as unknown, not as invalid', () => {
  assert.equal(validateEvent('SomethingNew', { type: 'SomethingNew' }), { ok: true, known: false, errors: [], unknownFields: [] });
});

examples.run();
