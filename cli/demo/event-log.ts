/**
 * The demo's running log: one line per event with the session time, the name and a summary, what the spec
 * does not know flagged with `<<`, and the counts for the closing line.
 */
import type { ClientEvent } from '../../runtime/client-events.js';
import type { GatewayError } from '../../runtime/errors.js';
import { validateEvent } from '../../runtime/validation.js';
import { formatClock } from '../replay/format.js';
import { summarize } from './summary.js';

const FIELDS_PREVIEW = 90;

/** Prints events as they arrive and counts them by kind. */
export class EventLog {
  // `dropped` counts frames the client could not read; `invalid` payloads are delivered anyway under warn.
  readonly #counts = { typed: 0, withUnknownFields: 0, unknown: 0, invalid: 0, dropped: 0 };
  readonly #write: (line: string) => void;
  readonly #speed: number;
  readonly #width: number;
  #openedAt = 0;

  /** `speed` turns real time into session time; `width` fits the longest event name. */
  constructor(write: (line: string) => void, speed: number, width: number) {
    this.#write = write;
    this.#speed = speed;
    this.#width = width;
  }

  /** The connection is ready: session time starts now, under a column header. */
  opened(): void {
    this.#openedAt = performance.now();
    this.#write('');
    this.#write(`  ${'time'.padStart(6)}  ${'event'.padEnd(this.#width)}  summary`);
  }

  /** One line for an event the client delivered. */
  event(event: ClientEvent): void {
    if (event.name === 'unknownEvent') {
      this.#counts.unknown++;
      const { payload } = event.payload;
      const keys = typeof payload === 'object' && payload !== null ? Object.keys(payload).filter((key) => key !== 'type') : [];
      return this.#row(event.payload.name, `<< UNKNOWN EVENT, not in the spec; its fields: ${preview(keys.join(', ') || '(none)')}`);
    }
    if (event.name === 'invalidPayload') {
      this.#counts.invalid++;
      const errors = event.payload.errors.map((error) => `${error.pointer || '(payload)'} ${error.message}`).join('; ');
      return this.#row(event.payload.name, `<< INVALID PAYLOAD (delivered anyway: validation is warn): ${errors}`);
    }
    this.#counts.typed++;
    // Unknown fields are not errors, so the client reports them to nobody; the demo shows them.
    const { unknownFields } = validateEvent(event.name, event.payload);
    if (unknownFields.length > 0) this.#counts.withUnknownFields++;
    const flag = unknownFields.length > 0 ? `  << UNKNOWN FIELD ${unknownFields.join(', ')}` : '';
    this.#row(event.name, `${summarize(event)}${flag}`);
  }

  /** One line for an error the client reported; an unreadable frame counts as dropped. */
  error(error: GatewayError): void {
    if (error.code === 'INVALID_FRAME') this.#counts.dropped++;
    this.#write(`  ${this.#clock()}  ${error.code}: ${error.message}`);
  }

  /** The closing count. */
  summary(received: number, expected: number, elapsed: string): string {
    const { typed, withUnknownFields, unknown, invalid, dropped } = this.#counts;
    return (
      `${received} of ${expected} events in ${elapsed}: ${typed} typed (${withUnknownFields} with unknown fields), ` +
      `${unknown} unknown, ${invalid} invalid, ${dropped} unreadable`
    );
  }

  #row(name: string, text: string): void {
    this.#write(`  ${this.#clock()}  ${name.padEnd(this.#width)}  ${text}`);
  }

  /** Real time since the connection opened, scaled back to the session's own pace. */
  #clock(): string {
    return formatClock((performance.now() - this.#openedAt) * this.#speed).padStart(6);
  }
}

function preview(text: string): string {
  return text.length > FIELDS_PREVIEW ? `${text.slice(0, FIELDS_PREVIEW)}…` : text;
}
