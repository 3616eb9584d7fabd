/**
 * Lays out json-schema-to-typescript's unformatted output: two-space indentation and semicolons.
 * jstt without Prettier emits one member per line with no indentation; the TypeScript formatter
 * could fix that but costs ~0.4 s on the full spec, so this does the little that is needed.
 */

const INDENT = '  ';

/** Counts the braces of a line that sit outside string literals (`"{"` is a type, not a block). */
function braces(line: string): { opens: number; closes: number; leadingCloses: number } {
  let opens = 0;
  let closes = 0;
  let leadingCloses = 0;
  let inString = false;
  let leading = true;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === '{') opens++;
    else if (char === '}') {
      closes++;
      if (leading) leadingCloses++;
    }
    if (char !== '}' && char !== ' ') leading = false;
  }
  return { opens, closes, leadingCloses };
}

/** Indents one declaration (an interface or a type alias, with its JSDoc) and ends its members with semicolons. */
export function layoutDeclaration(source: string): string {
  const out: string[] = [];
  let depth = 0;
  let inComment = false;
  let isTypeAlias = false;
  for (const raw of source.trim().split('\n')) {
    const line = raw.trim();
    if (inComment || line.startsWith('/*')) {
      // JSDoc: the opening line at the current depth, the others one space in, under its first star.
      out.push(`${INDENT.repeat(depth)}${line.startsWith('/*') ? line : ` ${line}`}`.trimEnd());
      inComment = !line.endsWith('*/');
      continue;
    }
    if (depth === 0) isTypeAlias = line.startsWith('export type ');
    const { opens, closes, leadingCloses } = braces(line);
    const printDepth = depth - leadingCloses;
    depth += opens - closes;
    const opensBlock = line.endsWith('{');
    const endsStatement = depth > 0 || isTypeAlias;
    out.push(`${INDENT.repeat(Math.max(printDepth, 0))}${line}${!opensBlock && endsStatement ? ';' : ''}`);
  }
  return out.join('\n');
}
