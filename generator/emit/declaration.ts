import { compile, type Options } from 'json-schema-to-typescript';
import { layoutDeclaration } from './layout.js';
import type { JsonSchema } from './json-schema.js';

const JSTT_OPTIONS: Partial<Options> = {
  bannerComment: '',
  format: false, // Prettier is most of jstt's run time; ts-morph lays out the file instead.
  additionalProperties: false, // closed types: a misspelled key is a compile error
  declareExternallyReferenced: false,
  unknownAny: true,
  strictIndexSignatures: true,
};

/**
 * One named declaration from a schema; the name is the spec key, never a title. `heritage` makes an
 * interface extend other types (jstt cannot say `extends`, so it is added to the line jstt wrote).
 */
export async function declaration(name: string, schema: JsonSchema, docs: string, heritage?: string): Promise<string> {
  const source = await compile({ ...schema, description: docs || undefined }, name, JSTT_OPTIONS);
  const opening = new RegExp(`^export (interface|type) ${name}\\b`, 'm');
  const found = opening.exec(source);
  if (!found) throw new Error(`json-schema-to-typescript did not name the declaration ${name}`);
  if (heritage === undefined) return layoutDeclaration(source);
  if (found[1] !== 'interface') throw new Error(`json-schema-to-typescript wrote ${name} as a type alias, which cannot extend ${heritage}`);
  return layoutDeclaration(source.replace(opening, `export interface ${name} extends ${heritage}`));
}
