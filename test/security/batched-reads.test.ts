/**
 * Attack: a normal admin's client with batched reads (src/client/read-snapshots.ts) against our
 * server, on both backends. Reads of its own domain may be answered from that domain's list; reads
 * of another domain's users and aliases, in any spelling, must fail exactly as their single GET
 * does — never answered from a list — and a read after a write sees the write.
 */
import { ApiError, type IRedAdminClient } from '../../src/client';
import { adminClient } from '../support/admin-client';
import { NORMAL_ADMIN_PASSWORD, normalAdminSession } from '../support/normal-admin';
import { BACKENDS, type TestServer } from '../support/test-server';
import type { ApiSession } from '../support/api';
import { useTestServer } from '../support/use-test-server';

const users = (domain: string) => [0, 1, 2].map((i) => `u${i}@${domain}`);

describe.each(BACKENDS)('batched reads of a normal admin on %s', (backend) => {
  let server: TestServer;
  let api: ApiSession;
  let client: IRedAdminClient;

  useTestServer(backend, (started) => ({ server, api } = started), { domains: ['mine.example', 'theirs.example'] });

  beforeAll(async () => {
    for (const domain of ['mine.example', 'theirs.example']) {
      for (const email of users(domain)) await api.ok('POST', `/api/user/${email}`, { password: 'Batch!pass-123' });
      await api.ok('POST', `/api/alias/list@${domain}`);
    }
    const boss = 'boss@batch-admins.example';
    await normalAdminSession(server, boss, ['mine.example']);
    client = adminClient(
      { url: server.url, admin: { email: boss, password: NORMAL_ADMIN_PASSWORD } },
      { batchReads: true, retries: 0 },
    );
  });
  afterAll(() => client?.close());

  /** The `_msg` code a read failed with, or what it answered. */
  const outcome = (read: Promise<unknown>) =>
    read.then(
      (value) => ({ answered: value }),
      (error: unknown) => ({ refused: error instanceof ApiError ? error.code : String(error) }),
    );

  test("its own domain's users are read; another domain's, in any spelling, are refused", async () => {
    const mine = await Promise.all(users('mine.example').map((email) => client.users.get(email)));
    expect(mine.map((user) => user?.username)).toEqual(users('mine.example'));
    const theirs = [...users('theirs.example'), 'U1@THEIRS.EXAMPLE', 'u2@Theirs.Example'];
    const reads = await Promise.all(theirs.map((email) => outcome(client.users.get(email))));
    expect(reads).toEqual(theirs.map(() => ({ refused: 'PERMISSION_DENIED' })));
    const aliases = await Promise.all(
      ['list@theirs.example', 'LIST@theirs.example', 'list@mine.example'].map((email) =>
        outcome(client.aliases.get(email)),
      ),
    );
    expect(aliases.slice(0, 2)).toEqual([{ refused: 'PERMISSION_DENIED' }, { refused: 'PERMISSION_DENIED' }]);
    expect(aliases[2]).toMatchObject({ answered: { address: 'list@mine.example' } });
  });

  test('a read after a write through the same client sees the write', async () => {
    await Promise.all(users('mine.example').map((email) => client.users.get(email)));
    await client.users.update('u1@mine.example', { name: 'Written' });
    const after = await Promise.all(users('mine.example').map((email) => client.users.get(email)));
    expect(after.map((user) => user?.name)).toEqual([expect.anything(), 'Written', expect.anything()]);
  });
});
