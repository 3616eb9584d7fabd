import type { ClientEventMap } from './client-events.js';
import type { TypedEmitter } from './emitter.js';
import { GatewayError, type Consequence, type GatewayErrorCode, type GatewayErrorDetails } from './errors.js';
import { printUnheardError } from './unheard-error.js';

/**
 * What the client says besides events: its errors and debug lines, each through the cookie's redactor.
 * An error nobody listens for goes to stderr instead.
 */
export class ClientReporter {
  readonly #emitter: TypedEmitter<ClientEventMap>;
  readonly #redact: (text: string) => string;

  constructor(emitter: TypedEmitter<ClientEventMap>, redact: (text: string) => string) {
    this.#emitter = emitter;
    this.#redact = redact;
  }

  /** Every GatewayError the client makes comes from here, so none can carry the cookie. */
  error(code: GatewayErrorCode, message: string, consequence: Consequence, details?: GatewayErrorDetails): GatewayError {
    return new GatewayError(code, this.#redact(message), consequence, details);
  }

  /** Makes an error and emits it. */
  report(code: GatewayErrorCode, message: string, consequence: Consequence): void {
    this.emitError(this.error(code, message, consequence));
  }

  /** Emits an error; with no 'error' listener, and unless it reached the caller otherwise, prints it on stderr. */
  emitError(error: GatewayError, { reachedCaller = false, stack }: { reachedCaller?: boolean; stack?: string | undefined } = {}): void {
    if (this.#emitter.has('error')) this.#emitter.emit('error', error);
    else if (!reachedCaller) printUnheardError(error, stack);
  }

  /** Emits a debug line, built only when someone listens, through the redactor like every error. */
  debug(line: () => string): void {
    if (this.#emitter.has('debug')) this.#emitter.emit('debug', this.#redact(line()));
  }

  /** A listener for `name` threw: the emitter ran the others, and this says so. */
  listenerError(name: keyof ClientEventMap, error: unknown): void {
    if (name === 'error') return rethrowLater(error);
    const { report, stack } = listenerFailure(name, error, this.#redact);
    this.emitError(report, { stack });
  }
}

/** An error listener that throws has nobody left to tell: surface it like an unhandled exception. */
export function rethrowLater(error: unknown): void {
  queueMicrotask(() => {
    throw error;
  });
}

/** The LISTENER_ERROR for what a listener of `name` threw, and the thrown error's stack, both redacted. */
export function listenerFailure(name: string, error: unknown, redact: (text: string) => string): { report: GatewayError; stack: string | undefined } {
  const message = `a listener for ${name} threw: ${describe(error)}; the other listeners still ran`;
  const stack = error instanceof Error ? error.stack : undefined;
  return { report: new GatewayError('LISTENER_ERROR', redact(message), 'continue'), stack: stack === undefined ? undefined : redact(stack) };
}

/** An exception's message, or the thrown value in words. */
export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
