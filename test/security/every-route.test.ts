/**
 * Attack every route the server registers (a new route is attacked without anyone listing it),
 * with every method: without a session, and as a normal admin of another domain aiming at
 * theirs.example through the route's parameters. Nothing gets through and nothing changes.
 */
import { BACKENDS, startTestServer, type TestServer } from '../support/test-server';
import { adminSession, ApiSession, type Envelope } from '../support/api';
import { normalAdminSession } from '../support/normal-admin';
import { fillUrl, METHODS, registeredUrls } from './support/routes';
import { theirsParam } from './support/fixtures';

const PW = 'Every!route-pass1';
/** Routes that name no domain: the normal admin may use them on its own behalf. */
const OWN_BEHALF = new Set(['POST /api/login', 'GET /api/domains']);
/** Parameters that would change something if a route took them. */
const PAYLOAD = {
  password: 'Pwned!pass-word1',
  name: 'pwned',
  members: 'boss@admins.example',
  period: '60',
  max_msgs: '1',
  spam_score: '99',
  addAdmin: 'boss@admins.example',
  username: 'victim@theirs.example',
};

const THEIRS_SQL = [
  "SELECT * FROM domain WHERE domain = 'theirs.example'",
  "SELECT * FROM mailbox WHERE domain = 'theirs.example' ORDER BY username",
  `SELECT address, forwarding, is_forwarding, is_alias, is_list FROM forwardings WHERE domain = 'theirs.example'
    ORDER BY address, forwarding`,
  'SELECT * FROM domain_admins ORDER BY username, domain',
  'SELECT account, kind, period, max_msgs FROM throttle ORDER BY account, kind',
  'SELECT * FROM policy ORDER BY id',
];

describe.each(BACKENDS)('every route on %s', (backend) => {
  let server: TestServer;
  let normal: ApiSession;
  const theirs = () => Promise.all(THEIRS_SQL.map((sql) => server.db.query(sql)));

  beforeAll(async () => {
    server = await startTestServer({ backend, settings: { maxLoginFailures: 100_000 } });
    const api = await adminSession(server);
    for (const d of ['mine.example', 'theirs.example']) await api.ok('POST', `/api/domain/${d}`, { name: d });
    await api.ok('POST', '/api/user/victim@theirs.example', { password: PW });
    await api.ok('POST', '/api/throttle/theirs.example/outbound', { period: '60', max_msgs: '10' });
    await api.ok('PUT', '/api/spampolicy/domain/theirs.example', { spam_score: '6' });
    normal = await normalAdminSession(server, 'boss@admins.example', ['mine.example']);
  });
  afterAll(() => server?.close());

  test('without a session, every route but login answers LOGIN_REQUIRED (or refuses the method)', async () => {
    const anonymous = new ApiSession(server.url);
    const leaks: string[] = [];
    for (const url of registeredUrls()) {
      for (const method of METHODS) {
        const { body } = await anonymous.raw(method, fillUrl(url, theirsParam), method === 'GET' ? undefined : PAYLOAD);
        if (url === '/api/login') continue;
        if (body._msg !== 'LOGIN_REQUIRED' && body._msg !== 'INVALID_HTTP_METHOD')
          leaks.push(`${method} ${url} → ${JSON.stringify(body)}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  test('a normal admin of another domain gets nothing from any route aimed at theirs.example', async () => {
    const before = await theirs();
    const granted: string[] = [];
    for (const url of registeredUrls()) {
      for (const method of METHODS) {
        if (OWN_BEHALF.has(`${method} ${url}`)) continue;
        const answer: Envelope = (
          await normal.raw(method, fillUrl(url, theirsParam), method === 'GET' ? undefined : PAYLOAD)
        ).body;
        if (answer._success) granted.push(`${method} ${url}`);
      }
    }
    expect(granted).toEqual([]);
    expect(await theirs()).toEqual(before);
  });
});
