/** A listener for one event of a map; `Origin` is an optional second argument (such as the socket the event came from). */
export type Listener<Payload, Origin = void> = (payload: Payload, origin: Origin) => void;

/** What the emitter tells its owner. */
export interface EmitterHooks<Events, Origin = void> {
  /** A listener threw. The other listeners still ran. */
  listenerError(name: keyof Events, error: unknown, origin: Origin): void;
  /** The set of listeners for `name` changed. */
  countChanged?(name: keyof Events): void;
}

interface Registration {
  // Typed by the name it is registered under; the map cannot say so, so emit casts it back.
  readonly listener: unknown;
  readonly once: boolean;
}

/** The listeners of one name at one moment (`TypedEmitter.listeners`). */
export type Listeners = readonly Registration[];

const NO_LISTENERS: Listeners = [];

/**
 * An event emitter typed by one map of event name to payload type (STYLE item 6), with no overloads.
 * A listener that throws is reported through a hook instead of unwinding into the socket that emitted.
 */
export class TypedEmitter<Events extends object, Origin = void> {
  // Arrays are replaced, never changed in place, so that emit iterates without copying while a
  // listener adds or removes listeners.
  readonly #registrations = new Map<keyof Events, readonly Registration[]>();
  readonly #hooks: EmitterHooks<Events, Origin>;

  constructor(hooks: EmitterHooks<Events, Origin>) {
    this.#hooks = hooks;
  }

  /** Adds a listener for `name`. */
  on<K extends keyof Events>(name: K, listener: Listener<Events[K], Origin>): this {
    return this.#add(name, { listener, once: false });
  }

  /** Adds a listener for `name` that is removed before its first call. */
  once<K extends keyof Events>(name: K, listener: Listener<Events[K], Origin>): this {
    return this.#add(name, { listener, once: true });
  }

  /** Removes the most recently added registration of `listener` for `name`. */
  off<K extends keyof Events>(name: K, listener: Listener<Events[K], Origin>): this {
    const registrations = this.#registrations.get(name) ?? [];
    const registration = registrations.findLast((candidate) => candidate.listener === listener);
    if (registration) this.#remove(name, registration);
    return this;
  }

  /** Whether anyone listens to `name`: the check that lets a frame skip JSON parsing. */
  has(name: keyof Events): boolean {
    return this.#registrations.has(name);
  }

  /** The names that have listeners. */
  names(): Array<keyof Events> {
    return [...this.#registrations.keys()];
  }

  /** The number of listeners for `name`, or for all names. */
  listenerCount(name?: keyof Events): number {
    if (name !== undefined) return this.#registrations.get(name)?.length ?? 0;
    let count = 0;
    for (const registrations of this.#registrations.values()) count += registrations.length;
    return count;
  }

  /** Calls the listeners of `name` in the order they were added. */
  // A fixed second argument rather than a rest parameter: spreading on every call costs on the hot path.
  emit<K extends keyof Events>(name: K, payload: Events[K], origin: Origin): void {
    const registrations = this.#registrations.get(name);
    if (registrations !== undefined) this.emitTo(name, registrations, payload, origin);
  }

  /**
   * The listeners of `name` as they are now, for `emitTo`. The list is replaced, never changed, when they
   * change, and `countChanged` says so: until then its owner may keep it and skip the lookup by name.
   */
  listeners(name: keyof Events): Listeners {
    return this.#registrations.get(name) ?? NO_LISTENERS;
  }

  /** `emit` with the listeners of `name` that `listeners` gave. */
  emitTo<K extends keyof Events>(name: K, listeners: Listeners, payload: Events[K], origin: Origin): void {
    for (let i = 0; i < listeners.length; i++) {
      const registration = listeners[i] as Registration;
      if (registration.once) this.#remove(name, registration);
      try {
        (registration.listener as Listener<Events[K], Origin>)(payload, origin);
      } catch (error) {
        this.#hooks.listenerError(name, error, origin);
      }
    }
  }

  #add(name: keyof Events, registration: Registration): this {
    this.#registrations.set(name, [...(this.#registrations.get(name) ?? []), registration]);
    this.#hooks.countChanged?.(name);
    return this;
  }

  #remove(name: keyof Events, registration: Registration): void {
    const remaining = (this.#registrations.get(name) ?? []).filter((candidate) => candidate !== registration);
    if (remaining.length === 0) this.#registrations.delete(name);
    else this.#registrations.set(name, remaining);
    this.#hooks.countChanged?.(name);
  }
}
