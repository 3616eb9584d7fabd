import type { ClientEventMap } from './client-events.js';
import { listenerFailure, rethrowLater } from './client-reporter.js';
import { GatewayClient, type GatewayClientOptions } from './client.js';
import { TypedEmitter, type Listener } from './emitter.js';
import { createRedactor } from './redact.js';
import { printUnheardError } from './unheard-error.js';

/** Which socket an event came from: `'user'`, or the team id of a team socket. */
export interface EventOrigin {
  readonly socket: string;
}

/** Options shared by every socket of a `GatewaySessions`; each team socket adds its `teamId`. */
export type GatewaySessionsOptions = Omit<GatewayClientOptions, 'teamId'>;

/**
 * The user socket plus one socket per team (spec/connection.yaml `teamId`; gateway-facts 2.5), each
 * with its own heartbeat and reconnects. Listeners get every event with the socket it came from, since
 * the sockets may deliver the same event twice.
 */
export class GatewaySessions {
  readonly #options: GatewayClientOptions;
  readonly #redact: (text: string) => string;
  readonly #user: GatewayClient;
  readonly #teams = new Map<string, GatewayClient>();
  readonly #emitter: TypedEmitter<ClientEventMap, EventOrigin>;
  // Each socket gets a forwarding listener only for the names someone listens to here, so that a
  // socket still skips parsing the events nobody wants.
  readonly #forwarders = new Map<GatewayClient, Map<keyof ClientEventMap, Listener<ClientEventMap[keyof ClientEventMap]>>>();
  readonly #origins = new Map<GatewayClient, EventOrigin>();

  constructor(options: GatewaySessionsOptions) {
    // One guildedClientId for all sockets, as one web client has.
    this.#options = { ...options, guildedClientId: options.guildedClientId ?? crypto.randomUUID() };
    this.#redact = createRedactor(options.cookie);
    this.#emitter = new TypedEmitter<ClientEventMap, EventOrigin>({
      listenerError: (name, error, origin) => this.#onListenerError(name, error, origin),
      countChanged: (name) => this.#syncForwarders(name),
    });
    this.#user = this.#adopt(new GatewayClient(this.#options), 'user');
  }

  /** The user socket. */
  get user(): GatewayClient {
    return this.#user;
  }

  /** The team sockets by team id. */
  get teams(): ReadonlyMap<string, GatewayClient> {
    return this.#teams;
  }

  /** Connects the user socket. */
  connect(): Promise<void> {
    return this.#user.connect();
  }

  /** Opens (or reconnects) the socket of a team and resolves with it once it is ready. */
  async openTeam(teamId: string): Promise<GatewayClient> {
    let team = this.#teams.get(teamId);
    if (team === undefined) {
      team = this.#adopt(new GatewayClient({ ...this.#options, teamId }), teamId);
      this.#teams.set(teamId, team);
    }
    await team.connect();
    return team;
  }

  /** Closes the socket of a team and forgets it. */
  async closeTeam(teamId: string): Promise<void> {
    const team = this.#teams.get(teamId);
    if (team === undefined) return;
    this.#teams.delete(teamId);
    this.#release(team);
    await team.close();
  }

  /** Closes every socket. */
  async close(): Promise<void> {
    await Promise.all([this.#user.close(), ...[...this.#teams.keys()].map((teamId) => this.closeTeam(teamId))]);
  }

  /** Adds a listener that receives the event from every socket, with the socket it came from. */
  on<K extends keyof ClientEventMap>(name: K, listener: Listener<ClientEventMap[K], EventOrigin>): this {
    this.#emitter.on(name, listener);
    return this;
  }

  /** Adds a listener that runs once, for the first socket that delivers the event. */
  once<K extends keyof ClientEventMap>(name: K, listener: Listener<ClientEventMap[K], EventOrigin>): this {
    this.#emitter.once(name, listener);
    return this;
  }

  /** Removes a listener. */
  off<K extends keyof ClientEventMap>(name: K, listener: Listener<ClientEventMap[K], EventOrigin>): this {
    this.#emitter.off(name, listener);
    return this;
  }

  /** The number of listeners for `name`, or for all events. */
  listenerCount(name?: keyof ClientEventMap): number {
    return this.#emitter.listenerCount(name);
  }

  #adopt(client: GatewayClient, socket: string): GatewayClient {
    this.#origins.set(client, Object.freeze({ socket }));
    this.#forwarders.set(client, new Map());
    for (const name of this.#emitter.names()) this.#attach(client, name);
    return client;
  }

  #release(client: GatewayClient): void {
    for (const [name, forwarder] of this.#forwarders.get(client) ?? []) client.off(name, forwarder);
    this.#forwarders.delete(client);
    this.#origins.delete(client);
  }

  #syncForwarders(name: keyof ClientEventMap): void {
    const wanted = this.#emitter.has(name);
    for (const [client, forwarders] of this.#forwarders) {
      const forwarder = forwarders.get(name);
      if (wanted && forwarder === undefined) this.#attach(client, name);
      if (!wanted && forwarder !== undefined) {
        client.off(name, forwarder);
        forwarders.delete(name);
      }
    }
  }

  #attach(client: GatewayClient, name: keyof ClientEventMap): void {
    const origin = this.#origins.get(client) as EventOrigin;
    const forwarder: Listener<ClientEventMap[typeof name]> = (payload) => this.#emitter.emit(name, payload, origin);
    this.#forwarders.get(client)?.set(name, forwarder);
    client.on(name, forwarder);
  }

  #onListenerError(name: keyof ClientEventMap, error: unknown, origin: EventOrigin): void {
    if (name === 'error') return rethrowLater(error);
    const { report, stack } = listenerFailure(name, error, this.#redact);
    if (this.#emitter.has('error')) this.#emitter.emit('error', report, origin);
    else printUnheardError(report, stack);
  }
}
