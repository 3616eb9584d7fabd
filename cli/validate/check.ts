/**
 * Checks every frame against the spec and keeps the counts and the first failures: enough for a
 * readable report of a capture of any size, in memory that does not grow with it.
 */
import { commands, events, type ValidationError } from '../../generated/index.js';
import { validateHello } from '../../generated/validators.js';
import { reportErrors, runValidator, validateCommand, validateEvent, type ValidationResult, type ValidatorPair } from '../../runtime/validation.js';
import { locate, type CaptureRecord, type Location } from '../capture/record.js';
import type { Redactor } from '../capture/redact.js';
import { classify, type PacketName } from '../frames/classify.js';
import { generalize, valueAt } from '../frames/pointer.js';

const HELLO: ValidatorPair = { validate: validateHello, validatorName: 'validateHello' };

// Failing frames kept per name; the rest are counted.
const MAX_FAILURES_SHOWN = 20;
const MAX_ERRORS_PER_FAILURE = 10;
const MAX_INVALID_FRAMES_SHOWN = 50;
// Distinct names and unknown-field pointers kept; beyond them a capture of garbage would grow memory.
const MAX_UNKNOWN_NAMES = 500;
const MAX_UNKNOWN_FIELDS_PER_NAME = 200;
const FOUND_LENGTH = 80;
const SAMPLE_LENGTH = 200;

/** One mismatch inside a failing payload. */
export interface Mismatch {
  /** JSON pointer into the payload; empty for the payload itself. */
  readonly pointer: string;
  /** What the spec wants there, in words: `string`, `a uuid`, `one of "Team", "DM"`. */
  readonly expected: string;
  /** The value found there, as JSON, redacted and shortened; `(missing)` when absent. */
  readonly found: string;
}

/** A frame whose payload does not match the spec. */
export interface PayloadFailure {
  readonly at: Location;
  readonly errors: readonly Mismatch[];
  /** Errors of this frame left out of `errors`. */
  readonly moreErrors: number;
}

/** The counts for one event, command or the hello. */
export interface NameTally {
  readonly kind: 'event' | 'command' | 'hello';
  readonly name: string;
  valid: number;
  invalid: number;
  withUnknownFields: number;
  readonly failures: PayloadFailure[];
  failuresNotShown: number;
  /** Unknown-field pointers, array indexes and id keys written `*`, with the number of frames that had each. */
  readonly unknownFields: Map<string, number>;
  otherUnknownFields: number;
}

/** A name the spec does not know, with one frame that carried it. */
export interface UnknownName {
  readonly kind: 'event' | 'command';
  readonly name: string;
  count: number;
  readonly sample: { readonly at: Location; readonly frame: string };
}

/** A frame that is not valid Engine.IO / socket.io. */
export interface InvalidFrame {
  readonly at: Location;
  readonly reason: string;
}

/** Validates the records of a capture; its fields are the raw material of the report. */
export class Checker {
  frames = 0;
  readonly packets = new Map<PacketName, number>();
  readonly events = new Map<string, NameTally>();
  readonly commands = new Map<string, NameTally>();
  readonly hello = newTally('hello', 'hello');
  readonly unknown = new Map<string, UnknownName>();
  /** Frames of names beyond MAX_UNKNOWN_NAMES distinct ones. */
  unknownNotShown = 0;
  invalidFrames = 0;
  readonly invalidShown: InvalidFrame[] = [];
  readonly #redactor: Redactor;

  /** `redactor` cleans every text kept from a frame. */
  constructor(redactor: Redactor) {
    this.#redactor = redactor;
  }

  /** Checks one record's frame. */
  check(record: CaptureRecord): void {
    this.frames++;
    const judged = judge(record);
    switch (judged.kind) {
      case 'packet':
        this.#countPacket(judged.packet, 1);
        return;
      case 'invalid':
        this.#invalid(judged.reason, record);
        return;
      case 'hello':
        this.#count(this.hello, judged.result, HELLO.validatorName, judged.payload, record);
        return;
      case 'event':
        if (judged.result.known) this.#count(tallyOf(this.events, 'event', judged.name), judged.result, events[judged.name]!.validatorName, judged.payload, record);
        else this.#unknown('event', judged.name, record.data as string, record);
        return;
      case 'command':
        if (judged.result.known) this.#count(tallyOf(this.commands, 'command', judged.name), judged.result, commands[judged.name]!.validatorName, judged.payload, record);
        else this.#unknown('command', judged.name, record.data as string, record);
    }
  }

  /** Adds frames that were judged elsewhere and leave nothing to keep but a count: see `countedAs`. */
  addCounted(counts: ReadonlyArray<readonly [key: string, frames: number]>): void {
    for (const [key, frames] of counts) {
      this.frames += frames;
      const space = key.indexOf(' ');
      const kind = space === -1 ? key : key.slice(0, space);
      const name = key.slice(space + 1);
      if (kind === 'packet') this.#countPacket(name as PacketName, frames);
      else if (kind === 'hello') this.hello.valid += frames;
      else if (kind === 'event') tallyOf(this.events, 'event', name).valid += frames;
      else tallyOf(this.commands, 'command', name).valid += frames;
    }
  }

