// A worker in a process of its own, for the test that kills one with SIGKILL in the middle of a
// handler: it says `ready` once it owns a partition, and `handling <id>` when a handler starts, which
// then never finishes.
import { GatewayWorker } from '../../runtime/broker/worker.js';

const [url, prefix, group] = process.argv.slice(2) as [string, string, string];
const worker = new GatewayWorker({ redis: url, prefix, group, partitions: 1, leaseMs: 600, claimIdleMs: 200, consumer: 'doomed' });
worker.on('ChatChannelTyping', (payload) => {
  process.stdout.write(`handling ${payload.userId}\n`);
  return new Promise<void>(() => undefined);
});
await worker.start();
while (worker.partitions.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
process.stdout.write('ready\n');
