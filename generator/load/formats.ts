/**
 * The dialect's string formats (spec/README.md, "Schema nodes"): the pattern the validators check,
 * so that the generated code needs no format library, and how a problem names the format.
 */

// Guilded's ids are lowercase hex in practice; accept either case, as the RFC does.
const UUID = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
const DATE_TIME = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|[+-]\\d{2}:\\d{2})$';

export const FORMATS = {
  uuid: { pattern: UUID, description: 'a uuid' },
  'date-time': { pattern: DATE_TIME, description: 'an ISO 8601 date-time' },
} as const;

export type FormatName = keyof typeof FORMATS;

export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];

/** The words for a value a `pattern` check refused: the format's, or the pattern itself when it is none of them. */
export function patternWords(pattern: string): string {
  const format = FORMAT_NAMES.find((name) => FORMATS[name].pattern === pattern);
  return format ? FORMATS[format].description : `text matching /${pattern}/`;
}