  #countPacket(packet: PacketName, frames: number): void {
    this.packets.set(packet, (this.packets.get(packet) ?? 0) + frames);
  }

  #count(tally: NameTally, result: ValidationResult, validatorName: string, payload: unknown, record: CaptureRecord): void {
    if (result.ok) tally.valid++;
    else tally.invalid++;
    if (result.unknownFields.length > 0) {
      tally.withUnknownFields++;
      // A pointer counts once per frame, however many array elements carry it.
      for (const pointer of new Set(result.unknownFields.map(generalize))) {
        const count = tally.unknownFields.get(pointer);
        if (count !== undefined) tally.unknownFields.set(pointer, count + 1);
        else if (tally.unknownFields.size < MAX_UNKNOWN_FIELDS_PER_NAME) tally.unknownFields.set(pointer, 1);
        else tally.otherUnknownFields++;
      }
    }
    if (result.ok) return;
    if (tally.failures.length >= MAX_FAILURES_SHOWN) {
      tally.failuresNotShown++;
      return;
    }
    const raw = reportErrors(validatorName, payload);
    tally.failures.push({
      at: locate(record),
      errors: result.errors.slice(0, MAX_ERRORS_PER_FAILURE).map((error) => ({
        pointer: error.pointer,
        expected: expectation(error.message, error.pointer, raw),
        found: this.#preview(valueAt(payload, error.pointer), FOUND_LENGTH),
      })),
      moreErrors: Math.max(0, result.errors.length - MAX_ERRORS_PER_FAILURE),
    });
  }

  #unknown(kind: 'event' | 'command', name: string, frame: string, record: CaptureRecord): void {
    const key = `${kind} ${name}`;
    const known = this.unknown.get(key);
    if (known) known.count++;
    else if (this.unknown.size >= MAX_UNKNOWN_NAMES) this.unknownNotShown++;
    else this.unknown.set(key, { kind, name, count: 1, sample: { at: locate(record), frame: this.#shorten(frame, SAMPLE_LENGTH) } });
  }

  #invalid(reason: string, record: CaptureRecord): void {
    this.invalidFrames++;
    if (this.invalidShown.length < MAX_INVALID_FRAMES_SHOWN) this.invalidShown.push({ at: locate(record), reason: this.#redactor.text(reason) });
  }

  #preview(value: unknown, length: number): string {
    return value === undefined ? '(missing)' : this.#shorten(JSON.stringify(value), length);
  }

  // Redacted before shortening, so that a secret cut in two still matches.
  #shorten(text: string, length: number): string {
    const redacted = this.#redactor.text(text);
    return redacted.length > length ? `${redacted.slice(0, length - 1)}…` : redacted;
  }
}

/** What a frame is and what validating it found: the per-frame work, which keeps nothing and can run on any thread. */
export type Judgement =
  | { readonly kind: 'packet'; readonly packet: PacketName }
  | { readonly kind: 'invalid'; readonly reason: string }
  | { readonly kind: 'hello'; readonly result: ValidationResult; readonly payload: unknown }
  | { readonly kind: 'event' | 'command'; readonly name: string; readonly result: ValidationResult; readonly payload: unknown };

/** Classifies a record's frame and validates its payload. */
export function judge(record: CaptureRecord): Judgement {
  const frame = classify(record.data, record.direction);
  switch (frame.kind) {
    case 'packet':
    case 'invalid':
      return frame;
    case 'hello':
      return { kind: 'hello', result: runValidator(HELLO, frame.payload), payload: frame.payload };
    case 'event':
      return { kind: 'event', name: frame.name, result: validateEvent(frame.name, frame.payload), payload: frame.payload };
    case 'command':
      return { kind: 'command', name: frame.name, result: validateCommand(frame.name, frame.payload), payload: frame.payload };
  }
}

/**
 * The key under which Checker.addCounted counts a judged frame, `packet ping` or `event ChatMessageCreated`,
 * when the frame leaves nothing to keep: a packet, or a known payload that is valid without unknown fields.
 * Undefined when the frame must go through Checker.check, in the order of the file.
 */
export function countedAs(judged: Judgement): string | undefined {
  if (judged.kind === 'packet') return `packet ${judged.packet}`;
  if (judged.kind === 'invalid') return undefined;
  const { result } = judged;
  if (!result.known || !result.ok || result.unknownFields.length > 0) return undefined;
  return judged.kind === 'hello' ? 'hello' : `${judged.kind} ${judged.name}`;
}

function newTally(kind: NameTally['kind'], name: string): NameTally {
  return { kind, name, valid: 0, invalid: 0, withUnknownFields: 0, failures: [], failuresNotShown: 0, unknownFields: new Map(), otherUnknownFields: 0 };
}

function tallyOf(tallies: Map<string, NameTally>, kind: 'event' | 'command', name: string): NameTally {
  let tally = tallies.get(name);
  if (!tally) tallies.set(name, (tally = newTally(kind, name)));
  return tally;
}

/** ajv's message as what the spec expects, with the allowed values spelled out. */
function expectation(message: string, pointer: string, raw: readonly ValidationError[]): string {
  if (message === 'is required but missing') return 'a value (required)';
  // The spec's formats already read "must be a uuid" (describeErrors, from STRING_FORMATS); any other pattern is shown.
  const pattern = /^must match pattern "(.*)"$/.exec(message)?.[1];
  if (pattern !== undefined) return `text matching /${pattern}/`;
  const error = raw.find((candidate) => candidate.instancePath === pointer && (candidate.keyword === 'enum' || candidate.keyword === 'const'));
  if (error?.keyword === 'enum') return `one of ${(error.params['allowedValues'] as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`;
  if (error?.keyword === 'const') return JSON.stringify(error.params['allowedValue']);
  return message.startsWith('must be ') ? message.slice('must be '.length).replace(/,/g, ' or ') : message;
}
