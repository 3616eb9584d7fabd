import type { ErrorObject } from 'ajv';
import { patternWords } from './load/formats.js';
import { either, oneOf, shown, typeWords } from './load/words.js';
import { pointerPath } from './load/yaml-file.js';

/** One thing wrong with an example, at a JSON pointer into it. */
export type ExampleProblem =
  | { readonly kind: 'expected'; readonly pointer: string; readonly expected: string }
  | { readonly kind: 'unknown'; readonly pointer: string; readonly key: string }
  | { readonly kind: 'missing'; readonly pointer: string; readonly key: string };

type Expected = Extract<ExampleProblem, { kind: 'expected' }>;

/** What ajv's error wanted at its place; `null` is the other branch of a nullable field. */
type Item = ExampleProblem | { readonly kind: 'null'; readonly pointer: string };

function item(error: ErrorObject): Item {
  const params = error.params as Record<string, unknown>;
  const pointer = error.instancePath;
  const expected = (words: string): Item => ({ kind: 'expected', pointer, expected: words });
  switch (error.keyword) {
    case 'additionalProperties':
      return { kind: 'unknown', pointer, key: String(params['additionalProperty']) };
    case 'required':
      return { kind: 'missing', pointer, key: String(params['missingProperty']) };
    case 'type':
      return params['type'] === 'null' ? { kind: 'null', pointer } : expected(typeWords(params['type']));
    case 'const':
      return expected(JSON.stringify(params['allowedValue']));
    case 'enum':
      return expected(oneOf(params['allowedValues'] as unknown[]));
    case 'pattern':
      return expected(patternWords(String(params['pattern'])));
    case 'minimum':
      return expected(`at least ${String(params['limit'])}`);
    case 'maximum':
      return expected(`at most ${String(params['limit'])}`);
    default:
      return expected(error.message ?? error.keyword);
  }
}

const isAtOrBelow = (pointer: string, root: string) => pointer === root || pointer.startsWith(`${root}/`);

/**
 * A failed `anyOf` at `pointer`, as one problem, from the items of its alternatives. A value that got
 * inside one alternative (an object with a bad field) is reported by what is wrong inside it; a
 * nullable field's `null` alternative then says nothing. Otherwise the alternatives are one
 * expectation: "an integer or a uuid", "one of "chat", "voice" or null".
 */
function resolveAnyOf(pointer: string, branches: readonly Item[]): Item[] {
  const real = branches.filter((branch) => !(branch.kind === 'null' && branch.pointer === pointer));
  const nullable = real.length < branches.length;
  const here = real.filter((branch): branch is Expected => branch.kind === 'expected' && branch.pointer === pointer);
  if (here.length < real.length) return real.filter((branch) => !here.includes(branch as Expected));
  const words = [...new Set(here.map((branch) => branch.expected))];
  return [{ kind: 'expected', pointer, expected: either(nullable ? [...words, 'null'] : words) }];
}

/** The value at a JSON pointer into `root`, for echoing it. */
export function valueAt(root: unknown, pointer: string): unknown {
  let current = root;
  for (const segment of pointerPath(pointer)) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/**
 * ajv's errors for one example (compiled with allErrors), as the spec would state them. ajv lists an
 * `anyOf`'s alternatives' errors just before the `anyOf` error itself, each at or below its place.
 */
export function exampleProblems(errors: readonly ErrorObject[]): ExampleProblem[] {
  const items: Item[] = [];
  for (const error of errors) {
    if (error.keyword !== 'anyOf') {
      items.push(item(error));
      continue;
    }
    let start = items.length;
    while (start > 0 && isAtOrBelow(items[start - 1]!.pointer, error.instancePath)) start--;
    items.push(...resolveAnyOf(error.instancePath, items.splice(start)));
  }
  return items.map((entry) => (entry.kind === 'null' ? { kind: 'expected', pointer: entry.pointer, expected: 'null' } : entry));
}

/** The message for one problem, after "example N of X: ". */
export function exampleMessage(problem: ExampleProblem, example: unknown): string {
  const at = problem.pointer || '/';
  switch (problem.kind) {
    case 'unknown':
      return `field ${problem.pointer}/${problem.key} is not in the schema`;
    case 'missing':
      return `${at} is missing required field "${problem.key}"`;
    case 'expected':
      return `${at} must be ${problem.expected}, not ${shown(valueAt(example, problem.pointer))}`;
  }
}
