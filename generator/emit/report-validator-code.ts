/**
 * Trims ajv's standalone code (compiled with `allErrors: true`) for the full report: each error object
 * loses its `schemaPath` (`"#/properties/teamId/type"`), which names a place in ajv's compiled schema
 * rather than in the spec and which nothing reads. It is an eighth of the module's bytes.
 */
const SCHEMA_PATH = /schemaPath:\s*"(?:[^"\\]|\\.)*",\s*/g;

/** Rewrites the report code as described above; throws if a schemaPath is left in a form it does not know. */
export function reportValidatorCode(code: string): string {
  const out = code.replace(SCHEMA_PATH, '');
  const leftover = out.indexOf('schemaPath');
  if (leftover !== -1) throw new Error(`the report validators still build a schemaPath near: ${out.slice(leftover - 60, leftover + 60)}`);
  return out;
}
