import type { GatewayError } from './errors.js';

/** A promise with its settle functions: what connect() returns while attempts go on. */
export interface Deferred {
  readonly promise: Promise<void>;
  readonly resolve: () => void;
  readonly reject: (error: GatewayError) => void;
}

/** A new pending Deferred. */
export function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (error: GatewayError) => void;
  const promise = new Promise<void>((onResolve, onReject) => {
    resolve = onResolve;
    reject = onReject;
  });
  return { promise, resolve, reject };
}
