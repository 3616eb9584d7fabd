import type { FormatName } from '../load/formats.js';

/**
 * The type alias each string format reads as in generated/types.ts. `string & {}` accepts any string, as
 * the wire does, yet keeps its name in hovers and errors, where a plain `= string` alias would show `string`.
 */
export const FORMAT_TYPES: Record<FormatName, { name: string; docs: string }> = {
  uuid: {
    name: 'Uuid',
    docs: 'A UUID in its 36-character text form, such as `d2242862-401c-42f8-9ce2-0c75977475a6`: channel, message and client ids. The validators check the form; the type accepts any string.',
  },
  'date-time': {
    name: 'IsoTimestamp',
    docs: 'An ISO 8601 date-time with its time zone, such as `2022-01-15T09:12:44.020Z`; `new Date(value)` reads it. The validators check the form; the type accepts any string.',
  },
};
