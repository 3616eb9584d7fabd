/**
 * Issue 12, "The replay server against hostile clients": many clients at once, clients that never read,
 * send garbage or huge frames or fall silent, and plain HTTP on the port. Each is a real peer on
 * loopback; the server must drop the bad one with a reason and go on serving the others.
 */
import { once } from 'node:events';
import { request } from 'node:http';
import { connect } from 'node:net';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { MAX_BUFFERED_BYTES } from '../../cli/replay/session.js';
import { disconnectOf, openClient, receiveEvents, typingSchedule, upgradedSocket, withReplay } from './replay-peers.js';

const CLIENTS = 500;
const test = suite('the replay server against hostile clients');

test(`${CLIENTS} clients at once each get every event`, async () => {
  await withReplay(typingSchedule(20), async (server, events) => {
    const counts = await Promise.all(Array.from({ length: CLIENTS }, () => receiveEvents(server.url, 20)));
    assert.equal(counts, Array(CLIENTS).fill(20));
    assert.is(events.filter((event) => event.kind === 'connect').length, CLIENTS);
  });
});

test('a client that never reads is closed with a reason past the buffered limit, and a reading client gets everything', async () => {
  // 400 events of 64 KB: 25 MB, far past what the kernel and the limit hold for a client that reads nothing.
  const schedule = typingSchedule(400, 64 * 1024, { pingInterval: 25_000, pingTimeout: 500 });
  await withReplay(schedule, async (server, events) => {
    const stalled = await upgradedSocket(server.port);
    stalled.pause();
    const [received, closed] = await Promise.all([receiveEvents(server.url, 400), disconnectOf(events, 1)]);
    assert.is(received, 400);
    assert.match(closed.reason, /^not reading: \d+ bytes waiting to be sent for 500 ms \(the limit is 4194304\)$/);
    assert.ok(closed.sent < 400);
    console.log(`  stalled client closed after ${closed.sent} of 400 events (limit ${MAX_BUFFERED_BYTES} bytes); the reading client got 400`);
    stalled.destroy();
  });
});

test('garbage bytes, a 2 MB frame and a text frame that is no packet each close that client with a reason', async () => {
  await withReplay(typingSchedule(1), async (server, events) => {
    const garbage = await upgradedSocket(server.port);
    // Its FIN after the garbage lets the server finish at once instead of waiting for a closing handshake.
    garbage.end(Buffer.from('this is not a websocket frame\r\n'));
    assert.match((await disconnectOf(events, 1)).reason, /^the client broke the protocol: /);
    const huge = await openClient(server.url);
    huge.send(Buffer.alloc(2 * 1024 * 1024, 'a').toString());
    assert.is((await disconnectOf(events, 2)).reason, 'the client broke the protocol: Max payload size exceeded');
    const nonsense = await openClient(server.url);
    nonsense.send('hello');
    assert.is((await disconnectOf(events, 3)).reason, 'parse error: "hello" is not an engine.io packet');
    assert.is(await receiveEvents(server.url, 1), 1);
  });
});

test('a client that never pings is closed after pingInterval + pingTimeout', async () => {
  await withReplay(typingSchedule(1, 200, { pingInterval: 100, pingTimeout: 100 }), async (server, events) => {
    await openClient(server.url);
    assert.is((await disconnectOf(events, 1)).reason, 'ping timeout: nothing from the client for 200 ms');
  });
});

test('plain HTTP gets 400 and bytes that are not HTTP get a closed link; the server goes on', async () => {
  await withReplay(typingSchedule(1), async (server) => {
    const status = await new Promise<number>((resolve, reject) => {
      request({ host: '127.0.0.1', port: server.port, path: '/' }, (response) => {
        response.resume();
        resolve(response.statusCode!);
      })
        .on('error', reject)
        .end();
    });
    assert.is(status, 400);
    const junk = connect(server.port, '127.0.0.1');
    junk.end(Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 13, 10, 13, 10]));
    const [answer] = (await once(junk, 'data')) as [Buffer];
    assert.match(answer.toString(), /^HTTP\/1\.1 400 Bad Request/);
    assert.is(await receiveEvents(server.url, 1), 1);
  });
});

test('it listens on 127.0.0.1 by default', async () => {
  await withReplay(typingSchedule(1), async (server) => {
    assert.match(server.url, /^ws:\/\/127\.0\.0\.1:\d+\/ws\/$/);
  });
});

test.run();
