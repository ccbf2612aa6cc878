/**
 * Batched reads (`batchReads`, src/client/read-snapshots.ts) against a scripted server: many
 * concurrent single reads of one domain cost one list request; a write ends batching; list rows
 * lacking a key the single GET answers (as leaner product rows may) fall back to single GETs; an
 * object missing from the list, or a failing list, is read alone, so "gone" and errors still come
 * from the GET.
 */
import type { ServerResponse } from 'node:http';
import { IRedAdminClient } from '../../src/client';
import type { FakeServer, RecordedRequest } from './fake-server';
import { sendJson, startFakeServer } from './fake-server';

jest.setTimeout(15_000);

const ADMIN = { username: 'postmaster@example.com', password: 'S3cr3t!pass#word' };

/** A user as GET /api/user answers it (our server's keys). */
function userRow(email: string, name: string): Record<string, unknown> {
  return {
    username: email,
    name,
    quota: 1024,
    domain: email.split('@')[1],
    active: 1,
    isadmin: 0,
    isglobaladmin: 0,
    enableimap: 1,
    aliases: [],
    mailing_aliases: [],
    mailing_lists: [],
    forwardings: [`${email.split('@')[0]}.fw@example.net`],
    sender_bcc_address: null,
    sbcc_active: null,
    recipient_bcc_address: null,
    rbcc_active: null,
  };
}

/** The same user as a row of GET /api/users/<domain>: usage and logins as objects. */
function listRow(email: string, name: string): Record<string, unknown> {
  return {
    ...userRow(email, name),
    password: '{SSHA512}leaked-by-the-product',
    used_quota: { bytes: 2048, messages: 3 },
    last_login: { imap: 1_700_000_000, pop3: 0, lda: 0 },
  };
}

const DOMAINS = ['a.example', 'b.example', 'c.example'];

/** A domain row with what its GET adds (the product's list answers it without `domain`: the key names it). */
function domainRow(domain: string): Record<string, unknown> {
  return {
    description: domain,
    maxquota: 10,
    sbcc_addr: '',
    rbcc_addr: '',
    catchall: [],
    relayhost: '',
    num_existing_users: 0,
    num_existing_aliases: 0,
    num_existing_lists: 0,
  };
}

interface Scripted {
  users: Map<string, string>;
  /** Keys left out of every list row (a product whose rows are leaner than its GET). */
  leanRows: string[];
  failList: boolean;
  /** Rows of other domains a (misbehaving) list of a domain also carries. */
  foreignRows: Record<string, unknown>[];
  /** When set, list answers are held until it resolves (their rows are taken when asked). */
  listGate?: Promise<void>;
}

let server: FakeServer;
let script: Scripted;
let client: IRedAdminClient;

async function route(request: RecordedRequest, res: ServerResponse) {
  if (request.path === '/api/login') return sendJson(res, { _success: true }, 200, { 'set-cookie': 'sid=s1; Path=/' });
  const list = /^\/api\/users\/([^/]+)$/.exec(request.path);
  if (list && request.method === 'GET') {
    if (script.failList) return sendJson(res, { _success: false, _msg: 'PERMISSION_DENIED' });
    const rows = [...script.users]
      .filter(([email]) => email.endsWith(`@${list[1]}`))
      .map(([email, name]) => {
        const row = listRow(email, name);
        for (const key of script.leanRows) delete row[key];
        return row;
      });
    await script.listGate;
    return sendJson(res, { _success: true, _data: [...rows, ...script.foreignRows] });
  }
  const one = /^\/api\/user\/([^/]+)$/.exec(request.path);
  if (one) {
    const email = decodeURIComponent(one[1]!);
    if (request.method === 'PUT') {
      script.users.set(email, request.params.get('name') ?? '');
      return sendJson(res, { _success: true });
    }
    const name = script.users.get(email);
    if (name === undefined) return sendJson(res, { _success: false, _msg: 'NO_SUCH_ACCOUNT' });
    return sendJson(res, {
      _success: true,
      _data: {
        ...userRow(email, name),
        stored_bytes: 2048,
        stored_messages: 3,
        last_login: '2023-11-14T22:13:20.000Z',
      },
    });
  }
  if (request.path === '/api/domains') {
    return sendJson(res, { _success: true, _data: Object.fromEntries(DOMAINS.map((d) => [d, domainRow(d)])) });
  }
  const domain = /^\/api\/domain\/([^/]+)$/.exec(request.path);
  if (domain) return sendJson(res, { _success: true, _data: { domain: domain[1], ...domainRow(domain[1]!) } });
  sendJson(res, { _success: false, _msg: 'INVALID_ACTION' });
}

const emails = (domain: string, n: number) => Array.from({ length: n }, (_, i) => `u${i}@${domain}`);
const lists = () => server.requests.filter((r) => r.path.startsWith('/api/users/')).length;
const singles = () => server.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/api/user/')).length;

function newClient(batchReads: boolean): IRedAdminClient {
  return new IRedAdminClient({ baseUrl: server.url, ...ADMIN, batchReads, retries: 0 });
}

beforeAll(async () => {
  server = await startFakeServer(route);
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  script = {
    users: new Map([...emails('a.example', 200), ...emails('b.example', 3)].map((e) => [e, `Name ${e}`])),
    leanRows: [],
    failList: false,
    foreignRows: [],
  };
  client = newClient(true);
});
afterEach(() => client.close());

