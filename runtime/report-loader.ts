import type { ReportFunction } from '../generated/validators-report.cjs';

/** The full-report validators, by the same export names as the fast ones. */
export type ReportValidators = Readonly<Record<string, ReportFunction | undefined>>;

let loaded: ReportValidators | undefined;

/**
 * Loads the full-report validators on first use. They are most of the validators' bytes and are
 * needed only when a payload fails the fast check, so `import 'guilded-gateway'` does not load them.
 * They are CommonJS so that Node can load them synchronously here, in the middle of a validation.
 * Browser builds replace this module with `report-loader.browser.ts`, which imports them statically.
 */
export function reportValidators(): ReportValidators {
  if (loaded) return loaded;
  const nodeModule = globalThis.process?.getBuiltinModule?.('node:module');
  if (!nodeModule) throw new Error('the full-report validators load through node:module; a browser build must use runtime/report-loader.browser.ts');
  loaded = nodeModule.createRequire(import.meta.url)('../generated/validators-report.cjs') as ReportValidators;
  return loaded;
}
