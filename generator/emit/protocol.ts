import { FORMATS } from '../load/formats.js';
import type { Spec } from '../load/model.js';
import { pascalCase } from '../load/names.js';
import type { CodedItem } from '../load/model.js';
import { doc, header, literal, namedConstants, printFile, type NamedValue, type Statement } from './ts.js';

function constant(name: string, value: unknown, docs: string, asConst = true): Statement {
  return `/** ${docs} */\nexport const ${name} = ${literal(value, 2)}${asConst ? ' as const' : ''};`;
}

/** A packet-type table as named members: `open` is EnginePacketType.Open. */
function packetTypes(table: Record<string, CodedItem>): NamedValue[] {
  return Object.entries(table).map(([name, { code, description }]) => ({ name: pascalCase(name), value: code, description }));
}

/** generated/protocol.ts: the connection rules of spec/connection.yaml as constants. */
export function emitProtocol(spec: Spec, inputs: readonly string[]): string {
  const { connection } = spec;
  const eio = Number(connection.query.find((parameter) => parameter.name === 'EIO')!.value);
  const current = connection.endpoints.find((endpoint) => endpoint.current)!;
  const endingCodes = connection.closeCodes.filter((entry) => entry.endsSession && entry.code !== 'other').map((entry) => entry.code);

  return printFile('protocol.ts', header(inputs), [
    constant('ENGINE_IO_VERSION', eio, 'The Engine.IO protocol version the gateway speaks (the EIO query parameter).', false),
    ...namedConstants('EnginePacketType', 'Engine.IO packet types: the first digit of every frame.', packetTypes(connection.frames.enginePacketTypes)),
    ...namedConstants('SocketPacketType', 'socket.io packet types: the digit after an Engine.IO message (4).', packetTypes(connection.frames.socketPacketTypes)),
    ...namedConstants(
      'CloseCode',
      'The WebSocket close codes the spec names; closing with any other leaves the session to time out.',
      connection.closeCodes.flatMap(({ code, name, description }) => (code === 'other' ? [] : [{ name: name!, value: code, description }])),
    ),
    constant('DEFAULT_PING_INTERVAL', connection.hello.defaults.pingInterval, 'The documented hello pingInterval, in milliseconds.', false),
    constant('DEFAULT_PING_TIMEOUT', connection.hello.defaults.pingTimeout, 'The documented hello pingTimeout, in milliseconds.', false),
    constant('HEARTBEAT', { ping: connection.heartbeat.ping, pong: connection.heartbeat.pong }, 'The frames of the heartbeat: the client pings, the server pongs.'),
    constant(
      'ENDPOINTS',
      connection.endpoints.map(({ url, from, until, current: isCurrent }) => ({ url, from, ...(until ? { until } : {}), current: isCurrent === true })),
      'Gateway endpoints by era, oldest first.',
    ),
    constant('CURRENT_ENDPOINT', current.url, 'The endpoint clients use now (without its query).'),
    constant(
      'QUERY_PARAMETERS',
      connection.query.map(({ name, value, required, description }) => ({ name, ...(value !== undefined ? { value } : {}), required, description })),
      'The query parameters of the gateway URL, in the order clients send them. A `value` is fixed; the others the client supplies.',
    ),
    constant(
      'COOKIE_NAMES',
      connection.headers.flatMap((header) => header.cookies ?? []),
      'Cookies the cookie header must carry.',
    ),
    constant('SESSION_ENDING_CLOSE_CODES', endingCodes, doc('Close codes that end the session when the client closes with them; any other close leaves it to time out.')),
    constant(
      'STRING_FORMATS',
      FORMATS,
      doc("The spec's string formats: the `pattern` the validators check in their place, and the `description` a problem gives for a value that fails it (rather than the pattern)."),
    ),
  ]);
}
