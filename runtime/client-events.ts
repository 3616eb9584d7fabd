import type { EventName, EventPayloadMap, Hello, ReceivedEvent } from '../generated/index.js';
import type { GatewayError } from './errors.js';

/** An event whose name the spec does not know, delivered as is. */
export interface UnknownEvent {
  readonly name: string;
  readonly payload: unknown;
}

/** A payload that failed validation: where (JSON pointers) and why. */
export interface InvalidPayload {
  readonly name: string;
  readonly payload: unknown;
  readonly errors: ReadonlyArray<{ readonly pointer: string; readonly message: string }>;
}

/** The client's own events, besides the gateway's. */
export interface LifecycleEventMap {
  /** The connection is ready (`40` received). `reconnected` is true after a reconnect: events sent meanwhile are lost, refetch over REST. */
  open: { readonly sid: string; readonly reconnected: boolean };
  /** The Engine.IO hello (`0{...}`). */
  hello: Hello;
  /** A pong answered a ping after `latency` ms. */
  heartbeat: { readonly latency: number };
  /** The connection was lost and another attempt starts after `delayMs`. */
  reconnecting: { readonly attempt: number; readonly delayMs: number; readonly error: GatewayError };
  /** The session ended: no more events or reconnects until `connect()`. */
  close: { readonly code: number; readonly reason: string };
  /** Something went wrong; `error.consequence` says what the client did about it. */
  error: GatewayError;
  /** An event the spec does not know. */
  unknownEvent: UnknownEvent;
  /** A payload that failed validation (strict: instead of the typed event; warn: besides it). */
  invalidPayload: InvalidPayload;
}

// Fails to compile if the spec gains an event whose name clashes with a lifecycle event.
type NoNameClash<T extends never> = T;
type LifecycleNamesAreFree = NoNameClash<keyof LifecycleEventMap & EventName>;

/** Every event `on` accepts: the gateway's by their canonical wire name, and the client's own. */
export type ClientEventMap = EventPayloadMap & LifecycleEventMap;

/** What `for await (const event of client)` yields. */
export type ClientEvent =
  | ReceivedEvent
  | { readonly name: 'unknownEvent'; readonly payload: UnknownEvent }
  | { readonly name: 'invalidPayload'; readonly payload: InvalidPayload };