test('200 concurrent reads of one domain: one list request (after one single GET), same answers as GET', async () => {
  const read = await Promise.all(emails('a.example', 200).map((e) => client.users.get(e)));
  expect(lists()).toBe(1);
  expect(singles()).toBe(1);
  const alone = newClient(false);
  try {
    const expected = await alone.users.get('u7@a.example');
    expect(read[7]).toEqual(expected);
    expect(read[7]).toMatchObject({
      name: 'Name u7@a.example',
      forwardings: ['u7.fw@example.net'],
      stored_bytes: 2048,
    });
    expect(read[7]).not.toHaveProperty('password');
  } finally {
    await alone.close();
  }
});

test('one list per domain; a lone object is read with a single GET', async () => {
  await Promise.all([...emails('a.example', 200), ...emails('b.example', 3)].map((e) => client.users.get(e)));
  expect(lists()).toBe(2);
  expect(singles()).toBe(2);
  server.requests.length = 0;
  const lone = newClient(true);
  try {
    await lone.users.get('u1@b.example');
    expect(lists()).toBe(0);
    expect(singles()).toBe(1);
  } finally {
    await lone.close();
  }
});

test('after a write every read is a single GET and sees the change', async () => {
  await Promise.all(emails('a.example', 5).map((e) => client.users.get(e)));
  await client.users.update('u3@a.example', { name: 'Renamed' });
  server.requests.length = 0;
  const after = await Promise.all(emails('a.example', 5).map((e) => client.users.get(e)));
  expect(lists()).toBe(0);
  expect(singles()).toBe(5);
  expect(after[3]!.name).toBe('Renamed');
});

test('a write while the list is on its way: reads waiting on it answer from GETs made after the write', async () => {
  let release: () => void = () => undefined;
  script.listGate = new Promise<void>((resolve) => (release = resolve));
  const targets = emails('a.example', 4);
  const reads = Promise.all(targets.map((e) => client.users.get(e)));
  await until(() => lists() === 1 && singles() === 1);
  // Answered before the write, by its own GET: the one read that may show the old name.
  const readBeforeWrite = server.requests.find((r) => r.path.startsWith('/api/user/'))!.path.slice('/api/user/'.length);
  await new Promise((resolve) => setTimeout(resolve, 50));
  for (const email of targets) await client.users.update(email, { name: 'Renamed' });
  release();
  const names = (await reads).map((u) => u!.name);
  // The list was answered with the rows it had when asked, before the write: none of them may answer.
  expect(names).toEqual(targets.map((e) => (e === decodeURIComponent(readBeforeWrite) ? `Name ${e}` : 'Renamed')));
  expect(names.filter((name) => name === 'Renamed')).toHaveLength(3);
});

test("a list row of another domain never answers a read of that name (each domain's list answers its own)", async () => {
  script.foreignRows = [listRow('u0@b.example', 'Forged by the a.example list')];
  const read = await Promise.all(
    [...emails('a.example', 3), ...emails('b.example', 2)].map((e) => client.users.get(e)),
  );
  expect(read.map((u) => u!.name)).toEqual(
    [...emails('a.example', 3), ...emails('b.example', 2)].map((e) => `Name ${e}`),
  );
  expect(lists()).toBe(2);
});

test('list rows lacking a key the GET answers: that kind of list is not asked again, every read is a GET', async () => {
  script.leanRows = ['forwardings'];
  const read = await Promise.all(emails('a.example', 20).map((e) => client.users.get(e)));
  await Promise.all(emails('b.example', 3).map((e) => client.users.get(e)));
  expect(lists()).toBe(1);
  expect(singles()).toBe(23);
  expect(read[4]!.forwardings).toEqual(['u4.fw@example.net']);
});

test('an object missing from the list is read alone: gone is null, as from GET', async () => {
  const read = await Promise.all([...emails('a.example', 3), 'nobody@a.example'].map((e) => client.users.get(e)));
  expect(read[3]).toBeNull();
  expect(server.requests.filter((r) => r.path === '/api/user/nobody@a.example')).toHaveLength(1);
});

test('a failing list leaves every read to its single GET', async () => {
  script.failList = true;
  const read = await Promise.all(emails('a.example', 4).map((e) => client.users.get(e)));
  expect(read.map((u) => u!.username)).toEqual(emails('a.example', 4));
  expect(lists()).toBe(1);
  expect(singles()).toBe(4);
});

test('domains: the product-shaped list (an object keyed by name) answers domain reads', async () => {
  const read = await Promise.all(DOMAINS.map((d) => client.domains.get(d)));
  expect(server.requests.filter((r) => r.path === '/api/domains')).toHaveLength(1);
  expect(server.requests.filter((r) => r.path.startsWith('/api/domain/'))).toHaveLength(1);
  expect(read[2]).toEqual(read[0] && { ...read[0], domain: 'c.example', description: 'c.example' });
});

test('off by default: every read is a single GET', async () => {
  const plain = newClient(false);
  try {
    await Promise.all(emails('a.example', 10).map((e) => plain.users.get(e)));
    expect(lists()).toBe(0);
    expect(singles()).toBe(10);
  } finally {
    await plain.close();
  }
});

/** Polls `condition` every 5 ms until it holds; fails after 5 s. */
async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited >= 5000) throw new Error('condition not met within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
