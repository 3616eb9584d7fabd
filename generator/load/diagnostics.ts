/** One problem in the spec, located in its file. */
export interface SpecProblem {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

/** Formats a problem the way compilers do, so editors and terminals can jump to it. */
export function formatProblem(problem: SpecProblem): string {
  return `${problem.file}:${problem.line}:${problem.col}: ${problem.message}`;
}

/** Thrown when the spec has problems; carries all of them, sorted by place. */
export class SpecError extends Error {
  readonly problems: readonly SpecProblem[];

  constructor(problems: readonly SpecProblem[]) {
    const sorted = [...problems].sort(
      (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.message.localeCompare(b.message),
    );
    const count = sorted.length === 1 ? '1 problem' : `${sorted.length} problems`;
    super(`the spec has ${count}; nothing was written:\n${sorted.map(formatProblem).join('\n')}`);
    this.name = 'SpecError';
    this.problems = sorted;
  }
}

/** Collects problems from every check so that all of them are reported at once. */
export class Diagnostics {
  readonly #problems: SpecProblem[] = [];

  add(problem: SpecProblem): void {
    this.#problems.push(problem);
  }

  get count(): number {
    return this.#problems.length;
  }

  /** Throws a SpecError if anything was reported. */
  throwIfAny(): void {
    if (this.#problems.length > 0) throw new SpecError(this.#problems);
  }
}
