import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CURRENT_ENDPOINT } from '../../generated/index.js';
import { gatewayUrl } from '../../runtime/endpoint.js';

const endpoint = suite('gatewayUrl');

const CASES: Array<{ given: Parameters<typeof gatewayUrl>; want: string }> = [
  {
    given: [CURRENT_ENDPOINT, { guildedClientId: 'id' }],
    want: 'wss://www.guilded.gg/ws/?jwt=undefined&EIO=3&transport=websocket&guildedClientId=id',
  },
  {
    given: [CURRENT_ENDPOINT, { guildedClientId: 'id', teamId: 'team', deviceType: 'web' }],
    want: 'wss://www.guilded.gg/ws/?jwt=undefined&EIO=3&transport=websocket&guildedClientId=id&teamId=team&deviceType=web',
  },
  {
    given: ['ws://127.0.0.1:8080/socket.io/', { guildedClientId: 'a b&c' }],
    want: 'ws://127.0.0.1:8080/socket.io/?jwt=undefined&EIO=3&transport=websocket&guildedClientId=a+b%26c',
  },
];

for (const { given, want } of CASES) {
  endpoint(`builds ${want}`, () => {
    assert.is(gatewayUrl(...given), want);
  });
}

endpoint('an endpoint that is not a url is refused', () => {
  assert.throws(() => gatewayUrl('not a url', { guildedClientId: 'id' }));
});

endpoint.run();
