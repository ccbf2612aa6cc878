/** The client and server packages' entries (packages/client, packages/server) export what the README shows. */
import * as client from '../../src/client';
import * as server from '../../src/server/server';
import * as serverConfig from '../../src/server/config';

test('the client package exports the client and its errors; the server package the embeddable server', () => {
  expect(typeof client.IRedAdminClient).toBe('function');
  expect(typeof client.ApiError).toBe('function');
  expect(typeof server.startServer).toBe('function');
  expect(serverConfig.DEFAULT_SETTINGS.enableApi).toBe(false);
  expect(typeof serverConfig.settingsFromEnv).toBe('function');
});

test('the client entry exports every error class a caller catches, each an IRedAdminError, and no internals', () => {
  const errors = [
    client.ApiError,
    client.AuthError,
    client.NetworkError,
    client.RedirectError,
    client.TimeoutError,
    client.UnexpectedResponseError,
    client.UnsupportedError,
    client.ValidationError,
  ];
  for (const error of errors) expect(error.prototype).toBeInstanceOf(client.IRedAdminError);
  expect(typeof client.nullIfGone).toBe('function');
  expect(Object.keys(client)).not.toContain('NOT_FOUND_CODES');
});
