import type { PayloadError } from '../validation.js';

/** What the publisher found checking a payload against the spec. */
export type EntryValidation = 'valid' | 'invalid' | 'unknown';

/** One gateway event as it lies in a partition stream. */
export interface EventEntry {
  readonly kind: 'event';
  /** Stable across redeliveries and republishing: `<publisher run>:<sequence>`. */
  readonly id: string;
  /** The canonical name for a spec event, the wire name for one the spec lacks. */
  readonly name: string;
  /** `user`, or the team id of a team socket. */
  readonly socket: string;
  /** The payload's JSON text as the gateway sent it. */
  readonly payload: string;
  /** When the publisher received the frame, in milliseconds since the epoch. */
  readonly receivedAt: number;
  readonly validation: EntryValidation;
  readonly errors: readonly PayloadError[];
}

/** Events the publisher could not keep while Redis was away, in the place where they are missing. */
export interface GapEntry {
  readonly kind: 'gap';
  readonly id: string;
  /** How many events of this partition were dropped here. */
  readonly dropped: number;
}

export type StreamEntry = EventEntry | GapEntry;

/**
 * The field list XADD takes for an entry. An event leaves out what is usual (its kind, `valid`, no
 * errors): every field costs on both sides of Redis, for every event.
 */
export function entryFields(entry: StreamEntry): string[] {
  if (entry.kind === 'gap') return ['kind', 'gap', 'id', entry.id, 'dropped', String(entry.dropped)];
  const fields = ['id', entry.id, 'name', entry.name, 'socket', entry.socket, 'payload', entry.payload, 'receivedAt', String(entry.receivedAt)];
  if (entry.validation !== 'valid') fields.push('validation', entry.validation);
  if (entry.errors.length > 0) fields.push('errors', JSON.stringify(entry.errors));
  return fields;
}

/** Reads the fields of a stream entry as Redis returns them (a flat list); undefined for a foreign entry. */
export function readEntry(fields: readonly string[]): StreamEntry | undefined {
  let kind = 'event';
  let id: string | undefined;
  let name: string | undefined;
  let socket = 'user';
  let payload: string | undefined;
  let receivedAt = 0;
  let validation: EntryValidation = 'valid';
  let errors: readonly PayloadError[] = [];
  let dropped = 0;
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const value = fields[i + 1] as string;
    switch (fields[i]) {
      case 'kind': kind = value; break;
      case 'id': id = value; break;
      case 'name': name = value; break;
      case 'socket': socket = value; break;
      case 'payload': payload = value; break;
      case 'receivedAt': receivedAt = Number(value); break;
      case 'validation': validation = value === 'invalid' || value === 'unknown' ? value : 'valid'; break;
      case 'errors': errors = JSON.parse(value) as PayloadError[]; break;
      case 'dropped': dropped = Number(value); break;
    }
  }
  if (id === undefined) return undefined;
  if (kind === 'gap') return { kind: 'gap', id, dropped };
  if (name === undefined || payload === undefined) return undefined;
  return { kind: 'event', id, name, socket, payload, receivedAt, validation, errors };
}
