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

/** A delivered spec event that carries fields the spec does not describe: the protocol grew, or the spec lags. */
export interface UnknownFields {
  readonly name: string;
  readonly payload: unknown;
  /** JSON pointers into the payload, such as `/message/brandNew`. */
  readonly fields: readonly string[];
}

/** The client's own events, besides the gateway's. */
export interface LifecycleEventMap {
  /** The connection is ready (`40` received). `reconnected` is true after a reconnect: events sent meanwhile are lost, refetch over REST. */
  open: { readonly sid: string; readonly reconnected: boolean };
  /** The Engine.IO hello (`0{...}`). */
  hello: Hello;
  /** A pong answered a ping `ping` ms after it was sent; `client.ping` holds the same figure. */
  heartbeat: { readonly ping: number };
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
  /**
   * A delivered spec event (one with a listener, or any while an iterator runs) has fields the spec lacks.
   * Reported just before the event; never in validation `off`; not yielded to iterators.
   */
  unknownFields: UnknownFields;
  /**
   * The connection's lifecycle in words, one line each: connecting, hello, heartbeats, teardowns,
   * reconnect delays. For logs, not for parsing; it never holds the cookie.
   */
  debug: string;
  /**
   * Every text frame as received, before the client reads it: for taps that keep a payload's text as it
   * came, such as the publisher of `guilded-gateway/broker`. Emitted only while someone listens.
   */
  frame: string;
}

// Fails to compile if the spec gains an event whose name clashes with a lifecycle event.
type NoNameClash<T extends never> = T;
type LifecycleNamesAreFree = NoNameClash<keyof LifecycleEventMap & EventName>;

/** Every event `on` accepts: the gateway's by their canonical wire name, and the client's own. */
export type ClientEventMap = EventPayloadMap & LifecycleEventMap;

/**
 * What `for await (const event of client)` yields: every payload the gateway sent, as a typed event, an
 * unknown event, or a payload validation rejected (strict holds back its typed event). `unknownFields` is
 * for listeners only: the event it describes is yielded whole, and drift on every event would fill the buffer.
 */
export type ClientEvent =
  | ReceivedEvent
  | { readonly name: 'unknownEvent'; readonly payload: UnknownEvent }
  | { readonly name: 'invalidPayload'; readonly payload: InvalidPayload };
