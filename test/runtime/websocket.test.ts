import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { loadNodeWebSocket, whenClosed } from '../../runtime/websocket.js';
import { startRaw, within } from './peers.js';

const websocket = suite('websocket');

websocket('the Node factory opens a ws socket that sends the given headers', async () => {
  let cookie: string | undefined;
  const peer = await startRaw((_socket, request) => (cookie = request.headers.cookie));
  try {
    const open = await loadNodeWebSocket(1024);
    const socket = open(peer.url, { cookie: 'a=b' });
    await within(2000, new Promise((resolve) => socket.addEventListener('open', resolve)), 'the socket to open');
    assert.is(cookie, 'a=b');
    const closed = whenClosed(socket);
    socket.close(1000);
    await within(2000, closed, 'the socket to close');
    await whenClosed(socket);
  } finally {
    await peer.close();
  }
});

websocket.run();
