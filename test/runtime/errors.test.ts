import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { GatewayError } from '../../runtime/errors.js';

const errors = suite('GatewayError');

errors('carries its code, consequence, close code and http status', () => {
  const error = new GatewayError('HANDSHAKE_REJECTED', 'refused with http 400', 'stop', {
    closeCode: 1006,
    status: 400,
  });
  assert.instance(error, Error);
  assert.is(error.name, 'GatewayError');
  assert.is(error.code, 'HANDSHAKE_REJECTED');
  assert.is(error.consequence, 'stop');
  assert.is(error.closeCode, 1006);
  assert.is(error.status, 400);
  assert.is(error.message, 'refused with http 400');
});

errors('leaves the close code and status undefined when there are none', () => {
  const error = new GatewayError('INVALID_FRAME', 'empty frame; dropped', 'drop');
  assert.is(error.closeCode, undefined);
  assert.is(error.status, undefined);
});

errors.run();
