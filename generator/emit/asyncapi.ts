import { readFileSync } from 'node:fs';
import type { QueryParameter, Spec } from '../load/model.js';
import { messages, sourceTags, tags } from './asyncapi-messages.js';
import { publicDefinitions, type JsonSchema } from './json-schema.js';
import { notice } from './notice.js';
import { literal } from './ts.js';
import { yamlDocument } from './yaml-text.js';

/** The query parameter that turns the user socket into a team socket (spec/connection.yaml, query). */
const TEAM_PARAMETER = 'teamId';

const CHANNELS = { userSocket: false, teamSocket: true } as const;
type ChannelName = keyof typeof CHANNELS;

const paragraphs = (...parts: (string | undefined | false)[]) => parts.filter((part): part is string => Boolean(part)).join('\n\n');

/** The version of this package, which the document describes: the generator runs only from a checkout. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/** A server per endpoint, keyed by its host and path. */
function servers(spec: Spec): Record<string, unknown> {
  return Object.fromEntries(
    spec.connection.endpoints.map((endpoint) => {
      const url = new URL(endpoint.url);
      const era = `In use from ${endpoint.from}${endpoint.until ? ` until ${endpoint.until}` : ''}${endpoint.current ? '; the current endpoint' : ''}.`;
      const key = `${url.host}${url.pathname}`.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-|-$/g, '');
      const server = { host: url.host, pathname: url.pathname, protocol: url.protocol.slice(0, -1), description: paragraphs(endpoint.description, era), tags: sourceTags(endpoint.sources) };
      return [key, server];
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
 * The Engine.IO hello, in the WebSocket binding: it is the transport's open packet, sent before any
 * socket.io message, so it is no message of the channel.
 */
function hello(spec: Spec): Record<string, unknown> {
  const { hello, frames } = spec.connection;
  return {
    description: hello.description,
    sources: hello.sources,
    frame: `${frames.enginePacketTypes['open']!.code}${literal(hello.examples[0])}`,
    defaults: hello.defaults,
    payload: { $ref: '#/components/schemas/Hello' },
    examples: hello.examples,
  };
}

/**
 * A socket as a channel. Both sockets open at a server's host and path and differ only in their
 * query, which AsyncAPI puts in the WebSocket binding, never in the address: so the address is null.
 */
function channel(spec: Spec, team: boolean, messageKeys: string[]): Record<string, unknown> {
  const query = socketQuery(spec, team);
  const stringSchema = (description: string, value?: string, example?: string): JsonSchema => ({
    type: 'string',
    ...(value !== undefined ? { const: value } : {}),
    description,
    ...(example !== undefined ? { examples: [example] } : {}),
  });
  const { headers } = spec.connection;
  return {
    address: null,
    title: team ? 'Team socket' : 'User socket',
    description: paragraphs(
      team ? `The socket of one team, opened with the ${TEAM_PARAMETER} query parameter.` : `The user's own socket, opened without ${TEAM_PARAMETER}.`,
      'It opens at the host and path of a server; the WebSocket binding gives its query and headers, and the Engine.IO hello the server sends first (x-hello).',
      // spec/connection.yaml lists this among the unknowns.
      'Which events each socket delivers is unknown, so both sockets list them all.',
    ),
    messages: Object.fromEntries(messageKeys.map((key) => [key, { $ref: `#/components/messages/${key}` }])),
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
        'x-hello': hello(spec),
        bindingVersion: '0.1.0',
      },
    },
  };
}

/**
 * generated/asyncapi.yaml: the gateway as an AsyncAPI 3.1 document: a server per endpoint, the two
 * sockets, a message per event spelling and per command, tags for spec file, evidence and source.
 */
export function emitAsyncApi(spec: Spec, inputs: readonly string[], version = packageVersion()): string {
  const { connection } = spec;
  const { received, sent, all } = messages(spec);
  const operations = Object.fromEntries(
    (Object.keys(CHANNELS) as ChannelName[]).flatMap((name) => [
      [`${name}Receive`, { action: 'receive', channel: { $ref: `#/channels/${name}` }, summary: 'Events the server sends.', messages: received.map((key) => ({ $ref: `#/channels/${name}/messages/${key}` })) }],
      [`${name}Send`, { action: 'send', channel: { $ref: `#/channels/${name}` }, summary: 'Commands the client sends.', messages: sent.map((key) => ({ $ref: `#/channels/${name}/messages/${key}` })) }],
    ]),
  );
  const document = {
    asyncapi: '3.1.0',
    info: {
      title: 'Guilded user-account gateway',
      version,
      description: paragraphs(connection.overview.description, connection.payloads.description, connection.frames.description, connection.heartbeat.description),
    },
    defaultContentType: 'application/json',
    servers: servers(spec),
    channels: Object.fromEntries((Object.entries(CHANNELS) as [ChannelName, boolean][]).map(([name, team]) => [name, channel(spec, team, [...received, ...sent])])),
    operations,
    components: { schemas: publicDefinitions(spec, 'asyncapi'), messages: all, tags: tags(spec) },
  };
  return yamlDocument(document, notice(inputs));
}
