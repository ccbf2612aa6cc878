/** Deleting a domain removes everything under it, on every table, and nothing of other domains. */
import { SERVER_BACKENDS, type TestServer } from '../support/test-server';
import type { ApiSession } from '../support/api';
import { useTestServer } from '../support/use-test-server';
import { type Sql, sql, textOfBytes } from '../../src/server/db/sql';

const TABLE_CHECKS: [string, string | Sql][] = [
  ['domain', 'SELECT domain AS v FROM domain'],
  ['mailbox', 'SELECT username AS v FROM mailbox'],
  ['alias', 'SELECT address AS v FROM alias'],
  ['maillists', 'SELECT address AS v FROM maillists'],
  ['forwardings', "SELECT address || '>' || forwarding AS v FROM forwardings"],
  ['domain_admins', "SELECT username || '@' || domain AS v FROM domain_admins WHERE domain <> 'ALL'"],
  ['throttle', 'SELECT account AS v FROM throttle'],
  ['amavisd users', sql`SELECT ${textOfBytes('email')} AS v FROM users`],
  ['sender_relayhost', 'SELECT account AS v FROM sender_relayhost'],
  ['bcc', 'SELECT domain AS v FROM sender_bcc_domain UNION ALL SELECT username FROM sender_bcc_user'],
];

describe.each(SERVER_BACKENDS)('domain deletion on %s', (backend) => {
  let server: TestServer;
  let api: ApiSession;

  useTestServer(backend, (started) => ({ server, api } = started));

  async function populate(domain: string): Promise<void> {
    await api.ok('POST', `/api/domain/${domain}`, { senderBcc: `audit@${domain}` });
    await api.ok('PUT', `/api/domain/${domain}`, { catchall: `jane@${domain}`, outboundRelay: 'smtp:[192.0.2.1]:25' });
    await api.ok('POST', `/api/user/jane@${domain}`, { password: 'Str0ng!pass' });
    await api.ok('PUT', `/api/user/jane@${domain}`, {
      aliases: `j@${domain}`,
      forwarding: `jane@${domain},x@elsewhere.example`,
    });
    await api.ok('POST', `/api/alias/team@${domain}`, { members: `jane@${domain}` });
    await api.ok('POST', `/api/ml/news@${domain}`, { name: 'News' });
    await api.ok('POST', `/api/throttle/${domain}/outbound`, { period: 60, max_msgs: 10 });
    await api.ok('POST', `/api/throttle/jane@${domain}/inbound`, { period: 60, max_msgs: 10 });
    await api.ok('PUT', `/api/spampolicy/domain/${domain}`, { spam_score: 5 });
    await api.ok('PUT', `/api/spampolicy/user/jane@${domain}`, { bypass_spam_checks: 'yes' });
    await api.ok('PUT', `/api/domain/admins/${domain}`, { addAdmin: `jane@${domain}` });
  }

  async function rowsMentioning(domain: string): Promise<Record<string, string[]>> {
    const out: Record<string, string[]> = {};
    for (const [name, sql] of TABLE_CHECKS) {
      const rows = await server.db.query<{ v: string }>(sql);
      const hits = rows.map((r) => r.v).filter((v) => v.includes(domain));
      if (hits.length) out[name] = hits;
    }
    return out;
  }

  test('everything of the domain goes; the other domain is untouched', async () => {
    await populate('gone.example');
    await populate('kept.example');
    const keptBefore = await rowsMentioning('kept.example');
    expect(Object.keys(keptBefore)).toEqual(TABLE_CHECKS.map(([name]) => name));

    await api.ok('DELETE', '/api/domain/gone.example/keep_mailbox_days/7');
    expect(await rowsMentioning('gone.example')).toEqual({});
    expect(await rowsMentioning('kept.example')).toEqual(keptBefore);
    const deleted = await server.db.query<{ username: string; delete_date: string | null }>(
      sql`SELECT username, CAST(delete_date AS CHAR(10)) AS delete_date FROM deleted_mailboxes WHERE domain = 'gone.example'`,
    );
    expect(deleted).toEqual([
      { username: 'jane@gone.example', delete_date: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) },
    ]);
  });
});
