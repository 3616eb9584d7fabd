import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { layoutDeclaration } from '../../../generator/emit/layout.js';

const layout = suite('layoutDeclaration');

/** Each case: json-schema-to-typescript's unformatted output, and the laid-out declaration. */
const cases: { name: string; given: string; want: string }[] = [
  {
    name: 'an interface gets indented members that end with semicolons',
    given: 'export interface A {\n/**\n * The id.\n */\nid: string\nnote?: (string | null)\n}\n',
    want: 'export interface A {\n  /**\n   * The id.\n   */\n  id: string;\n  note?: (string | null);\n}',
  },
  {
    name: 'nested object types indent one level more and close with a semicolon',
    given: 'export interface A {\nroles: ({\n[k: string]: Role | undefined\n} | null)\nlist?: {\nid: string\n}[]\n}\n',
    want: 'export interface A {\n  roles: ({\n    [k: string]: Role | undefined;\n  } | null);\n  list?: {\n    id: string;\n  }[];\n}',
  },
  {
    name: 'a type alias ends with a semicolon, and its JSDoc is kept',
    given: '/**\n * What a channel holds.\n */\nexport type ContentType = ("chat" | "voice")\n',
    want: '/**\n * What a channel holds.\n */\nexport type ContentType = ("chat" | "voice");',
  },
  {
    name: 'braces inside string literal types and comments do not change the depth',
    given: 'export interface A {\n/**\n * Looks like 0{...} but is text.\n */\nmark: ("{" | "}" | "\\"}")\nnext: string\n}\n',
    want: 'export interface A {\n  /**\n   * Looks like 0{...} but is text.\n   */\n  mark: ("{" | "}" | "\\"}");\n  next: string;\n}',
  },
];

for (const { name, given, want } of cases) {
  layout(name, () => assert.is(layoutDeclaration(given), want));
}

layout.run();
