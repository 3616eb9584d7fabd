import { commands, events, STRING_FORMATS, type CommandEntry, type EventEntry, type ValidateFunction, type ValidationError } from '../generated/index.js';
import { reportValidators } from './report-loader.js';

/** One reason a payload does not match the spec, at a JSON pointer into the payload. */
export interface PayloadError {
  /** Where, as a JSON pointer: `/message/id`; `` (empty) is the payload itself. */
  readonly pointer: string;
  /** What the spec expected there, in ajv's words. */
  readonly message: string;
}

/** What validating one payload found. */
export interface ValidationResult {
  /** True when the payload matches the spec (unknown fields do not make it invalid). */
  readonly ok: boolean;
  /** False when the spec has no entry of that name; `ok` is then true, since nothing contradicts it. */
  readonly known: boolean;
  readonly errors: readonly PayloadError[];
  /** JSON pointers of fields the spec does not describe: the protocol grew, or the spec is missing them. */
  readonly unknownFields: readonly string[];
}

const NOTHING: readonly never[] = Object.freeze([]);
const UNKNOWN: ValidationResult = Object.freeze({ ok: true, known: false, errors: NOTHING, unknownFields: NOTHING });
// Shared: a valid payload, the common case on a hot path such as validate's, allocates no result.
const VALID: ValidationResult = Object.freeze({ ok: true, known: true, errors: NOTHING, unknownFields: NOTHING });

/** A JSON pointer segment, escaped as RFC 6901 requires. */
const escapeSegment = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** The spec's string formats by the pattern the validators check them with: a failed pattern says "must be a uuid". */
const FORMAT_BY_PATTERN: ReadonlyMap<unknown, string> = new Map(Object.values(STRING_FORMATS).map(({ pattern, description }) => [pattern, description]));

/** ajv's own words for the keywords the spec uses, from an error's params (the validators are compiled without messages). */
function ajvWords(error: ValidationError): string {
  const { params } = error;
  switch (error.keyword) {
    case 'type':
      return `must be ${String(params['type'])}`;
    case 'const':
      return 'must be equal to constant';
    case 'enum':
      return 'must be equal to one of the allowed values';
    case 'anyOf':
      return 'must match a schema in anyOf';
    case 'not':
      return 'must NOT be valid';
    case 'minimum':
    case 'maximum':
      return `must be ${String(params['comparison'])} ${String(params['limit'])}`;
    case 'pattern':
      return `must match pattern "${String(params['pattern'])}"`;
    default:
      return error.message ?? `must pass ${error.keyword}`;
  }
}

/** Sorts ajv's errors into real problems and unknown fields (closed objects report those as additionalProperties). */
export function describeErrors(errors: readonly ValidationError[]): { errors: PayloadError[]; unknownFields: string[] } {
  const problems: PayloadError[] = [];
  const unknownFields: string[] = [];
  for (const error of errors) {
    // A variant's rule (contentType doc needs doc) fails as `if` and as the `required` it implies: the latter says it.
    if (error.keyword === 'if') continue;
    if (error.keyword === 'additionalProperties') {
      unknownFields.push(`${error.instancePath}/${escapeSegment(String(error.params['additionalProperty']))}`);
    } else if (error.keyword === 'required') {
      const missing = String(error.params['missingProperty']);
      problems.push({ pointer: `${error.instancePath}/${escapeSegment(missing)}`, message: 'is required but missing' });
    } else {
      const format = error.keyword === 'pattern' ? FORMAT_BY_PATTERN.get(error.params['pattern']) : undefined;
      problems.push({ pointer: error.instancePath, message: format ? `must be ${format}` : ajvWords(error) });
    }
  }
  return { errors: problems, unknownFields };
}

/** An entry's fast validator and the export name of its full report (a dispatcher entry is one). */
export interface ValidatorPair {
  readonly validate: ValidateFunction;
  readonly validatorName: string;
}

/**
 * Every problem ajv finds in a payload that failed the fast check of the validator `validatorName`
 * (an entry's `validatorName`, or `validateHello`), unknown fields included, as ajv reports them.
 */
export function reportErrors(validatorName: string, payload: unknown): readonly ValidationError[] {
  const report = reportValidators()[validatorName];
  if (!report) throw new Error(`no validator named ${validatorName}`);
  if (report(payload)) return NOTHING;
  return report.errors ?? NOTHING;
}

/** Runs an entry's fast validator and, only when it fails, the full report, and shapes what it found. */
export function runValidator(entry: ValidatorPair, payload: unknown): ValidationResult {
  if (entry.validate(payload)) return VALID;
  const { errors, unknownFields } = describeErrors(reportErrors(entry.validatorName, payload));
  return { ok: errors.length === 0, known: true, errors, unknownFields };
}

/** Validates with a dispatcher entry; an absent entry means the name is unknown to the spec. */
export function toResult(entry: EventEntry | CommandEntry | undefined, payload: unknown): ValidationResult {
  return entry ? runValidator(entry, payload) : UNKNOWN;
}

/** Checks a received event's payload against the spec. `name` is any wire spelling. */
export function validateEvent(name: string, payload: unknown): ValidationResult {
  return toResult(events[name], payload);
}

/** Checks a command's payload against the spec before it is sent. */
export function validateCommand(name: string, payload: unknown): ValidationResult {
  const entry = commands[name];
  if (entry && !entry.hasPayload) {
    // A bare command (42["logout"]) is valid exactly when nothing is attached.
    return payload === undefined
      ? VALID
      : { ok: false, known: true, errors: [{ pointer: '', message: `${name} is sent without a payload` }], unknownFields: NOTHING };
  }
  return toResult(entry, payload);
}
