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

/** The field list XADD takes for an entry. */
export function entryFields(entry: StreamEntry): string[] {
  if (entry.kind === 'gap') return ['kind', 'gap', 'id', entry.id, 'dropped', String(entry.dropped)];
  const fields = ['kind', 'event', 'id', entry.id, 'name', entry.name, 'socket', entry.socket, 'payload', entry.payload];
  fields.push('receivedAt', String(entry.receivedAt), 'validation', entry.validation);
  if (entry.errors.length > 0) fields.push('errors', JSON.stringify(entry.errors));
  return fields;
}

/** Reads the fields of a stream entry as Redis returns them (a flat list); undefined for a foreign entry. */
export function readEntry(fields: readonly string[]): StreamEntry | undefined {
  const values = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) values.set(fields[i] as string, fields[i + 1] as string);
  const id = values.get('id');
  if (id === undefined) return undefined;
  if (values.get('kind') === 'gap') return { kind: 'gap', id, dropped: Number(values.get('dropped') ?? 0) };
  const name = values.get('name');
  const payload = values.get('payload');
  if (name === undefined || payload === undefined) return undefined;
  const validation = values.get('validation');
  return {
    kind: 'event',
    id,
    name,
    socket: values.get('socket') ?? 'user',
    payload,
    receivedAt: Number(values.get('receivedAt') ?? 0),
    validation: validation === 'invalid' || validation === 'unknown' ? validation : 'valid',
    errors: values.has('errors') ? (JSON.parse(values.get('errors') as string) as PayloadError[]) : [],
  };
}
