/** The package's main entry exports what the README shows. */
import * as pkg from '../../src';

test('the library entry exports the client and the embeddable server', () => {
  expect(typeof pkg.IRedAdminClient).toBe('function');
  expect(typeof pkg.ApiError).toBe('function');
  expect(typeof pkg.startServer).toBe('function');
  expect(pkg.DEFAULT_SETTINGS.enableApi).toBe(false);
});
