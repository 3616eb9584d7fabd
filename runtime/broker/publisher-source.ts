import { GatewayClient } from '../client.js';
import type { EventOrigin, GatewaySessions } from '../sessions.js';

/** What the publisher needs of the sockets it publishes: their frames, and a socket to send a command on. */
export interface PublisherSource {
  /** Starts taking every frame with its socket (`user` or a team id); returns what stops it. */
  attach(onFrame: (frame: string, socket: string) => void): () => void;
  /** The socket named `user` or by its team id; undefined when there is none. */
  socket(name: string): GatewayClient | undefined;
}

/** A `GatewayClient` (one socket) or a `GatewaySessions` (the user socket and the team sockets) as a source. */
export function publisherSource(source: GatewayClient | GatewaySessions): PublisherSource {
  if (source instanceof GatewayClient) {
    const own = source.teamId ?? 'user';
    return {
      attach(onFrame) {
        const listener = (frame: string): void => onFrame(frame, own);
        source.on('frame', listener);
        return () => source.off('frame', listener);
      },
      socket: (name) => (name === own ? source : undefined),
    };
  }
  return {
    attach(onFrame) {
      const listener = (frame: string, origin: EventOrigin): void => onFrame(frame, origin.socket);
      source.on('frame', listener);
      return () => source.off('frame', listener);
    },
    socket: (name) => (name === 'user' ? source.user : source.teams.get(name)),
  };
}
