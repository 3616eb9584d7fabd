// Compile-only: the README's bot-author example, kept here so that it cannot drift from the types.
import { GatewayClient } from '../../runtime/index.js';

export async function readmeExample(): Promise<void> {
  const client = new GatewayClient({ cookie: 'hmac_signed_session=…' });

  client.on('ChatMessageCreated', (payload) => {
    const text = payload.message.content.document.nodes
      .flatMap((node) => node.nodes ?? [])
      .flatMap((node) => node.leaves ?? [])
      .map((leaf) => leaf.text)
      .join('');
    console.log(payload.createdBy, text);
  });
  client.on('invalidPayload', ({ name, errors }) => console.warn(name, errors));
  client.on('unknownEvent', ({ name }) => console.warn('not in the spec yet:', name));
  client.on('reconnecting', ({ error }) => console.warn(error.message));

  await client.connect();
  client.send('ChatChannelTyping', { channelId: 'd2242862-401c-42f8-9ce2-0c75977475a6' });
  // @ts-expect-error send checks the payload's type against the spec
  client.send('ChatChannelTyping', { channelId: 42 });
  // @ts-expect-error logout takes no payload
  client.send('logout', {});
  await client.close();
}
