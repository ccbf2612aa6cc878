/** What points at a user follows its rename and goes with its deletion: memberships and list subscriptions. */
import { SERVER_BACKENDS } from '../support/test-server';
import type { ApiSession } from '../support/api';
import { useTestServer } from '../support/use-test-server';

describe.each(SERVER_BACKENDS)('references to a user on %s', (backend) => {
  let api: ApiSession;

  useTestServer(backend, (started) => ({ api } = started), { domains: ['refs.example'] });

  async function subscribersOf(list: string): Promise<string[]> {
    const data = (await api.ok('GET', `/api/ml/${list}`, { with_subscribers: 'yes' })) as {
      subscribers: { mail: string }[];
    };
    return data.subscribers.map((s) => s.mail).sort();
  }

  test('change_email moves alias memberships and list subscriptions; delete removes them', async () => {
    await api.ok('POST', '/api/user/old@refs.example', { password: 'Str0ng!pass' });
    await api.ok('POST', '/api/alias/team@refs.example', { members: 'old@refs.example' });
    await api.ok('POST', '/api/ml/news@refs.example', { name: 'News' });
    await api.ok('PUT', '/api/ml/news@refs.example', { add_subscribers: 'old@refs.example', require_confirm: 'no' });
    expect(await subscribersOf('news@refs.example')).toEqual(['old@refs.example']);

    await api.ok('POST', '/api/user/old@refs.example/change_email/new@refs.example');
    expect(await api.ok('GET', '/api/alias/team@refs.example')).toMatchObject({ members: ['new@refs.example'] });
    expect(await subscribersOf('news@refs.example')).toEqual(['new@refs.example']);

    await api.ok('DELETE', '/api/user/new@refs.example');
    expect(await api.ok('GET', '/api/alias/team@refs.example')).toMatchObject({ members: [] });
    expect(await subscribersOf('news@refs.example')).toEqual([]);
  });
});
