import type { ValidateFunction } from 'ajv';
import type { Diagnostics } from './load/diagnostics.js';
import type { Spec } from './load/model.js';
import { validatorName } from './load/names.js';
import type { SpecPath, YamlFile } from './load/yaml-file.js';

function pointerSegments(pointer: string): (string | number)[] {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/** Validates each example against its own schema; a field the schema lacks is a problem here too. */
function checkEach(
  file: YamlFile,
  entryPath: SpecPath,
  examples: unknown[],
  validate: ValidateFunction,
  what: string,
  diagnostics: Diagnostics,
): void {
  examples.forEach((example, i) => {
    if (validate(example)) return;
    for (const error of validate.errors ?? []) {
      const at = [...entryPath, 'examples', i, ...pointerSegments(error.instancePath)];
      const pointer = error.instancePath || '/';
      if (error.keyword === 'additionalProperties') {
        const key = String(error.params['additionalProperty']);
        file.report(diagnostics, [...at, key], `example ${i + 1} of ${what}: field ${pointer === '/' ? '' : pointer}/${key} is not in the schema`, true);
      } else if (error.keyword === 'required') {
        file.report(diagnostics, at, `example ${i + 1} of ${what}: ${pointer} is missing required field "${String(error.params['missingProperty'])}"`);
      } else {
        file.report(diagnostics, at, `example ${i + 1} of ${what}: ${pointer} ${error.message ?? error.keyword}`);
      }
    }
  });
}

/** Every example in the spec validates, and uses only fields the spec declares. */
export function checkExamples(spec: Spec, functions: ReadonlyMap<string, ValidateFunction>, diagnostics: Diagnostics): void {
  const get = (typeName: string) => functions.get(validatorName(typeName))!;
  checkEach(spec.connection.file, ['hello'], spec.connection.hello.examples, get('Hello'), 'the hello', diagnostics);
  for (const event of spec.events) {
    checkEach(event.source, event.path, event.examples, get(event.typeName), event.name, diagnostics);
  }
  for (const command of spec.commands) {
    checkEach(command.source, command.path, command.examples, get(command.typeName), command.name, diagnostics);
  }
}
