import type { ReportFunction } from '../generated/validators-report.cjs';
import * as Report from '../generated/validators-report.cjs';

/** The full-report validators, by the same export names as the fast ones. */
export type ReportValidators = Readonly<Record<string, ReportFunction | undefined>>;

/** Browsers cannot load a module synchronously on demand, so their bundle carries the report from the start. */
export function reportValidators(): ReportValidators {
  return Report as unknown as ReportValidators;
}
