/**
 * One client of the replay: the Engine.IO 3 / socket.io 2 session a socket.io 2 server keeps
 * (spec/connection.yaml `hello`, `heartbeat`, `frames`), plus the replay of the schedule.
 */
import { randomBytes } from 'node:crypto';
import type { WebSocket } from 'ws';
import { EnginePacketType, SocketPacketType } from '../../generated/index.js';
import type { Schedule } from './schedule.js';

/** What a session reports to its server. */
export interface SessionHooks {
  /** The client sent a socket.io event (a command). */
  command(frame: string): void;
  /** Every frame of the schedule has been sent. */
  finished(): void;
  /** The connection closed; `reason` says who closed it and why. */
  closed(code: number, reason: string): void;
}

const DIGIT_0 = 48;
/**
 * Bytes waiting to reach a client past which it counts as not reading: the replay stops sending to it
 * and closes it, so that one stalled client holds no more of the server's memory and slows no other.
 */
export const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
const NO_STATUS = 1005;
const ABNORMAL_CLOSURE = 1006;

/** A connected client: greets it, answers its pings, drops it when it falls silent, and replays the schedule to it. */
export class ReplaySession {
  /** The Engine.IO session id sent in the hello. */
  readonly sid = randomBytes(15).toString('base64url');
  /** How many frames of the schedule have been sent. */
  sent = 0;
  readonly #socket: WebSocket;
  readonly #schedule: Schedule;
  readonly #hooks: SessionHooks;
  #replayTimer: ReturnType<typeof setTimeout> | undefined;
  #silenceTimer: ReturnType<typeof setTimeout> | undefined;
  #startedAt = 0;
  // Set when the server closes, so that the close event can say why; undefined means the client closed.
  #closeReason: string | undefined;

  constructor(socket: WebSocket, schedule: Schedule, hooks: SessionHooks) {
    this.#socket = socket;
    this.#schedule = schedule;
    this.#hooks = hooks;
  }

  /** Sends the hello and `40`, then starts the heartbeat deadline and the replay. */
  start(): void {
    const socket = this.#socket;
    socket.on('message', (data, isBinary) => {
      // The gateway is text-only, as is every client of it; a binary frame has nothing to say here.
      if (!isBinary) this.#onFrame(data.toString());
    });
    socket.on('close', (code) => {
      this.#clearTimers();
      this.#hooks.closed(code, this.#closeReason ?? clientClose(code));
    });
    // A reset link, garbage bytes or a frame over the size limit: the close event that follows says why.
    socket.on('error', (error) => {
      this.#closeReason ??= `the client broke the protocol: ${error.message}`;
    });
    const { pingInterval, pingTimeout } = this.#schedule;
    socket.send(`${EnginePacketType.Open}${JSON.stringify({ sid: this.sid, upgrades: [], pingInterval, pingTimeout })}`);
    socket.send(`${EnginePacketType.Message}${SocketPacketType.Connect}`);
    this.#armSilenceTimer();
    this.#startedAt = performance.now();
    this.#pump();
  }

  /** Drops the connection at once (no closing handshake): the server is stopping. */
  stop(reason: string): void {
    this.#clearTimers();
    this.#closeReason ??= reason;
    this.#socket.terminate();
  }

  #onFrame(frame: string): void {
    // Like engine.io 3, any packet proves the client alive, not only a ping.
    this.#armSilenceTimer();
    switch (frame.charCodeAt(0) - DIGIT_0) {
      case EnginePacketType.Ping:
        // The pong echoes the ping's data, so `2probe` gets `3probe`.
        return this.#socket.send(`${EnginePacketType.Pong}${frame.slice(1)}`);
      case EnginePacketType.Message:
        return this.#onMessage(frame);
      case EnginePacketType.Close:
        return this.#close('the client sent an engine.io close packet (1)');
      case EnginePacketType.Open:
      case EnginePacketType.Pong:
      case EnginePacketType.Upgrade:
      case EnginePacketType.Noop:
        return;
      default:
        // engine.io's parser turns a frame it cannot read into an error packet, and the server closes on it.
        return this.#close(`parse error: ${JSON.stringify(frame.slice(0, 40))} is not an engine.io packet`);
    }
  }

  #onMessage(frame: string): void {
    const type = frame.charCodeAt(1) - DIGIT_0;
    if (type === SocketPacketType.Event) return this.#hooks.command(frame);
    // The default namespace is joined by the handshake; any other is refused as socket.io 2 refuses an unknown one.
    if (type === SocketPacketType.Connect && frame.charCodeAt(2) === '/'.charCodeAt(0)) {
      const comma = frame.indexOf(',');
      const namespace = frame.slice(2, comma === -1 ? undefined : comma);
      this.#socket.send(`${EnginePacketType.Message}${SocketPacketType.Error}${namespace},"Invalid namespace"`);
    }
  }

  /** Sends every frame that is due, then sleeps until the next one; due times count from the `40`, so delays do not add up. */
  #pump = (): void => {
    this.#replayTimer = undefined;
    const { frames } = this.#schedule;
    const elapsed = performance.now() - this.#startedAt;
    while (this.sent < frames.length && frames[this.sent]!.delayMs <= elapsed) {
      if (this.#socket.bufferedAmount > MAX_BUFFERED_BYTES) return this.#waitForReader();
      this.#socket.send(frames[this.sent]!.data);
      this.sent++;
    }
    if (this.sent === frames.length) return this.#hooks.finished();
    this.#replayTimer = setTimeout(this.#pump, frames[this.sent]!.delayMs - elapsed);
  };

  /**
   * Past MAX_BUFFERED_BYTES, sends nothing more until what is waiting has gone out (a burst at `--speed
   * max` to a client that reads); a client that takes in none of it within pingTimeout is not reading.
   */
  #waitForReader(): void {
    const waiting = this.#socket.bufferedAmount;
    const { pingTimeout } = this.#schedule;
    this.#replayTimer = setTimeout(() => this.stop(`not reading: ${waiting} bytes waiting to be sent for ${pingTimeout} ms (the limit is ${MAX_BUFFERED_BYTES})`), pingTimeout);
    // A WebSocket ping's callback runs once everything queued before it has been written out; the client's pong is ignored.
    this.#socket.ping(undefined, undefined, () => {
      if (this.#replayTimer === undefined) return;
      clearTimeout(this.#replayTimer);
      this.#pump();
    });
  }

  #armSilenceTimer(): void {
    clearTimeout(this.#silenceTimer);
    const { pingInterval, pingTimeout } = this.#schedule;
    this.#silenceTimer = setTimeout(
      () => this.#close(`ping timeout: nothing from the client for ${pingInterval + pingTimeout} ms`),
      pingInterval + pingTimeout,
    );
  }

  /** Closes as engine.io 3 does: a close frame without a status code (the client sees 1005). */
  #close(reason: string): void {
    this.#clearTimers();
    this.#closeReason ??= reason;
    this.#socket.close();
  }

  #clearTimers(): void {
    clearTimeout(this.#replayTimer);
    clearTimeout(this.#silenceTimer);
    this.#replayTimer = undefined;
    this.#silenceTimer = undefined;
  }
}

/** Why a connection the server did not close ended, from its close code. */
function clientClose(code: number): string {
  // socket.io-client closes without a status code, which reads as 1005; 1006 means no close frame came at all.
  if (code === NO_STATUS) return 'closed by the client without a status code (1005)';
  if (code === ABNORMAL_CLOSURE) return 'the connection was lost (1006)';
  return `closed by the client with ${code}`;
}
