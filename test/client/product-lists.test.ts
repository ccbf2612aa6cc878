/**
 * The client against a scripted server that keeps lists and throttles the way the real
 * iRedAdmin-Pro (SQL edition) does (facts note, "Corrections and additions"): a list PUT without
 * `accountStatus` re-enables the list, POST makes the postmaster owner and moderator and ignores
 * what it does not read, moderators/owners are whole sets, a throttle has no DELETE (405 page) and
 * `period=0` deletes it, and the global throttle answers an expired session with a 303.
 */
import { IRedAdminClient } from '../../src/client';
import type { FakeServer, RecordedRequest } from './fake-server';
import { sendHtml, sendJson, startFakeServer } from './fake-server';
import { ADMIN, ProductLike } from './product-like';
import type { ServerResponse } from 'node:http';

jest.setTimeout(15_000);

interface StoredList {
  address: string;
  active: number;
  maxmsgsize: number;
  accesspolicy: string;
  owners: string[];
  moderators: string[];
  subscribers: string[];
}

/** Just enough of the product's /api/ml and /api/throttle behaviour, in memory. */
class ProductLists {
  readonly lists = new Map<string, StoredList>();
  readonly throttles = new Map<string, Record<string, number | string>>();

  readonly route = (request: RecordedRequest, res: ServerResponse) => {
    const p = request.params;
    const split = (name: string) =>
      (p.get(name) ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    const ml = /^\/api\/ml\/([^/]+)$/.exec(request.path);
    if (ml) {
      const address = decodeURIComponent(ml[1]!);
      const list = this.lists.get(address);
      if (request.method === 'POST') {
        const postmaster = `postmaster@${address.split('@')[1]}`;
        this.lists.set(address, {
          address,
          active: 1,
          maxmsgsize: 0,
          accesspolicy: p.get('accessPolicy') || 'public',
          owners: [postmaster],
          moderators: [postmaster],
          subscribers: split('subscribers'),
        });
        return sendJson(res, { _success: true });
      }
      if (!list) return sendJson(res, { _success: false, _msg: 'NO_SUCH_ACCOUNT' });
      if (request.method === 'GET')
        return sendJson(res, {
          _success: true,
          _data: { ...list, subscribers: list.subscribers.map((mail) => ({ mail })) },
        });
      // PUT: an absent accountStatus means active; unknown parameters are ignored.
      list.active = p.get('accountStatus') === 'disabled' ? 0 : 1;
      if (p.has('max_message_size')) list.maxmsgsize = Number(p.get('max_message_size'));
      if (p.has('moderators')) list.moderators = split('moderators');
      if (p.has('owners')) list.owners = split('owners');
      list.subscribers = [...new Set([...list.subscribers, ...split('add_subscribers')])].filter(
        (s) => !split('remove_subscribers').includes(s),
      );
      return sendJson(res, { _success: true });
    }
    const throttle = /^\/api\/throttle\/([^/]+)\/(inbound|outbound)$/.exec(request.path);
    if (throttle) {
      const key = `${throttle[1]}/${throttle[2]}`;
      if (request.method === 'DELETE') return sendHtml(res, 405, '<html>405 Method Not Allowed</html>');
      if (request.method === 'GET') return sendJson(res, { _success: true, setting: this.throttles.get(key) ?? {} });
      const period = Number(p.get('period') || 0);
      if (!period) this.throttles.delete(key);
      else
        this.throttles.set(key, {
          period,
          msg_size: Number(p.get('msg_size') || 0),
          max_msgs: Number(p.get('max_msgs') || 0),
          max_quota: Number(p.get('max_quota') || 0),
        });
      return sendJson(res, { _success: true });
    }
    sendJson(res, { _success: false, _msg: 'NOT_FOUND' });
  };
}

let server: FakeServer;
let product: ProductLike;
let store: ProductLists;
let client: IRedAdminClient;

beforeEach(async () => {
  server = await startFakeServer();
  product = new ProductLike(server, { onExpired: 'redirect' });
  store = new ProductLists();
  product.route = store.route;
  client = new IRedAdminClient({
    baseUrl: server.url,
    ...ADMIN,
    timeoutMs: 1_000,
    retries: { retries: 1, baseDelayMs: 5, maxDelayMs: 20 },
  });
});

afterEach(async () => {
  await client.close();
  await server.close();
});

test('a list stays disabled across updates: every update carries accountStatus', async () => {
  const L = 'news@example.com';
  await client.mailingLists.create(L, { name: 'News', subscribers: ['a@example.com'] });
  expect(await client.mailingLists.get(L, { withSubscribers: true })).toMatchObject({
    active: true,
    maxmsgsize: 0,
    accesspolicy: 'public',
    owners: ['postmaster@example.com'],
    moderators: ['postmaster@example.com'],
    subscribers: ['a@example.com'],
  });
  await client.mailingLists.update(L, {
    accountStatus: 'disabled',
    maxMessageSize: 1024,
    moderators: ['m@example.com'],
    owners: [],
  });
  await client.mailingLists.update(L, {
    accountStatus: 'disabled',
    addSubscribers: ['b@example.com'],
    requireConfirm: false,
  });
  expect(await client.mailingLists.get(L, { withSubscribers: true })).toMatchObject({
    active: false,
    maxmsgsize: 1024,
    moderators: ['m@example.com'],
    owners: [],
    subscribers: ['a@example.com', 'b@example.com'],
  });
  const puts = server.requests.filter((r) => r.method === 'PUT');
  expect(puts.every((r) => r.params.get('accountStatus') === 'disabled')).toBe(true);
});

test('a throttle is deleted without DELETE (period=0), also after a 303 for an expired session', async () => {
  await client.throttles.set({ global: true }, 'inbound', { period: 60, maxMsgs: 10 });
  expect(await client.throttles.get({ global: true }, 'inbound')).toMatchObject({
    period: 60,
    max_msgs: 10,
    msg_size: 0,
    max_quota: 0,
  });
  product.expireSessions();
  await client.throttles.delete({ global: true }, 'inbound');
  expect(product.logins).toBe(2);
  expect(await client.throttles.get({ global: true }, 'inbound')).toBeNull();
  expect(server.count('/api/throttle/global/inbound', 'DELETE')).toBe(0);
});
