/**
 * What `infer` does with each record: it merges the payloads of events the spec does not know, and the values
 * of fields the spec does not know in events it does, as they stream past.
 */
import { commands } from '../../generated/index.js';
import { validateEvent } from '../../runtime/validation.js';
import type { CaptureRecord } from '../capture/record.js';
import type { Redactor } from '../capture/redact.js';
import { classify } from '../frames/classify.js';
import { generalize, valueAt } from '../frames/pointer.js';
import { Shape } from './merge.js';

/** Everything seen of one event name the spec lacks. */
export interface UnknownEvent {
  readonly name: string;
  samples: number;
  /** Samples whose payload was not an object (absent, a string ...): they cannot shape a payload schema. */
  notObjects: number;
  /** Object payloads whose `type` field held the event's name. */
  typeIsName: number;
  readonly shape: Shape;
  /** The first object payload, redacted. */
  example: unknown;
  readonly files: Set<string>;
}

/** One field the spec lacks in a known event. */
export interface NewField {
  /** Frames of the event that had it. */
  frames: number;
  readonly shape: Shape;
}

/** A known event with the fields the spec lacks. */
export interface KnownEvent {
  readonly name: string;
  /** All frames of the event, with new fields or not. */
  frames: number;
  /** By pointer, array indexes and id keys written `*`. */
  readonly fields: Map<string, NewField>;
  readonly files: Set<string>;
}

/** Gathers what infer proposes; see the module comment. */
export class Collector {
  readonly unknownEvents = new Map<string, UnknownEvent>();
  readonly knownEvents = new Map<string, KnownEvent>();
  /** Commands the spec lacks, by name: counted only, since commands live in spec/commands.yaml. */
  readonly unknownCommands = new Map<string, number>();
  readonly #redactor: Redactor;

  /** `redactor` cleans the example kept for each unknown event. */
  constructor(redactor: Redactor) {
    this.#redactor = redactor;
  }

  /** Studies one record's frame. */
  study(record: CaptureRecord): void {
    const frame = classify(record.data, record.direction);
    if (frame.kind === 'command') {
      if (!commands[frame.name]) this.unknownCommands.set(frame.name, (this.unknownCommands.get(frame.name) ?? 0) + 1);
      return;
    }
    if (frame.kind !== 'event') return;
    const result = validateEvent(frame.name, frame.payload);
    if (result.known) this.#known(frame.name, frame.payload, result.unknownFields, record.file);
    else this.#unknown(frame.name, frame.payload, record.file);
  }

  #unknown(name: string, payload: unknown, file: string): void {
    let event = this.unknownEvents.get(name);
    if (!event) {
      event = { name, samples: 0, notObjects: 0, typeIsName: 0, shape: new Shape(), example: undefined, files: new Set() };
      this.unknownEvents.set(name, event);
    }
    event.samples++;
    event.files.add(file);
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
      event.notObjects++;
      return;
    }
    if ((payload as Record<string, unknown>)['type'] === name) event.typeIsName++;
    event.shape.add(payload);
    event.example ??= this.#redact(payload);
  }

  #known(name: string, payload: unknown, unknownFields: readonly string[], file: string): void {
    let event = this.knownEvents.get(name);
    if (!event) this.knownEvents.set(name, (event = { name, frames: 0, fields: new Map(), files: new Set() }));
    event.frames++;
    if (unknownFields.length === 0) return;
    event.files.add(file);
    const counted = new Set<string>();
    for (const pointer of unknownFields) {
      const general = generalize(pointer);
      let field = event.fields.get(general);
      if (!field) event.fields.set(general, (field = { frames: 0, shape: new Shape() }));
      // Every element's value shapes the field; the frame counts once.
      field.shape.add(valueAt(payload, pointer));
      if (!counted.has(general)) {
        counted.add(general);
        field.frames++;
      }
    }
  }

  #redact(value: unknown): unknown {
    if (typeof value === 'string') return this.#redactor.text(value);
    if (Array.isArray(value)) return value.map((item) => this.#redact(item));
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.#redact(item)]));
    }
    return value;
  }
}
