import type { ValidateFunction } from 'ajv';
import type { Diagnostics } from './load/diagnostics.js';
import type { Spec } from './load/model.js';
import { validatorName } from './load/names.js';
import { pointerPath, type SpecPath, type YamlFile } from './load/yaml-file.js';
import { exampleMessage, exampleProblems } from './example-problems.js';

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
    for (const problem of exampleProblems(validate.errors ?? [])) {
      const at = [...entryPath, 'examples', i, ...pointerPath(problem.pointer)];
      const message = `example ${i + 1} of ${what}: ${exampleMessage(problem, example)}`;
      if (problem.kind === 'unknown') file.report(diagnostics, [...at, problem.key], message, true);
      else file.report(diagnostics, at, message);
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
