/** The rows of the bench's table and how they are printed. */

/** One line of the table. */
export interface Row {
  /** What is measured. */
  readonly figure: string;
  /** What it is compared with, and how that measured in the same run. */
  readonly baseline: string;
  /** What we measured, in the unit the target uses. */
  readonly measured: string;
  /** The target, in words; empty when the figure is only reported. */
  readonly target: string;
  /** True when the target is met, false when missed, undefined when there is no target or no figure. */
  readonly pass: boolean | undefined;
  /** How far off a missed target is, or why the figure is not available. */
  readonly note?: string;
  /** The number compared with the target, when there is one. */
  readonly value?: number;
}

/** A ratio as printed: `1.04x`. */
export function times(ratio: number): string {
  return `${ratio.toFixed(2)}x`;
}

/** A row comparing `measured` with an upper (`max`) or lower (`min`) bound, saying how far off a miss is. */
export function bounded(
  fields: Omit<Row, 'pass' | 'note' | 'target'>,
  value: number,
  bound: { readonly max?: number; readonly min?: number },
  unit: (value: number) => string,
): Row {
  const { max, min } = bound;
  // A miss that rounds to nothing still says how far off it is.
  const by = (gap: number, of: number, side: string): string =>
    unit(gap) === unit(0) ? `missed by under ${unit(0.01)}` : `missed by ${unit(gap)} (${((gap / of) * 100).toFixed(0)}% ${side})`;
  if (max !== undefined) {
    const pass = value <= max;
    const note = pass ? undefined : by(value - max, max, 'over');
    return { ...fields, target: `at most ${unit(max)}`, pass, note, value };
  }
  if (min !== undefined) {
    const pass = value >= min;
    const note = pass ? undefined : by(min - value, min, 'under');
    return { ...fields, target: `at least ${unit(min)}`, pass, note, value };
  }
  return { ...fields, target: '', pass: undefined, value };
}

/** Of the same row measured several times, the one whose value is the median. */
export function medianRow(rows: readonly Row[]): Row {
  const sorted = [...rows].sort((a, b) => (a.value ?? 0) - (b.value ?? 0));
  return sorted[(sorted.length - 1) >> 1] as Row;
}

function status(row: Row): string {
  if (row.pass === true) return 'met';
  if (row.pass === false) return `**missed**${row.note ? `: ${row.note}` : ''}`;
  return row.note ?? 'reported';
}

/** The table in Markdown, ready for the README. */
export function renderTable(rows: readonly Row[]): string {
  const lines = [
    '| figure | baseline (same run) | measured | target | result |',
    '|---|---|---|---|---|',
    ...rows.map((row) => `| ${row.figure} | ${row.baseline} | ${row.measured} | ${row.target || '(reported)'} | ${status(row)} |`),
  ];
  return `${lines.join('\n')}\n`;
}
