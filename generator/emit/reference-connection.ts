import type { Spec } from '../load/model.js';
import { describedCell, fieldTable } from './field-table.js';
import { code, fence, inline, paragraph, table } from './markdown.js';
import { blocks, examplesBlock, frameOf, json, objectLink, sourcesText, type Link, type Section } from './reference-parts.js';
import { literal } from './ts.js';

const withSources = (description: string, sources: readonly string[]) => blocks(paragraph(description), inline(sourcesText(sources), false));

/** How a payload is laid out, shown on one event: what a reader needs before the events. */
export function payloadsSection(spec: Spec, link: Link): Section {
  const { payloads } = spec.connection;
  const shown = spec.events.find((event) => event.name === payloads.exampleEvent)!;
  return {
    level: 2,
    key: 'payloads',
    title: 'Payloads',
    body: () =>
      blocks(
        withSources(payloads.description, payloads.sources),
        `The payload of a ${link(`event:${shown.name}`, shown.name)} event, and the same event as a whole frame:`,
        json(shown.examples[0]),
        fence(frameOf(spec, shown.name, shown.examples[0]), 'text'),
      ),
  };
}

/** Connecting, the hello, the heartbeat, frames, close codes and the unknowns: what a client author reads. */
export function connectionSections(spec: Spec, link: Link): Section[] {
  const { connection } = spec;
  const { hello, heartbeat, frames } = connection;
  const query = connection.query
    .filter((parameter) => parameter.required)
    .map(({ name, value, example }) => {
      const given = value ?? example;
      return `${name}=${given === undefined ? `{${name}}` : encodeURIComponent(given)}`;
    })
    .join('&');
  const packetTable = (types: typeof frames.enginePacketTypes) =>
    table(['Code', 'Name', 'Description'], Object.entries(types).map(([name, item]) => [String(item.code), code(name), inline(item.description)]));

  return [
    {
      level: 2,
      key: 'connecting',
      title: 'Connecting',
      body: () => blocks('A URL for each endpoint, with every required query parameter:', fence(connection.endpoints.map((endpoint) => `${endpoint.url}?${query}`).join('\n'), 'text')),
    },
    {
      level: 3,
      key: 'endpoints',
      title: 'Endpoints',
      body: () =>
        table(
          ['URL', 'In use', 'Description'],
          connection.endpoints.map((endpoint) => [
            code(endpoint.url),
            inline(`${endpoint.from} to ${endpoint.until ?? 'now'}${endpoint.current ? ' (current)' : ''}`),
            describedCell(endpoint.description, endpoint.sources),
          ]),
        ),
    },
    {
      level: 3,
      key: 'query',
      title: 'Query parameters',
      body: () =>
        table(
          ['Name', 'Value', 'Description'],
          connection.query.map((parameter) => [
            code(`${parameter.name}${parameter.required ? '' : '?'}`),
            parameter.value !== undefined ? code(parameter.value) : parameter.example !== undefined ? `for example ${code(parameter.example)}` : '',
            describedCell([parameter.since && `Since ${parameter.since}.`, parameter.description].filter(Boolean).join(' '), parameter.sources),
          ]),
        ),
    },
    {
      level: 3,
      key: 'headers',
      title: 'Headers',
      body: () =>
        table(
          ['Name', 'Cookies', 'Description'],
          connection.headers.map((header) => [
            code(`${header.name}${header.required ? '' : '?'}`),
            (header.cookies ?? []).map(code).join(', '),
            describedCell(header.description, header.sources),
          ]),
        ),
    },
    {
      level: 2,
      key: 'hello',
      title: 'Hello',
      body: () =>
        blocks(
          withSources(hello.description, hello.sources),
          `Documented defaults: pingInterval ${hello.defaults.pingInterval} ms, pingTimeout ${hello.defaults.pingTimeout} ms.`,
          fieldTable(hello.payload, objectLink(link)),
          examplesBlock(hello.examples),
          'As a frame:',
          fence(`${frames.enginePacketTypes['open']!.code}${literal(hello.examples[0])}`, 'text'),
        ),
    },
    {
      level: 2,
      key: 'heartbeat',
      title: 'Heartbeat',
      body: () => blocks(`The client sends ${code(heartbeat.ping)}; the server answers ${code(heartbeat.pong)}.`, withSources(heartbeat.description, heartbeat.sources)),
    },
    { level: 2, key: 'frames', title: 'Frames', body: () => withSources(frames.description, frames.sources) },
    { level: 3, key: 'engine-packets', title: 'Engine.IO packet types', body: () => packetTable(frames.enginePacketTypes) },
    { level: 3, key: 'socket-packets', title: 'socket.io packet types', body: () => packetTable(frames.socketPacketTypes) },
    {
      level: 2,
      key: 'close-codes',
      title: 'Close codes',
      body: () =>
        table(
          ['Code', 'Ends the session', 'Description'],
          connection.closeCodes.map((entry) => [inline(String(entry.code)), entry.endsSession ? 'yes' : 'no', describedCell(entry.description, entry.sources)]),
        ),
    },
    {
      level: 2,
      key: 'unknowns',
      title: 'What is unknown',
      body: () => table(['Topic', 'Description'], connection.unknown.map((entry) => [inline(entry.topic), describedCell(entry.description, entry.sources)])),
    },
  ];
}
