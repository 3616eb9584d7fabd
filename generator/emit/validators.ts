import { Ajv, type Options, type ValidateFunction } from 'ajv';
import { transform } from 'esbuild';
import type { VariableStatementStructure } from 'ts-morph';
import { StructureKind, VariableDeclarationKind } from './ts-morph.js';
// A CommonJS module: under NodeNext its default import is module.exports, whose .default is the function.
import standalone from 'ajv/dist/standalone/index.js';
import type { Spec } from '../load/model.js';
import { validatorName } from '../load/names.js';
import { closedObjectSwitch } from './closed-object-switch.js';
import { fastValidatorCode } from './fast-validator-code.js';
import { reportValidatorCode } from './report-validator-code.js';
import { eventPayloadSchema, toJsonSchema, validatorObjectId } from './json-schema.js';
import { uuidCheck } from './uuid-check.js';
import { doc, header, printFile } from './ts.js';

/** Every schema the validators modules export, by export name, compiled twice. */
export interface CompiledValidators {
  /**
   * The fast validators (ESM): a boolean, no error details. Minified by esbuild's service, a process of
   * its own, while the generator emits the other files: hence a promise.
   */
  readonly fast: Promise<string>;
  /** The full report (CommonJS, so that it can be required synchronously on the first failure): every error, as ajv reports it. */
  readonly report: Promise<string>;
  /** Export name -> compiled full-report function, for checking the spec's own examples. */
  readonly functions: ReadonlyMap<string, ValidateFunction>;
}

interface ExportedSchema {
  readonly exportName: string;
  readonly id: string;
  readonly schema: object;
  readonly summary: string;
  /** The payload type the validator proves, for its type guard. */
  readonly typeName: string | undefined;
}

/** The schema ids that standalone code exports: validateChatMessageCreatedPayload -> event.ChatMessageCreated. */
export function exportedSchemas(spec: Spec): ExportedSchema[] {
  return [
    {
      exportName: validatorName('Hello'),
      id: 'hello',
      schema: toJsonSchema(spec.connection.hello.payload, 'validator'),
      summary: 'Validates the Engine.IO hello (the body of the 0{...} open packet).',
      typeName: 'Hello',
    },
    ...spec.events.map((event) => ({
      exportName: validatorName(event.typeName),
      id: `event.${event.name}`,
      schema: eventPayloadSchema(event, 'validator'),
      summary: `Validates the payload of the ${event.name} event.`,
      typeName: event.typeName,
    })),
    ...spec.commands.map((command) => ({
      exportName: validatorName(command.typeName),
      id: `command.${command.name}`,
      // A bare command (42["logout"]) has no payload: only `undefined` is valid.
      schema: command.payload ? toJsonSchema(command.payload, 'validator') : { not: {} },
      summary: command.payload
        ? `Validates the payload of the ${command.name} command.`
        : `The ${command.name} command has no payload; this accepts nothing but an absent payload.`,
      typeName: command.payload ? command.typeName : undefined,
    })),
  ];
}

/**
 * One ajv instance over the whole spec. Each shared object has a schema of its own, referenced by
 * id, so that its checks are compiled once and called from every event that uses it.
 */
function compile(spec: Spec, options: Options): { ajv: Ajv; schemas: ExportedSchema[] } {
  const ajv = new Ajv({
    strict: true,
    allowUnionTypes: true,
    inlineRefs: false,
    // The format patterns are ASCII; without the u flag V8 runs them about a fifth faster.
    unicodeRegExp: false,
    // A variant's `then: { required }` names fields declared beside it, in the payload's properties.
    strictRequired: false,
    ...options,
  });
  for (const object of spec.objects) ajv.addSchema({ $id: validatorObjectId(object.name), ...toJsonSchema(object.schema, 'validator') });
  const schemas = exportedSchemas(spec);
  for (const { id, schema } of schemas) ajv.addSchema({ $id: id, ...schema });
  return { ajv, schemas };
}

function standaloneCode(ajv: Ajv, schemas: readonly ExportedSchema[]): string {
  const code = standalone.default(ajv, Object.fromEntries(schemas.map(({ exportName, id }) => [exportName, id])));
  if (code.includes('require(')) {
    // ajv's standalone output can require() runtime helpers (string length, deep equality); the
    // generated package must need no ajv at run time, so the dialect avoids those keywords.
    throw new Error('the generated validators need an ajv runtime helper (require); a schema uses a keyword the dialect should not allow');
  }
  return code.replace(/^"use strict";/, '');
}

/** Minified, since both modules are machine-written: a third of the bytes to load and install. */
async function minify(code: string, format: 'esm' | 'cjs'): Promise<string> {
  return (await transform(code, { format, minify: true, treeShaking: true, target: 'es2022', legalComments: 'none' })).code;
}

