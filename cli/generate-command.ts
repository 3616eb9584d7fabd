import path from 'node:path';
import { parseArgs } from 'node:util';
import { runGenerate } from '../generator/cli.js';

/** `guilded-gateway generate [--check] [--spec DIR] [--out DIR]`. */
export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      check: { type: 'boolean', default: false },
      spec: { type: 'string', default: 'spec' },
      out: { type: 'string', default: 'generated' },
    },
  });
  return runGenerate({ check: values.check, specDir: path.resolve(values.spec), outDir: path.resolve(values.out) });
}
