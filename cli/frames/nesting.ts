/**
 * A bound on how deep a frame's JSON nests. JSON.parse reads any depth, but what walks the value
 * afterwards (JSON.stringify for a report's preview, infer's shapes, their YAML) recurses, and a frame
 * nested 100,000 deep overflows the stack. No gateway payload comes near the bound.
 */

/** The deepest nesting of arrays and objects a frame may have and still be read. */
export const MAX_NESTING = 1000;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Whether `text` opens more than MAX_NESTING arrays or objects inside one another (brackets in strings do not count). */
export function nestsTooDeep(text: string): boolean {
  // Each level opens with a bracket: text with no more brackets than the bound cannot be too deep, which is
  // nearly every frame. Counting them with indexOf is native, a fraction of the walk below (which a 1 KB
  // chat message paid in full, a fifth of validate's time).
  if (text.length <= MAX_NESTING || openingBrackets(text) <= MAX_NESTING) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > MAX_NESTING) return true;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      depth--;
    }
  }
  return false;
}

/** How many `[` and `{` `text` holds, strings included, counted up to one over MAX_NESTING. */
function openingBrackets(text: string): number {
  let count = 0;
  for (const bracket of ['{', '[']) {
    for (let at = text.indexOf(bracket); at !== -1 && count <= MAX_NESTING; at = text.indexOf(bracket, at + 1)) count++;
  }
  return count;
}
