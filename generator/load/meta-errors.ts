import type { ErrorObject } from 'ajv';
import type { Diagnostics } from './diagnostics.js';
import { shown, typeWords, oneOf } from './words.js';
import { pointerPath, type SpecPath, type YamlFile } from './yaml-file.js';

/** What the meta-schema says a failed `anyOf` or `pattern` wants (its `expected` annotation). */
const expectedOf = (error: ErrorObject): string | undefined => (error.parentSchema as { expected?: string } | undefined)?.expected;

/**
 * The errors worth showing. A failed `anyOf` is reported once, by what it expects: the errors of its
 * alternatives (ajv lists them first) only say how each alternative failed. A bad key name is reported
 * by its inner `pattern` error, which carries the name; the `propertyNames` error after it repeats it.
 */
function withoutNoise(errors: readonly ErrorObject[]): ErrorObject[] {
  const anyOfs = errors.filter((error) => error.keyword === 'anyOf');
  const isBranchOf = (error: ErrorObject, anyOf: ErrorObject) =>
    error !== anyOf &&
    (error.instancePath === anyOf.instancePath || error.instancePath.startsWith(`${anyOf.instancePath}/`)) &&
    error.schemaPath.startsWith(`${anyOf.schemaPath}/`);
  return errors.filter((error) => error.keyword !== 'propertyNames' && !anyOfs.some((anyOf) => isBranchOf(error, anyOf)));
}

/** One ajv error as the spec would say it, and where: at the value, or at the key it is about. */
function spoken(error: ErrorObject): { path: SpecPath; message: string; atKey?: boolean } {
  const at = pointerPath(error.instancePath);
  const value: unknown = error.data;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params['additionalProperty']);
      return { path: [...at, key], message: `unknown key "${key}"`, atKey: true };
    }
    case 'required':
      return { path: at, message: `missing required key "${String(params['missingProperty'])}"` };
    case 'pattern':
      if (error.propertyName !== undefined) {
        return { path: [...at, error.propertyName], message: `"${error.propertyName}" is not ${expectedOf(error) ?? 'an allowed name'}`, atKey: true };
      }
      return { path: at, message: `${shown(value)} is not ${expectedOf(error) ?? `text matching /${String(params['pattern'])}/`}` };
    case 'anyOf':
      return { path: at, message: `${shown(value)} is not ${expectedOf(error) ?? 'any of the allowed forms'}` };
    case 'enum':
      return { path: at, message: `${shown(value)} is not ${oneOf(params['allowedValues'] as unknown[])}` };
    case 'const':
      return { path: at, message: `must be ${JSON.stringify(params['allowedValue'])}, not ${shown(value)}` };
    case 'type':
      return { path: at, message: `must be ${typeWords(params['type'])}, not ${shown(value)}` };
    case 'minLength':
    case 'minProperties':
      return { path: at, message: 'must not be empty' };
    case 'minItems':
      return { path: at, message: Number(params['limit']) === 1 ? 'must not be an empty list' : `must list at least ${String(params['limit'])} entries` };
    case 'uniqueItems': {
      // ajv names the two places in either order, depending on the item type; the later one is the repeat.
      const repeat = Math.max(Number(params['i']), Number(params['j']));
      return { path: [...at, repeat], message: `lists ${shown((value as unknown[])[repeat])} twice` };
    }
    case 'minimum':
      return { path: at, message: `must be at least ${String(params['limit'])}, not ${shown(value)}` };
    case 'maximum':
      return { path: at, message: `must be at most ${String(params['limit'])}, not ${shown(value)}` };
    default:
      return { path: at, message: error.message ?? error.keyword };
  }
}

/** Reports ajv's errors about a spec file itself (meta-schema.ts), located and in the spec's own words. */
export function reportMetaErrors(file: YamlFile, errors: readonly ErrorObject[], diagnostics: Diagnostics): void {
  for (const error of withoutNoise(errors)) {
    const { path, message, atKey } = spoken(error);
    // Named by where the error is, not where the report points: a key's problem belongs to the map holding it.
    const owner = pointerPath(error.instancePath);
    const where = owner.length > 0 ? `${owner.join('.')}: ` : '';
    file.report(diagnostics, path, `${where}${message}`, atKey);
  }
}
