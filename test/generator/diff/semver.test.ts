import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { nextVersion } from '../../../generator/diff/semver.js';
import type { SemverStep } from '../../../generator/diff/rules.js';

const CASES: { given: [string, SemverStep]; want: string }[] = [
  { given: ['1.2.3', 'major'], want: '2.0.0' },
  { given: ['1.2.3', 'minor'], want: '1.3.0' },
  { given: ['1.2.3', 'patch'], want: '1.2.4' },
  { given: ['1.2.3', 'none'], want: '1.2.3' },
  // Below 1.0.0, npm's ^0.1.0 accepts 0.1.x only: a breaking change must move the minor number.
  { given: ['0.1.0', 'major'], want: '0.2.0' },
  { given: ['0.1.0', 'minor'], want: '0.1.1' },
  { given: ['0.1.0', 'patch'], want: '0.1.1' },
];

const next = suite('the next version for a release step');
for (const { given, want } of CASES) {
  next(`${given[0]} with a ${given[1]} step is ${want}`, () => assert.is(nextVersion(...given), want));
}
next.run();
