// Compile-only: the README's examples, line for line (test/readme/bot-example.test.ts checks that they
// still match), so that they cannot drift from the types.
import { GatewayClient, GatewayEvent } from '../../runtime/index.js';

export async function readmeExample(): Promise<void> {
  // GUILDED_COOKIE holds at least hmac_signed_session=<token>, from POST /login
  const client = new GatewayClient({ cookie: process.env.GUILDED_COOKIE });

  client.on('ChatMessageCreated', (payload) => {
    // typed from the spec, down to leaves and marks
    const text = payload.message.content.document.nodes
      .flatMap((node) => node.nodes ?? [])
      .flatMap((node) => node.leaves ?? [])
      .map((leaf) => leaf.text)
      .join('');
    console.log(payload.createdBy, text);
  });
  // tidy names for wire names; each carries the event's first sentence as TSDoc
  client.on(GatewayEvent.TeamRolesUpdated, ({ teamId }) => console.log('roles changed in', teamId));
  client.on('TEAM_CHANNEL_CONTENT_CREATED', (payload) => {
    // contentType decides the content: a doc post carries its doc, no `!` needed
    if (payload.contentType === 'doc') console.log('new doc:', payload.doc.title);
  });
  client.on('invalidPayload', ({ name, errors }) => console.warn(name, errors)); // { pointer, message }[]
  client.on('unknownEvent', ({ name }) => console.warn('not in the spec yet:', name));
  client.on('reconnecting', ({ attempt, delayMs, error }) => console.warn(error.message));

  await client.connect(); // resolves after the hello and `40`
  client.send('ChatChannelTyping', { channelId: 'd2242862-401c-42f8-9ce2-0c75977475a6' });

  // Or read every event in order, from the moment the connection is ready, until the session ends:
  for await (const event of client) {
    switch (event.name) {
      case 'ChatMessageCreated':
        console.log('message', event.payload.message.id);
        break;
      case 'unknownEvent': // { name: 'unknownEvent', payload: { name, payload } }
        console.log('not in the spec yet:', event.payload.name);
        break;
      default:
        console.log(event.name);
    }
  }
  // @ts-expect-error send checks the payload's type against the spec
  client.send('ChatChannelTyping', { channelId: 42 });
  // @ts-expect-error logout takes no payload
  client.send('logout', {});
  await client.close(); // closes with 1000: the session ends, no reconnect
}

// The README's "Diagnostics" example: what the connection does, its round trip, and schema drift.
export async function readmeDiagnostics(): Promise<void> {
  const client = new GatewayClient({
    cookie: process.env.GUILDED_COOKIE,
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
    headers: { origin: 'https://www.guilded.gg' },
  });

  // One line per lifecycle step; the cookie never appears in them.
  client.on('debug', (line) => console.debug('[gateway]', line));
  client.on('heartbeat', ({ ping }) => console.log(`heartbeat answered in ${ping} ms`));
  // Fields the spec lacks on an event you listen to: the protocol grew, the event is still delivered.
  client.on('unknownFields', ({ name, fields }) => console.warn(`${name} has fields the spec lacks: ${fields.join(', ')}`));
  client.on('ChatMessageCreated', ({ message }) => console.log(message.id));

  await client.connect();
  setInterval(() => console.log(`ping ${client.ping ?? '(no heartbeat yet)'} ms`), 60_000).unref();
}
