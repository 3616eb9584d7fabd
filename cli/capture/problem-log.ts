import type { CaptureProblem } from './problem.js';

const MAX_PROBLEMS_KEPT = 100;

/** Keeps the first problems of a run and counts all of them, so that a capture of garbage cannot grow memory. */
export class ProblemLog {
  count = 0;
  readonly shown: CaptureProblem[] = [];

  /** Records one problem. */
  add(problem: CaptureProblem): void {
    this.count++;
    if (this.shown.length < MAX_PROBLEMS_KEPT) this.shown.push(problem);
  }
}
