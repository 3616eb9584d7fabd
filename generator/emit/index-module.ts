import { header, printFile } from './ts.js';

/** generated/index.ts: the generated package's entry. */
export function emitIndex(inputs: readonly string[]): string {
  return printFile('index.ts', header(inputs), [
    `export * from './types.js';`,
    `export * from './protocol.js';`,
    `export * from './dispatcher.js';`,
    `export type { ValidateFunction } from './validators.js';`,
    `export type { ReportFunction, ValidationError } from './validators-report.cjs';`,
  ]);
}
