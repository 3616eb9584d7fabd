import { events, type EventEntry, type EventPayload } from '../generated/index.js';
import type { ClientEvent, ClientEventMap } from './client-events.js';
import type { ValidationMode } from './client-options.js';
import type { ClientReporter } from './client-reporter.js';
import {
  decodeEventArgs,
  eventNameEnd,
  eventNameHasEscape,
  EVENT_NAME_START,
  parseEventPayload,
  type EventHead,
} from './codec.js';
import type { Listeners, TypedEmitter } from './emitter.js';
import type { EventIterators } from './event-iterators.js';
import { ListenedEvents, type ListenedEvent } from './listened-events.js';
import { describeErrors, reportErrors } from './validation.js';

/** A listened event with its listeners as they were when it was indexed: every change of them indexes anew. */
interface IndexedEvent extends ListenedEvent {
  readonly listeners: Listeners;
}

/** What the router needs of the client. */
export interface EventRouterOptions {
  /** The client's emitter: its listeners say which events are listened to, and get them. */
  readonly emitter: TypedEmitter<ClientEventMap>;
  readonly iterators: EventIterators;
  readonly validation: ValidationMode;
  /** Reports an event frame it cannot read. */
  readonly reporter: ClientReporter;
}

/**
 * Which event frames anyone wants, and their delivery: parsed, validated (unless off) and handed to
 * the listeners of their name and to every iterator. A frame nobody wants is dropped unparsed.
 */
export class EventRouter {
  readonly #emitter: TypedEmitter<ClientEventMap>;
  readonly #iterators: EventIterators;
  readonly #validation: ValidationMode;
  readonly #reporter: ClientReporter;
  // The events someone listens to, by every wire spelling: what the fast path of `take` looks up.
  #listened = new ListenedEvents<IndexedEvent>([]);
  // An iterator or an unknownEvent listener wants events nobody listens to by name.
  #wantsEveryEvent = false;

  constructor({ emitter, iterators, validation, reporter }: EventRouterOptions) {
    this.#emitter = emitter;
    this.#iterators = iterators;
    this.#validation = validation;
    this.#reporter = reporter;
  }

  /**
   * The client's first look at every frame. Nearly every frame is `42["Name",...]`: the name is looked
   * up where it lies before anything is decoded. Returns whether the frame is handled; the client decodes
   * the others, and hands their events to `dispatch`.
   */
  take(frame: unknown): boolean {
    if (typeof frame !== 'string') return false;
    const nameEnd = eventNameEnd(frame);
    if (nameEnd === -1) return false;
    const listened = this.#listened.find(frame, EVENT_NAME_START, nameEnd);
    if (listened !== undefined) {
      const payload = parseEventPayload(frame, nameEnd);
      // Another shape of the array, or invalid JSON: the general path reads it and reports what is wrong.
      if (payload === undefined) return false;
      this.#deliverListened(listened, payload);
      return true;
    }
    // Nobody listens: no string, no parse. (A name with escapes may still spell a listened one.)
    return !this.#wantsEveryEvent && !eventNameHasEscape(frame, nameEnd);
  }

  /**
   * An event `take` left: on another namespace, with an ack id, a name with escapes or numbers, or one
   * nobody listens to while an iterator or an unknownEvent listener wants every event.
   */
  dispatch(head: EventHead): void {
    if (head.namespace !== '/') return;
    let entry = this.#listened.get(head.name)?.entry;
    if (entry === undefined) {
      if (!this.#wantsEveryEvent) return;
      // The generated table has no prototype, so a name such as "toString" finds nothing.
      entry = events[head.name];
      // A spec event nobody listens to is not unknown: only an iterator wants it.
      if (entry !== undefined && this.#iterators.size === 0) return;
    }
    const decoded = decodeEventArgs(head);
    if (decoded.type === 'invalid') return this.#reporter.report('INVALID_FRAME', `${decoded.reason}; the event was dropped`, 'drop');
    const payload = decoded.args[0];
    if (entry === undefined) return this.#deliver('unknownEvent', { name: head.name, payload });
    this.#deliverEvent(entry, head.name, payload);
  }

  /** The listeners of `name` changed. */
  listenersChanged(name: keyof ClientEventMap): void {
    if (SPELLINGS.has(name)) this.#indexListened();
    else if (name === 'unknownEvent') this.iteratorsChanged();
  }

  /** An iterator started or ended. */
  iteratorsChanged(): void {
    this.#wantsEveryEvent = this.#iterators.size > 0 || this.#emitter.has('unknownEvent');
  }

  /**
   * `#deliverEvent` for the fast path: a valid payload (or any, with validation off) goes to the listeners
   * indexed with the event, without looking them up by name.
   */
  #deliverListened(listened: IndexedEvent, payload: unknown): void {
    const { entry } = listened;
    if (this.#validation === 'off' || entry.validate(payload)) {
      this.#emitter.emitTo(entry.name, listened.listeners, payload as EventPayload, undefined);
      if (this.#iterators.size !== 0) this.#iterators.push({ name: entry.name, payload } as ClientEvent);
      return;
    }
    if (this.#reportFailed(entry, listened.spelling, payload)) this.#deliver(entry.name, payload as EventPayload);
  }

  /** Validates (unless off) and delivers a spec event received as `name`, one of its wire spellings. */
  #deliverEvent(entry: EventEntry, name: string, payload: unknown): void {
    // The validator is a type guard: a payload it passes is delivered as the spec's type, uncast.
    if (this.#validation !== 'off' && entry.validate(payload)) return this.#deliver(entry.name, payload);
    // Only a failed fast check pays for the report: objects are closed there, so an unknown field fails it too.
    // The report is a method of its own, which keeps this one, on every event's path, small enough to inline.
    if (this.#validation !== 'off' && !this.#reportFailed(entry, name, payload)) return;
    // Validation off, a payload whose only fault is unknown fields, or warn: the server's word is taken.
    this.#deliver(entry.name, payload as EventPayload);
  }

  /** Reports what the full validator finds in a payload that failed the fast one; returns whether to deliver it still. */
  #reportFailed(entry: EventEntry, name: string, payload: unknown): boolean {
    const { errors, unknownFields } = describeErrors(reportErrors(entry.validatorName, payload));
    if (errors.length > 0) this.#deliver('invalidPayload', { name, payload, errors });
    if (unknownFields.length > 0) this.#emitter.emit('unknownFields', { name, payload, fields: unknownFields });
    // Unknown fields alone leave the payload valid, even in strict.
    return errors.length === 0 || this.#validation !== 'strict';
  }

  #deliver<K extends ClientEvent['name']>(name: K, payload: ClientEventMap[K]): void {
    this.#emitter.emit(name, payload);
    if (this.#iterators.size === 0) return;
    this.#iterators.push({ name, payload } as ClientEvent);
  }

  #indexListened(): void {
    const listened: IndexedEvent[] = [];
    for (const name of this.#emitter.names()) {
      const listeners = this.#emitter.listeners(name);
      for (const spelling of SPELLINGS.get(name) ?? []) listened.push({ ...spelling, listeners });
    }
    this.#listened = new ListenedEvents(listened);
  }
}

/** Every wire spelling of each event, by its canonical name. */
const SPELLINGS: ReadonlyMap<keyof ClientEventMap, readonly ListenedEvent[]> = (() => {
  const spellings = new Map<keyof ClientEventMap, ListenedEvent[]>();
  for (const [spelling, entry] of Object.entries(events)) {
    const known = spellings.get(entry.name);
    if (known) known.push({ spelling, entry });
    else spellings.set(entry.name, [{ spelling, entry }]);
  }
  return spellings;
})();
