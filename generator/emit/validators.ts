import { Ajv, type ValidateFunction } from 'ajv';
import { StructureKind, VariableDeclarationKind, type VariableStatementStructure } from 'ts-morph';
// A CommonJS module: under NodeNext its default import is module.exports, whose .default is the function.
import standalone from 'ajv/dist/standalone/index.js';
import type { Spec } from '../load/model.js';
import { validatorName } from '../load/names.js';
import { eventPayloadSchema, toJsonSchema } from './json-schema.js';
import { doc, header, printFile } from './ts.js';

/** Every schema the validators module exports, by export name. */
export interface CompiledValidators {
  /** ajv's standalone module source (ESM). */
  readonly code: string;
  /** Export name -> compiled function, for checking the spec's own examples. */
  readonly functions: ReadonlyMap<string, ValidateFunction>;
}

/** The schema ids that standalone code exports: validateChatMessageCreatedPayload -> event.ChatMessageCreated. */
export function exportedSchemas(spec: Spec): { exportName: string; id: string; schema: object; summary: string }[] {
  return [
    {
      exportName: validatorName('Hello'),
      id: 'hello',
      schema: toJsonSchema(spec.connection.hello.payload, 'validator'),
      summary: 'Validates the Engine.IO hello (the body of the 0{...} open packet).',
    },
    ...spec.events.map((event) => ({
      exportName: validatorName(event.typeName),
      id: `event.${event.name}`,
      schema: eventPayloadSchema(event, 'validator'),
      summary: `Validates the payload of the ${event.name} event.`,
    })),
    ...spec.commands.map((command) => ({
      exportName: validatorName(command.typeName),
      id: `command.${command.name}`,
      // A bare command (42["logout"]) has no payload: only `undefined` is valid.
      schema: command.payload ? toJsonSchema(command.payload, 'validator') : { not: {} },
      summary: command.payload
        ? `Validates the payload of the ${command.name} command.`
        : `The ${command.name} command has no payload; this accepts nothing but an absent payload.`,
    })),
  ];
}

/** Compiles every payload schema once, with ajv, into standalone validator code. */
export function compileValidators(spec: Spec): CompiledValidators {
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    allowUnionTypes: true,
    inlineRefs: false,
    // The format patterns are ASCII; without the u flag V8 runs them about a fifth faster.
    unicodeRegExp: false,
    code: { source: true, esm: true, lines: true },
  });
  ajv.addSchema({
    $id: 'objects',
    definitions: Object.fromEntries(spec.objects.map((object) => [object.name, toJsonSchema(object.schema, 'validator')])),
  });
  const schemas = exportedSchemas(spec);
  for (const { id, schema } of schemas) ajv.addSchema({ $id: id, ...schema });
  const functions = new Map(schemas.map(({ exportName, id }) => [exportName, ajv.getSchema(id)!]));
  const code = standalone.default(ajv, Object.fromEntries(schemas.map(({ exportName, id }) => [exportName, id])));
  if (code.includes('require(')) {
    // ajv's ESM output still require()s its runtime helpers (string length, deep equality);
    // the generated package must load in plain Node ESM, so the dialect avoids those keywords.
    throw new Error('the generated validators need an ajv runtime helper (require); a schema uses a keyword the dialect should not allow');
  }
  return { code, functions };
}

/** generated/validators.js: the standalone functions, with the header. */
export function emitValidatorsModule(compiled: CompiledValidators, inputs: readonly string[]): string {
  const body = compiled.code.replace(/^"use strict";\n?/, '');
  return `${header(inputs)}\n/* eslint-disable */\n${body.endsWith('\n') ? body : `${body}\n`}`;
}

/** generated/validators.d.ts: one declaration per exported function. */
export function emitValidatorsDeclarations(spec: Spec, inputs: readonly string[]): string {
  return printFile('validators.d.ts', header(inputs), [
    {
      kind: StructureKind.Interface,
      isExported: true,
      name: 'ValidationError',
      docs: [doc('One problem ajv found, as ajv reports it: `instancePath` is a JSON pointer into the payload.')],
      properties: [
        { name: 'instancePath', type: 'string' },
        { name: 'schemaPath', type: 'string' },
        { name: 'keyword', type: 'string' },
        { name: 'params', type: 'Record<string, unknown>' },
        { name: 'message', type: 'string', hasQuestionToken: true },
      ],
    },
    {
      kind: StructureKind.Interface,
      isExported: true,
      name: 'ValidateFunction',
      docs: [doc('A standalone ajv validator. Objects are checked closed: `additionalProperties` errors mean unknown fields, not invalid payloads.')],
      callSignatures: [{ parameters: [{ name: 'data', type: 'unknown' }], returnType: 'boolean' }],
      properties: [{ name: 'errors', type: 'ValidationError[] | null', hasQuestionToken: true }],
    },
    ...exportedSchemas(spec).map(({ exportName, summary }): VariableStatementStructure => ({
      kind: StructureKind.VariableStatement,
      isExported: true,
      hasDeclareKeyword: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: [doc(summary)],
      declarations: [{ name: exportName, type: 'ValidateFunction' }],
    })),
  ]);
}
