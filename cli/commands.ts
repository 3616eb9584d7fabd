/**
 * What each command accepts and what its `--help` says. This module imports nothing, so that help
 * and usage mistakes are answered without loading a command or its dependencies.
 */
import type { CommandSpec } from './arguments.js';

/** Every command by name, in the order `guilded-gateway --help` lists them. */
export const COMMANDS = {
  generate: {
    summary: 'turn spec/ into generated/ (spec authors, in a checkout of the repository)',
    usage: 'guilded-gateway generate [--check | --watch | --record-release] [--spec DIR] [--out DIR]',
    about: [
      'Reads the YAML spec and writes what is generated from it: types, validators, the dispatcher',
      'table, docs, the AsyncAPI document and the schema bundle. A broken spec writes nothing and',
      'prints every problem with its place. generated/CHANGES.md lists what changed since the release',
      'copied in spec/released/ (see diff). The installed package leaves the generator out: run it',
      'in a checkout of the repository (npm ci, then npm run generate).',
    ].join('\n'),
    options: {
      check: { type: 'boolean', default: false, help: 'compare with --out instead of writing; exit 1 naming each stale file, with a diff' },
      watch: { type: 'boolean', default: false, help: 'regenerate on every save under --spec, print what changed; Ctrl+C stops' },
      'record-release': { type: 'boolean', default: false, help: "copy the spec into spec/released/<package.json version>/ (at a release), then generate" },
      spec: { type: 'string', default: 'spec', value: 'DIR', help: 'the spec folder (default: spec)' },
      out: { type: 'string', default: 'generated', value: 'DIR', help: 'the folder to write (default: generated)' },
    },
    positionals: false,
  },
  diff: {
    summary: 'what changed between two specs, breaking or not, and the release it needs (spec authors, in a checkout)',
    usage: 'guilded-gateway diff [<old>] [<new>] [--json | --markdown] [--fail-on breaking|any|never] [--spec DIR]',
    about: [
      'Compares two specs and lists every change with its place (event or command, JSON pointer into',
      'the payload, file:line:col) and the rule that classified it. Events are read by bots, so widening',
      'a type or removing a field breaks them; commands are sent by bots, so a new required field does.',
      'Connection changes are listed on their own, descriptions and examples as annotations. It ends',
      'with the release step the package needs (major, minor, patch).',
      '<old> and <new> are spec folders or git revisions (main, v0.1.0, HEAD~3); <new> defaults to --spec',
      '(the working tree), <old> to the released copy in spec/released/. A repository command, like',
      'generate: the installed package leaves it out. Exit codes: 0 nothing to fail on, 1 something to',
      'fail on under --fail-on (or a spec with problems), 2 a wrong command line or revision.',
    ].join('\n'),
    options: {
      json: { type: 'boolean', default: false, help: 'print the changes as one JSON document' },
      markdown: { type: 'boolean', default: false, help: 'print Markdown tables, for a pull request comment' },
      'fail-on': { type: 'string', default: 'breaking', value: 'WHAT', help: 'breaking (default): exit 1 on a breaking change; any: on any change; never' },
      spec: { type: 'string', default: 'spec', value: 'DIR', help: 'the working tree\'s spec folder (default: spec)' },
    },
    positionals: true,
  },
  validate: {
    summary: 'check captured traffic against the spec',
    usage: 'guilded-gateway validate <files or folders...> [--json] [--fail-on invalid|unknown|never] [--jobs N]',
    about: [
      'Checks recorded gateway traffic against the spec: frames the server sent against the events,',
      'frames the client sent against the commands, the hello against its schema. Reads HAR files,',
      'JSON lines and frame text, told apart by their first bytes; folders are read recursively.',
      'Exit codes: 0 nothing to fail on, 1 something to fail on under --fail-on, 2 a wrong command line.',
    ].join('\n'),
    options: {
      json: { type: 'boolean', default: false, help: 'print the report as one JSON document' },
      'fail-on': {
        type: 'string',
        default: 'invalid',
        value: 'WHAT',
        help: 'invalid (default): exit 1 on anything invalid; unknown: on anything invalid or unknown; never',
      },
      jobs: {
        type: 'string',
        value: 'N',
        help: 'threads that check JSON lines and frame text of 48 MB or more (default: the number of cores); 1: the main thread only. HAR files are read on one',
      },
    },
    positionals: true,
  },
  infer: {
    summary: 'propose spec additions for what validate found unknown',
    usage: 'guilded-gateway infer <files or folders...> [--write DIR]',
    about: [
      'Reads the same inputs as validate and proposes YAML: an events file for the event names the',
      'spec lacks, then, as comments, the fields the spec lacks in events it has. Review it and paste',
      'it into spec/events/. Exit codes: 0, 1 when an input could not be read, 2 a wrong command line.',
    ].join('\n'),
    options: {
      write: { type: 'string', value: 'DIR', help: 'write DIR/<Event>.yaml per unknown event and DIR/new-fields.yaml instead of printing (never inside spec/)' },
    },
    positionals: true,
  },
  replay: {
    summary: 'serve a capture as a local gateway on 127.0.0.1',
    usage: 'guilded-gateway replay <capture> [--port N] [--speed X] [--host ADDRESS] [--verbatim]',
    about: [
      "A local gateway that speaks Engine.IO 3 / socket.io 2 as Guilded's does and replays the",
      "capture's server-to-client frames to every client that connects, at the recorded pace. It",
      'serves /ws/ and /socket.io/, so GatewayClient and socket.io-client@2 both connect. Frames that',
      'are not valid protocol (cut-off JSON, unknown packet types, binary) are skipped, one line each at',
      'start-up. Exit codes: 0 after Ctrl+C, 1 a capture with nothing to replay, 2 a wrong command line.',
    ].join('\n'),
    options: {
      port: { type: 'string', default: '0', value: 'N', help: 'the port to listen on (default: 0, a free one)' },
      speed: { type: 'string', default: '1', value: 'X', help: 'a positive number: X times the recorded pace (default: 1; 2 is twice as fast); max: all at once' },
      host: { type: 'string', default: '127.0.0.1', value: 'ADDRESS', help: 'the address to listen on (default: 127.0.0.1); any other warns that a capture holds private messages' },
      verbatim: { type: 'boolean', default: false, help: "send invalid frames as recorded too, to test a client's handling of them" },
    },
    positionals: true,
  },
  publish: {
    summary: 'run the gateway side of guilded-gateway/broker: every event into Redis streams for GatewayWorker',
    usage: 'guilded-gateway publish [--redis URL] [--url URL | --capture FILE] [--partitions N] [--prefix P] [--wait]',
    about: [
      "Connects GatewayClient to --url (Guilded's gateway by default, or a local `guilded-gateway replay`)",
      'and appends every event to Redis streams, where GatewayWorker processes read them; commands the',
      'workers send go out on the socket. The cookie comes from the GUILDED_COOKIE environment variable,',
      'never from an argument (a loopback --url needs none). --capture replays a capture file in-process',
      'instead, and exits once every event of it is in Redis. Needs ioredis (npm install ioredis).',
      'Exit codes: 0 stopped (Ctrl+C) or capture published, 1 Redis or the gateway unusable, 2 a wrong command line.',
    ].join('\n'),
    options: {
      redis: { type: 'string', default: 'redis://127.0.0.1:6379', value: 'URL', help: 'the Redis to publish to (default: redis://127.0.0.1:6379)' },
      url: { type: 'string', value: 'URL', help: "the gateway endpoint, such as a replay's ws://127.0.0.1:PORT/ws/ (default: Guilded's)" },
      capture: { type: 'string', value: 'FILE', help: 'publish the events of a capture (HAR, JSON lines or frames) instead of a live socket' },
      partitions: { type: 'string', default: '8', value: 'N', help: 'how many streams the events are spread over; the workers use the same (default: 8)' },
      prefix: { type: 'string', default: 'guilded-gateway', value: 'P', help: 'the prefix of every Redis key (default: guilded-gateway)' },
      wait: { type: 'boolean', default: false, help: 'wait for Redis when it is not up yet, buffering events, instead of exiting 1' },
    },
    positionals: false,
  },
  demo: {
    summary: 'replay the sample capture to GatewayClient, print typed events, then validate it (npm start)',
    usage: 'guilded-gateway demo',
    about: [
      'A local gateway replays the sample capture generated/samples/session.har to GatewayClient; each',
      'event is printed as it arrives, then the capture is validated. No network, no account.',
    ].join('\n'),
    options: {},
    positionals: false,
  },
} as const satisfies Record<string, CommandSpec & { readonly summary: string }>;

/** A command's name. */
export type CommandName = keyof typeof COMMANDS;
