/**
 * The generated fast validators alone, as a ratio to `JSON.parse` of the same frames: a quick loop for
 * work on the generator (generator/emit/validators.ts), apart from the client. Payloads are parsed
 * once; each round times `JSON.parse` of the frames, then the validator over the parsed payloads.
 *
 * node --import tsx bench/validator-micro.ts [validators module, default generated/validators.js]
 * (a candidate build: write the module elsewhere and pass its path). Run it 3 times: the machine is shared.
 */
import { pathToFileURL } from 'node:url';
import { framesOf, mixFrames, type Frame } from './frames.js';
import { compare, sink } from './harness.js';

type Validate = (payload: unknown) => boolean;

const path = process.argv[2];
const validators = (await import(path ? pathToFileURL(path).href : '../generated/validators.js')) as Record<string, Validate>;
const { events } = await import('../generated/index.js');

function validatorOf(name: string): Validate {
  const exportName = events[name]?.validatorName;
  const validate = exportName === undefined ? undefined : validators[exportName];
  if (validate === undefined) throw new Error(`no validator for the event ${name}`);
  return validate;
}

function ratio(frames: readonly Frame[]): number {
  const payloads = frames.map((frame) => (JSON.parse(frame.json) as unknown[])[1]);
  const checks = frames.map((frame) => validatorOf(frame.name));
  const result = compare(frames, [
    {
      name: 'JSON.parse',
      run: (inputs) => {
        for (const frame of inputs) sink.value = JSON.parse(frame.json);
      },
    },
    {
      name: 'validator',
      run: () => {
        for (let i = 0; i < payloads.length; i++) if (!(checks[i] as Validate)(payloads[i])) throw new Error('a bench frame is invalid');
      },
    },
  ]);
  return result.get('validator')?.ratio ?? NaN;
}

for (const [label, frames] of [
  ['chat', framesOf('chat', 500)],
  ['typing', framesOf('typing', 1000)],
  ['team', framesOf('team', 50)],
  ['mix', mixFrames()],
] as const) {
  process.stdout.write(`${label}: validator ${ratio(frames).toFixed(3)}x JSON.parse\n`);
}