/** Compiles every payload schema with ajv into the fast module and the full-report module. */
export function compileValidators(spec: Spec): CompiledValidators {
  const fast = compile(spec, { allErrors: false, messages: false, code: { source: true, esm: true, optimize: true } });
  // Two cheaper tests of the same answer on every frame; the report keeps ajv's code as written.
  // Its minification starts now, and runs while the report compiles.
  const fastCode = minify(closedObjectSwitch(uuidCheck(fastValidatorCode(standaloneCode(fast.ajv, fast.schemas)))), 'esm');
  // No messages in the report either: runtime/validation.ts words each error from its keyword and params,
  // which takes a tenth of the report module's bytes off every install.
  const report = compile(spec, { allErrors: true, messages: false, code: { source: true, esm: false, optimize: true } });
  const functions = new Map(report.schemas.map(({ exportName, id }) => [exportName, report.ajv.getSchema(id)!]));
  return { fast: fastCode, report: minify(reportValidatorCode(standaloneCode(report.ajv, report.schemas)), 'cjs'), functions };
}

function withHeader(code: string, inputs: readonly string[]): string {
  return `${header(inputs)}\n${code.endsWith('\n') ? code : `${code}\n`}`;
}

/** generated/validators.js: the fast functions, with the header. */
export async function emitValidatorsModule(compiled: CompiledValidators, inputs: readonly string[]): Promise<string> {
  return withHeader(await compiled.fast, inputs);
}

/** generated/validators-report.cjs: the full-report functions, with the header. */
export async function emitReportModule(compiled: CompiledValidators, inputs: readonly string[]): Promise<string> {
  return withHeader(await compiled.report, inputs);
}

/** generated/validators.d.ts: one type guard per exported function. */
export function emitValidatorsDeclarations(spec: Spec, inputs: readonly string[]): string {
  const schemas = exportedSchemas(spec);
  const typeNames = schemas.map(({ typeName }) => typeName).filter((name): name is string => name !== undefined);
  return printFile('validators.d.ts', header(inputs), [
    `import type { ${typeNames.join(', ')} } from './types.js';`,
    {
      kind: StructureKind.Interface,
      isExported: true,
      name: 'ValidateFunction',
      typeParameters: [{ name: 'T', default: 'unknown' }],
      docs: [
        doc(
          'A fast standalone validator: true when the payload matches the spec and has no field the spec lacks (objects are checked closed).',
          'It says nothing about why a payload fails; `validateEvent` and `validateCommand` report every error and unknown field.',
        ),
      ],
      callSignatures: [{ parameters: [{ name: 'data', type: 'unknown' }], returnType: 'data is T' }],
    },
    ...schemas.map(({ exportName, summary, typeName }): VariableStatementStructure => ({
      kind: StructureKind.VariableStatement,
      isExported: true,
      hasDeclareKeyword: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: [doc(summary)],
      declarations: [{ name: exportName, type: typeName ? `ValidateFunction<${typeName}>` : 'ValidateFunction<undefined>' }],
    })),
  ]);
}

/** generated/validators-report.d.cts: the full-report functions, which keep ajv's errors. */
export function emitReportDeclarations(spec: Spec, inputs: readonly string[]): string {
  return printFile('validators-report.d.cts', header(inputs), [
    {
      kind: StructureKind.Interface,
      isExported: true,
      name: 'ValidationError',
      docs: [
        doc(
          'One problem ajv found: `instancePath` is a JSON pointer into the payload, `keyword` and `params` the rule that failed.',
          "ajv's `schemaPath` is left out: it points into the compiled schemas, not into the spec.",
        ),
      ],
      properties: [
        { name: 'instancePath', type: 'string' },
        { name: 'keyword', type: 'string' },
        { name: 'params', type: 'Record<string, unknown>' },
        { name: 'message', type: 'string', hasQuestionToken: true },
      ],
    },
    {
      kind: StructureKind.Interface,
      isExported: true,
      name: 'ReportFunction',
      docs: [doc('A full-report ajv validator: after a call that returns false, `errors` lists every problem. `additionalProperties` errors mean unknown fields, not invalid payloads.')],
      callSignatures: [{ parameters: [{ name: 'data', type: 'unknown' }], returnType: 'boolean' }],
      properties: [{ name: 'errors', type: 'ValidationError[] | null', hasQuestionToken: true }],
    },
    ...exportedSchemas(spec).map(({ exportName, summary }): VariableStatementStructure => ({
      kind: StructureKind.VariableStatement,
      isExported: true,
      hasDeclareKeyword: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: [doc(summary)],
      declarations: [{ name: exportName, type: 'ReportFunction' }],
    })),
  ]);
}
