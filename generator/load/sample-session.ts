import type { Diagnostics } from './diagnostics.js';
import type { CommandSpec, EventSpec } from './model.js';
import type { SpecPath, YamlFile } from './yaml-file.js';

/** spec/sample-session.yaml as written (its meta-schema is sampleSessionFileSchema). */
export interface SampleSessionData {
  unknown: { event: string; field: string };
  heartbeatUntil: number;
  typing: { example: string; every: number };
  people: Record<string, { user: string; client: string }>;
  channels: Record<string, { example: string } & Record<string, unknown>>;
  steps: SessionStep[];
}

export type Fields = Record<string, unknown>;

/** One step of the story; which keys it has says what kind it is. */
export interface SessionStep {
  at?: number;
  from?: number;
  to?: number;
  example?: string;
  event?: string;
  start?: Fields;
  say?: unknown;
  id?: string;
  system?: string;
  command?: string;
  typing?: string;
  by?: string;
  in?: string;
  client?: string;
  channel?: string;
  name?: string;
  set?: Fields;
  unset?: string[];
}

export interface SampleSession {
  readonly file: YamlFile;
  readonly data: SampleSessionData;
}

/** An example named as `Event#index`, with an optional `/path` into it. */
const EXAMPLE_REF = /^([^#\s]+)#(\d+)((?:\/[^/]+)*)$/;

/** What the examples a session can draw on: events and commands by name. */
export interface ExampleSource {
  readonly events: readonly EventSpec[];
  readonly commands: readonly CommandSpec[];
}

/** The part of an example that `ref` names, or why there is none, in words for a spec author. */
export function exampleAt(spec: ExampleSource, ref: string): { value: unknown } | { problem: string } {
  const match = EXAMPLE_REF.exec(ref);
  if (!match) return { problem: `${JSON.stringify(ref)} is not an example reference: write Event#index, such as ChatMessageCreated#0` };
  const [, name, index, path] = match as unknown as [string, string, string, string];
  const event = spec.events.find((candidate) => candidate.name === name);
  if (!event) return { problem: `no event ${name} in the spec` };
  const counted = event.examples.length === 1 ? '1 example' : `${event.examples.length} examples`;
  if (Number(index) >= event.examples.length) return { problem: `event ${name} has no example ${index} (it has ${counted}, counted from 0)` };
  let value: unknown = event.examples[Number(index)];
  for (const segment of path.split('/').slice(1)) {
    const key = Array.isArray(value) ? Number(segment) : segment;
    if (typeof value !== 'object' || value === null || !(key in value)) return { problem: `example ${name}#${index} has nothing at ${path}` };
    value = (value as Record<string | number, unknown>)[key];
  }
  return { value: structuredClone(value) };
}

/** A `$word argument` value: a reference filled in when the capture is written. */
export function fillIn(value: unknown): { word: string; argument: string } | undefined {
  if (typeof value !== 'string' || !value.startsWith('$')) return undefined;
  const space = value.indexOf(' ');
  return space < 0 ? { word: value.slice(1), argument: '' } : { word: value.slice(1, space), argument: value.slice(space + 1) };
}

const WORDS = ['time', 'example', 'id', 'message', 'user', 'client', 'uuid', 'text', 'query'];

/**
 * Reports every reference of the session that the spec cannot fill: a missing event, command or
 * example, an unknown person, channel or message name, or a `$word` this file does not define.
 */
export function checkSampleSession(session: SampleSession, spec: ExampleSource, diagnostics: Diagnostics): void {
  const { file, data } = session;
  const report = (path: SpecPath, message: string) => file.report(diagnostics, path, message);
  const named = new Set<string>();
  const checkExample = (path: SpecPath, ref: string) => {
    const found = exampleAt(spec, ref);
    if ('problem' in found) report(path, found.problem);
  };
  const checkValue = (path: SpecPath, value: unknown): void => {
    if (Array.isArray(value)) return value.forEach((item, index) => checkValue([...path, index], item));
    if (typeof value === 'object' && value !== null) return Object.entries(value).forEach(([key, item]) => checkValue([...path, key], item));
    const ref = fillIn(value);
    if (!ref) return;
    if (!WORDS.includes(ref.word)) report(path, `$${ref.word} is not a value this file fills in; the top of the file lists them`);
    else if (ref.word === 'example') checkExample(path, ref.argument);
    else if ((ref.word === 'user' || ref.word === 'client') && !(ref.argument in data.people)) report(path, `no person ${ref.argument} under people`);
    else if ((ref.word === 'id' || ref.word === 'message') && !named.has(ref.argument)) report(path, `no earlier message step is named ${ref.argument}`);
  };
  const checkName = (path: SpecPath, name: string | undefined, names: object, what: string) => {
    if (name !== undefined && !(name in names)) report(path, `no ${what} ${name} under ${what === 'person' ? 'people' : 'channels'}`);
  };

  checkExample(['typing', 'example'], data.typing.example);
  for (const [name, person] of Object.entries(data.people)) checkValue(['people', name], person);
  for (const [name, channel] of Object.entries(data.channels)) {
    checkExample(['channels', name, 'example'], channel.example);
    checkValue(['channels', name], channel);
  }
  data.steps.forEach((step, index) => {
    const at = (key: string): SpecPath => ['steps', index, key];
    if (step.example !== undefined) checkExample(at('example'), step.example);
    if (step.command !== undefined) {
      const command = spec.commands.find((candidate) => candidate.name === step.command);
      if (!command) report(at('command'), `no command ${step.command} in the spec`);
      else if (command.examples.length === 0) report(at('command'), `command ${step.command} has no example to send`);
    }
    if (step.event !== undefined && spec.events.some((event) => event.name === step.event)) {
      report(at('event'), `event ${step.event} is in the spec: draw it from one of its examples instead`);
    }
    checkName(at('by'), step.by, data.people, 'person');
    checkName(at('typing'), step.typing, data.people, 'person');
    checkName(at('client'), step.client, data.people, 'person');
    checkName(at('in'), step.in, data.channels, 'channel');
    checkName(at('channel'), step.channel, data.channels, 'channel');
    for (const key of ['say', 'id', 'start', 'set'] as const) checkValue(at(key), step[key]);
    if (step.name !== undefined) named.add(step.name);
  });
}
