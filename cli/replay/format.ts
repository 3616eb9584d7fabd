/** How the replay and the demo write times and server events for people. */
import type { ReplayEvent } from './server.js';

const FRAME_PREVIEW = 100;

/** `850 ms`, `12.3 s`, `1:47.9`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(1))} s`;
  return formatClock(ms);
}

/** A session clock, `m:ss.s`: `0:04.2`, `1:47.9`. */
export function formatClock(ms: number): string {
  const tenths = Math.round(ms / 100);
  const minutes = Math.floor(tenths / 600);
  const seconds = (tenths % 600) / 10;
  return `${minutes}:${seconds.toFixed(1).padStart(4, '0')}`;
}

/** One log line for a server event. */
export function describeReplayEvent(event: ReplayEvent, total: number): string {
  switch (event.kind) {
    case 'connect':
      return `client ${event.client} connected to ${event.path} (sid ${event.sid})`;
    case 'command':
      return `client ${event.client} sent ${preview(event.frame)}`;
    case 'finished':
      return `client ${event.client} has had the whole capture (${event.frames} events); the connection stays open`;
    case 'disconnect':
      return `client ${event.client} disconnected: ${event.reason}, after ${event.sent} of ${total} events`;
    case 'refused':
      return `refused ${event.method} ${preview(event.target)}: ${event.refusal.status} ${event.refusal.message} (${event.refusal.why})`;
  }
}

function preview(text: string): string {
  return text.length > FRAME_PREVIEW ? `${text.slice(0, FRAME_PREVIEW)}…` : text;
}
