/**
 * A NUL character in a free-text parameter: PostgreSQL cannot store one (the write failed with a
 * 500, INTERNAL_ERROR) while MariaDB kept it, so one request behaved three ways. Every such field
 * refuses it with its own code, on every backend, and nothing changes.
 */
import type { ApiSession } from '../support/api';
import { SERVER_BACKENDS } from '../support/test-server';
import { useTestServer } from '../support/use-test-server';

const PW = 'Nu1!character-pass';
const NUL = 'before\u0000after';

describe.each(SERVER_BACKENDS)('NUL in text parameters on %s', (backend) => {
  let api: ApiSession;

  useTestServer(backend, (started) => ({ api } = started), { domains: ['nul.example'] });
  beforeAll(async () => {
    await api.ok('POST', '/api/user/jane@nul.example', { password: PW, name: 'Jane' });
    await api.ok('POST', '/api/alias/team@nul.example', { name: 'Team' });
    await api.ok('POST', '/api/ml/news@nul.example', { name: 'News' });
    await api.ok('POST', '/api/admin/ops@admins.example', { password: PW, name: 'Ops' });
  });

  test.each([
    ['POST', '/api/domain/new.example', 'name', 'INVALID_NAME'],
    ['PUT', '/api/domain/nul.example', 'name', 'INVALID_NAME'],
    ['POST', '/api/user/new@nul.example', 'name', 'INVALID_NAME'],
    ['PUT', '/api/user/jane@nul.example', 'name', 'INVALID_NAME'],
    ['PUT', '/api/user/jane@nul.example', 'employeeid', 'INVALID_EMPLOYEEID'],
    ['PUT', '/api/alias/team@nul.example', 'name', 'INVALID_NAME'],
    ['PUT', '/api/ml/news@nul.example', 'name', 'INVALID_NAME'],
    ['PUT', '/api/ml/news@nul.example', 'newsletter_description', 'INVALID_NEWSLETTER_DESCRIPTION'],
    ['PUT', '/api/admin/ops@admins.example', 'name', 'INVALID_NAME'],
  ] as const)('%s %s with a NUL in %s: %s', async (method, path, param, code) => {
    const params = method === 'POST' && path.startsWith('/api/user/') ? { password: PW } : {};
    expect(await api.call(method, path, { ...params, [param]: NUL })).toEqual({ _success: false, _msg: code });
  });

  test('a pre-hashed password with a NUL is INVALID_PASSWORD_HASH; the names stay as they were', async () => {
    expect(await api.put('/api/user/jane@nul.example', { password_hash: `{SSHA512}${NUL}` })).toEqual({
      _success: false,
      _msg: 'INVALID_PASSWORD_HASH',
    });
    expect(await api.ok('GET', '/api/user/jane@nul.example')).toMatchObject({ name: 'Jane', employeeid: '' });
    expect(await api.ok('GET', '/api/alias/team@nul.example')).toMatchObject({ name: 'Team' });
    expect((await api.get('/api/domain/new.example'))._msg).toBe('NO_SUCH_DOMAIN');
  });
});
