/**
 * guilded-gateway: Guilded's user-account gateway, typed and validated from the spec.
 * Everything a bot author or a protocol researcher imports comes from here.
 */
export * from '../generated/index.js';
export { GatewayClient, type GatewayClientOptions, type ClientStatus, type ValidationMode, type CommandArgs, type EventIteratorOptions } from './client.js';
export type { ClientEvent, ClientEventMap, InvalidPayload, LifecycleEventMap, UnknownEvent, UnknownFields } from './client-events.js';
export { GatewaySessions, type EventOrigin, type GatewaySessionsOptions } from './sessions.js';
export { GatewayError, type Consequence, type GatewayErrorCode, type GatewayErrorDetails } from './errors.js';
export type { ReconnectOptions } from './reconnect.js';
export type { WebSocketConstructor, WebSocketFactory, WebSocketLike } from './websocket.js';
export { decodeEventArgs, decodeFrame, encodeAck, encodeEvent, encodePing, encodePong, type DecodeError, type EventArgs, type EventHead, type Packet } from './codec.js';
export { describeErrors, validateCommand, validateEvent, type PayloadError, type ValidationResult } from './validation.js';
