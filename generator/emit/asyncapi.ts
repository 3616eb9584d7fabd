import path from 'node:path';
import type { CommandSpec, EventSpec, QueryParameter, Spec } from '../load/model.js';
import { publicDefinitions, type JsonSchema } from './json-schema.js';
import { entryFacts } from './entry-facts.js';
import { notice } from './notice.js';
import { yamlDocument } from './yaml-text.js';

/** The query parameter that turns the user socket into a team socket (spec/connection.yaml, query). */
const TEAM_PARAMETER = 'teamId';

const CHANNELS = { userSocket: false, teamSocket: true } as const;
type ChannelName = keyof typeof CHANNELS;

const paragraphs = (...parts: (string | undefined | false)[]) => parts.filter((part): part is string => Boolean(part)).join('\n\n');
const messageRef = (key: string) => ({ $ref: `#/components/messages/${key}` });
const areaOf = (file: string) => path.posix.basename(file, '.yaml');

/** A server per endpoint, keyed by its host and path. */
function servers(spec: Spec): Record<string, unknown> {
  return Object.fromEntries(
    spec.connection.endpoints.map((endpoint) => {
      const url = new URL(endpoint.url);
      const era = `In use from ${endpoint.from}${endpoint.until ? ` until ${endpoint.until}` : ''}${endpoint.current ? '; the current endpoint' : ''}.`;
      const key = `${url.host}${url.pathname}`.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-|-$/g, '');
      return [key, { host: url.host, pathname: url.pathname, protocol: url.protocol.slice(0, -1), description: paragraphs(endpoint.description, era) }];
    }),
  );
}

/** Which query parameters a socket sends, and which of them it requires. */
function socketQuery(spec: Spec, team: boolean): { parameter: QueryParameter; required: boolean }[] {
  return spec.connection.query
    .filter((parameter) => team || parameter.name !== TEAM_PARAMETER)
    .map((parameter) => ({ parameter, required: parameter.required || parameter.name === TEAM_PARAMETER }));
}

/**
 * A socket as a channel. The address is the query string (the server holds host and path): fixed
 * values as written, client-supplied ones as channel parameters. The WebSocket binding restates the
 * whole query, optional parameters included, and the cookie header, as schemas.
 */
function channel(spec: Spec, team: boolean, messageKeys: string[]): Record<string, unknown> {
  const query = socketQuery(spec, team);
  const inAddress = query.filter(({ required }) => required).map(({ parameter }) => parameter);
  const variable = inAddress.filter((parameter) => parameter.value === undefined);
  const headers = spec.connection.headers;
  const stringSchema = (description: string, value?: string, example?: string): JsonSchema => ({
    type: 'string',
    ...(value !== undefined ? { const: value } : {}),
    description,
    ...(example !== undefined ? { examples: [example] } : {}),
  });
  return {
    address: `?${inAddress.map(({ name, value }) => `${name}=${value !== undefined ? encodeURIComponent(value) : `{${name}}`}`).join('&')}`,
    title: team ? 'Team socket' : 'User socket',
    description: paragraphs(
      team ? `The socket of one team, opened with the ${TEAM_PARAMETER} query parameter.` : `The user's own socket, opened without ${TEAM_PARAMETER}.`,
      // spec/connection.yaml lists this among the unknowns.
      'Which events each socket delivers is unknown, so both sockets list them all.',
    ),
    parameters: Object.fromEntries(
      variable.map(({ name, description, example }) => [name, { description, ...(example !== undefined ? { examples: [example] } : {}) }]),
    ),
    messages: Object.fromEntries(messageKeys.map((key) => [key, messageRef(key)])),
    bindings: {
      ws: {
        method: 'GET',
        query: {
          type: 'object',
          properties: Object.fromEntries(query.map(({ parameter: { name, description, value, example } }) => [name, stringSchema(description, value, example)])),
          required: query.filter(({ required }) => required).map(({ parameter }) => parameter.name),
        },
        headers: {
          type: 'object',
          properties: Object.fromEntries(headers.map((header) => [header.name, stringSchema(paragraphs(header.description, header.cookies && `Cookies: ${header.cookies.join(', ')}.`))])),
          required: headers.filter((header) => header.required).map((header) => header.name),
        },
        bindingVersion: '0.1.0',
      },
    },
  };
}

/** An entry's description with what the reference lists beside it: evidence, sources and other names. */
function entryDescription(entry: EventSpec | CommandSpec): string {
  const { status, sources, aliases, wireNames } = entryFacts(entry);
  return paragraphs(
    entry.description,
    `Evidence: ${status}. Sources: ${sources.join(', ')}.`,
    aliases.length > 0 && `Also known as: ${aliases.join(', ')}.`,
    wireNames.length > 0 && `Other wire spellings: ${wireNames.join(', ')}.`,
  );
}

/** A message for an event or command; a bare command has no payload. */
function message(entry: EventSpec | CommandSpec): Record<string, unknown> {
  return {
    name: entry.name,
    title: entry.name,
    description: entryDescription(entry),
    ...(entry.payload !== undefined ? { payload: { $ref: `#/components/schemas/${entry.typeName}` } } : {}),
    ...(entry.examples.length > 0 ? { examples: entry.examples.map((payload) => ({ payload })) } : {}),
    tags: [{ name: areaOf(entryFacts(entry).file) }],
  };
}

/** generated/asyncapi.yaml: the gateway as an AsyncAPI 3.0 document (servers, the two sockets, every event and command). */
export function emitAsyncApi(spec: Spec, inputs: readonly string[]): string {
  const { connection } = spec;
  const eio = connection.query.find((parameter) => parameter.name === 'EIO')!.value!;
  const hello = connection.hello;
  const received = ['Hello', ...spec.events.map((event) => event.typeName)];
  const sent = spec.commands.map((command) => command.typeName);

  const messages: Record<string, unknown> = {
    Hello: {
      name: 'hello',
      title: 'Hello',
      description: hello.description,
      payload: { $ref: '#/components/schemas/Hello' },
      examples: hello.examples.map((payload) => ({ payload })),
    },
    ...Object.fromEntries([...spec.events, ...spec.commands].map((entry) => [entry.typeName, message(entry)])),
  };

  const operations = Object.fromEntries(
    (Object.keys(CHANNELS) as ChannelName[]).flatMap((name) => [
      [`${name}Receive`, { action: 'receive', channel: { $ref: `#/channels/${name}` }, summary: 'Events the server sends, and the hello.', messages: received.map((key) => ({ $ref: `#/channels/${name}/messages/${key}` })) }],
      [`${name}Send`, { action: 'send', channel: { $ref: `#/channels/${name}` }, summary: 'Commands the client sends.', messages: sent.map((key) => ({ $ref: `#/channels/${name}/messages/${key}` })) }],
    ]),
  );

  const document = {
    asyncapi: '3.0.0',
    info: {
      title: 'Guilded user-account gateway',
      version: `Engine.IO ${eio}`,
      description: paragraphs(connection.overview.description, connection.payloads.description, connection.frames.description, connection.heartbeat.description),
    },
    defaultContentType: 'application/json',
    servers: servers(spec),
    channels: Object.fromEntries(
      (Object.entries(CHANNELS) as [ChannelName, boolean][]).map(([name, team]) => [name, channel(spec, team, [...received, ...sent])]),
    ),
    operations,
    components: { schemas: publicDefinitions(spec, 'asyncapi'), messages },
  };
  return yamlDocument(document, notice(inputs));
}
