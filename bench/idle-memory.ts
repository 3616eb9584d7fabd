/** Idle memory: the heap each of 100 open connections to a local socket.io@2 peer holds, GatewayClient (built, as installed) and socket.io-client@2. */
import { builtPackage } from './built-package.js';
import { runChild, startChild } from './children.js';
import { bounded, type Row } from './report.js';

const PEER = new URL('./end-to-end-peer.ts', import.meta.url);
const CLIENT = new URL('./idle-memory-client.ts', import.meta.url);

interface Memory {
  readonly heapBytesPerConnection: number;
}

const MAX_KB = 10;

/** The idle-memory figure. */
export async function idleMemory(connections = 100): Promise<Row[]> {
  // The end-to-end peer with an empty backlog: it only accepts connections.
  const peer = startChild(PEER, ['0']);
  try {
    const { url } = await peer.next<{ url: string }>();
    const entry = builtPackage('runtime/index.js');
    const measure = (kind: string): Promise<Memory> => runChild<Memory>(CLIENT, [kind, url, String(connections), entry], ['--expose-gc']);
    const ours = await measure('GatewayClient');
    const theirs = await measure('socket.io-client');
    const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB heap`;
    return [
      bounded(
        {
          figure: `idle client memory, per connection over ${connections} connections`,
          baseline: `socket.io-client@2: ${kb(theirs.heapBytesPerConnection)}`,
          measured: kb(ours.heapBytesPerConnection),
        },
        ours.heapBytesPerConnection / 1024,
        { max: MAX_KB },
        (value) => `${value.toFixed(1)} KB`,
      ),
    ];
  } finally {
    peer.process.stdin?.end();
    await peer.exited;
  }
}
