import type { CommandName } from '../generated/index.js';
import type { ValidationMode } from './client-options.js';
import type { ClientReporter } from './client-reporter.js';
import { validateCommand } from './validation.js';

/**
 * Checks a command payload before it is sent, unless validation is off: an invalid one is thrown in
 * strict (and so not sent), reported in warn (and sent anyway).
 */
export function checkCommand(name: CommandName, payload: unknown, validation: ValidationMode, reporter: ClientReporter): void {
  if (validation === 'off') return;
  const result = validateCommand(name, payload);
  if (result.ok) return;
  const problems = result.errors.map((error) => `${error.pointer || '/'} ${error.message}`).join(', ');
  if (validation === 'strict') {
    throw reporter.error('INVALID_COMMAND', `${name} payload is invalid (${problems}); the command was not sent`, 'drop');
  }
  reporter.report('INVALID_COMMAND', `${name} payload is invalid (${problems}); sent anyway (validation is warn)`, 'continue');
}
