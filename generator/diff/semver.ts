import type { SemverStep } from './rules.js';

/**
 * The version after `version` for a release of `step`. Below 1.0.0 npm's `^` ranges read the minor
 * number as the major one, so a breaking change there moves the minor number and anything else the patch.
 */
export function nextVersion(version: string, step: SemverStep): string {
  const [major = 0, minor = 0, patch = 0] = version.split('-')[0]!.split('.').map(Number);
  if (step === 'none') return version;
  if (major === 0) return step === 'major' ? `0.${minor + 1}.0` : `0.${minor}.${patch + 1}`;
  if (step === 'major') return `${major + 1}.0.0`;
  return step === 'minor' ? `${major}.${minor + 1}.0` : `${major}.${minor}.${patch + 1}`;
}

/** The step in words: `a major release`, or `no release`. */
export function stepWords(step: SemverStep): string {
  return step === 'none' ? 'no release' : `a ${step} release`;
}
