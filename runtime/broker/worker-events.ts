import type { EventPayloadMap } from '../../generated/index.js';
import type { InvalidPayload, UnknownEvent } from '../client-events.js';
import type { BrokerError } from './broker-error.js';

/** Where a message came from and how often it was delivered: what a handler needs to be idempotent. */
export interface Delivery {
  /** The event's stable id (`<publisher run>:<sequence>`): the same on every redelivery. */
  readonly id: string;
  /** The Redis stream entry id. */
  readonly entryId: string;
  readonly partition: number;
  /** `user`, or the team id of the team socket the event came on. */
  readonly socket: string;
  /** When the publisher received the frame, in milliseconds since the epoch. */
  readonly receivedAt: number;
  /** 1 on the first delivery; more after a handler threw or its worker died. */
  readonly deliveries: number;
}

/** Events the publisher dropped while Redis was away and its buffer was full, at the place they are missing. */
export interface Gap {
  readonly partition: number;
  readonly dropped: number;
}

/** Every message kind a worker handles: the gateway's events by their canonical name, and the broker's own. */
export type WorkerEventMap = EventPayloadMap & {
  /** An event the spec does not know. */
  unknownEvent: UnknownEvent;
  /** A payload that failed validation at the publisher (strict: instead of its typed event; warn: besides it). */
  invalidPayload: InvalidPayload;
  /** Events lost to the publisher's full buffer, in order where they would have been. */
  gap: Gap;
};

/** A handler: the message is acknowledged once it returns, or once the promise it returns resolves; a throw or rejection leaves it to be delivered again. */
export type Handler<Payload> = (payload: Payload, delivery: Delivery) => unknown;

/** A message given up on, as the dead-letter stream holds it. */
export interface DeadLetter {
  readonly id: string;
  readonly name: string;
  readonly partition: number;
  readonly deliveries: number;
  readonly error: string;
}

/** What a worker says besides messages. */
export interface WorkerNoticeMap {
  error: BrokerError;
  deadLetter: DeadLetter;
}
