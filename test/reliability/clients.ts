// What the reliability cases do with a client: record its events, and read the error a promise rejects with.
import * as assert from 'uvu/assert';
import type { ClientEventMap } from '../../runtime/client-events.js';
import type { GatewayClient } from '../../runtime/client.js';
import { GatewayError } from '../../runtime/errors.js';

/** Every `name` event of the client from now on, in order. */
export function collect<K extends keyof ClientEventMap>(client: GatewayClient, name: K): Array<ClientEventMap[K]> {
  const seen: Array<ClientEventMap[K]> = [];
  client.on(name, (payload) => seen.push(payload));
  return seen;
}

/** The GatewayError `promise` rejects with; fails the test if it resolves or rejects with anything else. */
export async function rejection(promise: Promise<unknown>): Promise<GatewayError> {
  const error = await promise.then(
    () => assert.unreachable('the promise resolved'),
    (reason: unknown) => reason,
  );
  assert.instance(error, GatewayError);
  return error as GatewayError;
}
