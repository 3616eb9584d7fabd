// A worker of guilded-gateway/broker as its author writes it, type-checked beside bot.ts with ioredis
// not installed: the broker's declarations must not need the optional peer's. It is never run.
import { GatewayClient } from 'guilded-gateway';
import { BrokerError, GatewayPublisher, GatewayWorker, type Delivery } from 'guilded-gateway/broker';

export async function worker(): Promise<string[]> {
  const seen: string[] = [];
  const publisher = new GatewayPublisher({ redis: 'redis://127.0.0.1:6379', source: new GatewayClient({ cookie: 'c' }), partitions: 4 });
  publisher.on('overflow', ({ dropped }) => seen.push(`dropped ${dropped}`));
  const worker = new GatewayWorker({ redis: 'redis://127.0.0.1:6379', group: 'bots', partitions: 4 });
  worker.on('ChatMessageCreated', async (payload, delivery: Delivery) => {
    seen.push(`${delivery.id} ${payload.channelId}`);
    await worker.send('ChatChannelTyping', { channelId: payload.channelId }, { socket: delivery.socket });
  });
  worker.on('invalidPayload', ({ name, errors }) => seen.push(`${name} ${errors.length}`));
  worker.on('gap', ({ partition, dropped }) => seen.push(`${partition} ${dropped}`));
  worker.on('error', (error) => seen.push(error instanceof BrokerError ? error.code : 'never'));
  worker.on('deadLetter', ({ id, error }) => seen.push(`${id} ${error}`));
  // @ts-expect-error a field the payload does not have is a compile error
  worker.on('ChatMessageCreated', (payload) => payload.messageText);
  // @ts-expect-error a command without its required field is a compile error
  await worker.send('ChatChannelTyping', {});
  await worker.start();
  return seen;
}
