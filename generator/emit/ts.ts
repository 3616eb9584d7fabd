import type { Project as TsProject, SourceFile, StatementStructures, WriterFunction } from 'ts-morph';
import { IndentationText, Project, QuoteKind } from './ts-morph.js';
import { commentSafe } from './json-schema.js';
import { notice } from './notice.js';

/**
 * The one place generated TypeScript is built and printed. Every emitter goes through these
 * helpers, so escaping, quoting and layout are decided once.
 */

/** The fixed header of every generated TypeScript file. */
export function header(inputs: readonly string[]): string {
  return notice(inputs)
    .map((line) => `// ${line}`)
    .join('\n');
}

/** A JavaScript literal that is safe anywhere in code: JSON escaping plus U+2028/U+2029; `indent` spreads it over lines. */
export function literal(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A property key, quoted only when it is not a plain identifier. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : literal(name);
}

/** JSDoc text for a structure's `docs`; ts-morph adds the comment markers. */
export function doc(...lines: (string | undefined)[]): string {
  return commentSafe(lines.filter((line): line is string => line !== undefined && line !== '').join('\n\n'));
}

export type Statement = string | WriterFunction | StatementStructures;

let project: TsProject | undefined;

/** Builds a whole file from its statements and prints it once. */
export function printFile(fileName: string, fileHeader: string, statements: readonly Statement[]): string {
  project ??= new Project({
    useInMemoryFileSystem: true,
    // Printing needs no type information: loading lib.d.ts would only cost time.
    skipLoadingLibFiles: true,
    compilerOptions: { noLib: true },
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Single },
  });
  const file: SourceFile = project.createSourceFile(fileName, { statements: [fileHeader, ...statements] }, { overwrite: true });
  const text = file.getFullText();
  project.removeSourceFile(file);
  return text.endsWith('\n') ? text : `${text}\n`;
}

/** One member of a named-constants object: `Online: 1` with its TSDoc line. */
export interface NamedValue {
  readonly name: string;
  readonly value: string | number;
  readonly description: string;
}

/**
 * `export const Name = { /** … *\/ Member: value, … } as const` and, unless a type of that name is declared
 * elsewhere, the union of its values beside it under the same name: `CloseCode.Normal` and `CloseCode`.
 */
export function namedConstants(name: string, docs: string, members: readonly NamedValue[], withUnion = true): Statement[] {
  const body = members.map((member) => `  /** ${commentSafe(member.description)} */\n  ${propertyKey(member.name)}: ${literal(member.value)},`).join('\n');
  const constant = `/** ${commentSafe(docs)} */\nexport const ${name} = {\n${body}\n} as const;`;
  if (!withUnion) return [constant];
  return [constant, `/** One of the values of {@link ${name}}. */\nexport type ${name} = (typeof ${name})[keyof typeof ${name}];`];
}
