import type { Spec } from '../load/model.js';
import { publicDefinitions } from './json-schema.js';
import { notice } from './notice.js';
import { literal } from './ts.js';

/** generated/schema/gateway.schema.json: every payload as one JSON Schema 2020-12 document, for code generators in other languages. */
export function emitSchemaBundle(spec: Spec, inputs: readonly string[]): string {
  const bundle = {
    $comment: notice(inputs).join(' '),
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Guilded gateway payloads',
    description: [
      'Under $defs: Hello (the Engine.IO open packet), every shared object, every event payload (named after the event, ending in Payload) and every command payload (ending in Command).',
      'Objects are open: Guilded adds fields without notice.',
      spec.connection.payloads.description,
    ].join('\n\n'),
    $defs: publicDefinitions(spec, 'bundle'),
  };
  return `${literal(bundle, 2)}\n`;
}
