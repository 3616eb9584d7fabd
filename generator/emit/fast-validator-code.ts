/**
 * Turns ajv's standalone code (compiled with `allErrors: false`) into the fast validators: the same
 * checks and control flow, without building error objects or passing error context down calls.
 *
 * The fast validators answer one question, "does this payload match, with no unknown field?", on
 * every frame; the full report (which fields, what was expected) is a second module, compiled with
 * `allErrors: true` and loaded only when a payload fails. What ajv writes for errors is most of its
 * output and a cost on every call: an object with the JSON pointer built by string concatenation at
 * each `$ref` call, even when nothing fails.
 */

/** The error object ajv builds: `{instancePath,schemaPath:"#/type",keyword:"type",params:{...},message:"..."}`. */
const ERROR_OBJECT_KEY = 'schemaPath:';
/** The context ajv hands a called validator: `{instancePath:instancePath+"/x",parentData:data,parentDataProperty:"x",rootData}`. */
const CALL_CONTEXT_KEY = 'parentData:';
const SIGNATURE_CONTEXT = ', {instancePath="", parentData, parentDataProperty, rootData=data}={}';

/** The name every rewritten error object refers to instead: one shared, empty, frozen object. */
export const SHARED_ERROR = 'failed';

/** Index just past the `{...}` literal or block that starts at `start`, skipping braces inside string literals. */
export function endOfLiteral(code: string, start: number): number {
  let depth = 0;
  for (let i = start; i < code.length; i++) {
    const char = code[i];
    if (char === '"') {
      for (i++; code[i] !== '"'; i++) if (code[i] === '\\') i++;
    } else if (char === '{') {
      depth++;
    } else if (char === '}' && --depth === 0) {
      return i + 1;
    }
  }
  throw new Error('ajv output ends inside an object literal');
}

/** Rewrites ajv's standalone code as described above; throws if anything still reads the error context. */
export function fastValidatorCode(code: string): string {
  let out = code.split(SIGNATURE_CONTEXT).join('');
  let result = '';
  let from = 0;
  for (let at = out.indexOf('{instancePath'); at !== -1; at = out.indexOf('{instancePath', from)) {
    const end = endOfLiteral(out, at);
    const literal = out.slice(at, end);
    if (literal.includes(ERROR_OBJECT_KEY)) {
      result += out.slice(from, at) + SHARED_ERROR;
    } else if (literal.includes(CALL_CONTEXT_KEY) && out.slice(at - 2, at) === ', ') {
      result += out.slice(from, at - 2);
    } else {
      throw new Error(`unexpected ajv output: ${literal.slice(0, 80)}`);
    }
    from = end;
  }
  out = result + out.slice(from);
  const leftover = /\b(?:instancePath|parentData|parentDataProperty|rootData)\b/.exec(out);
  if (leftover) throw new Error(`the fast validators still read "${leftover[0]}" near: ${out.slice(leftover.index - 60, leftover.index + 40)}`);
  return `const ${SHARED_ERROR} = Object.freeze({});\n${out}`;
}
