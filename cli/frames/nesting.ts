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
  // Each level takes at least one character: shorter text cannot be too deep, which is nearly every frame.
  if (text.length <= MAX_NESTING) return false;
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
