/**
 * Bad input: fast-check fuzzing of every endpoint's path and parameters (form and JSON bodies,
 * query strings). Every answer is the JSON envelope with no 5xx — `{_success:false,_msg:CODE}`
 * for what is refused — and nothing outside the fuzz domain changes (the canary rows).
 * A fixed seed and a fixed number of cases keep CI repeatable — no time limit, so a slow machine
 * takes longer instead of silently testing less; FUZZ_SEED=<n> explores further.
 */
import fc from 'fast-check';
import type { ApiSession } from '../support/api';
import { BACKENDS, type TestServer } from '../support/test-server';
import {
  ENDPOINTS,
  PARAMS,
  hostileString,
  segment,
  wrongType,
  type Method,
  type SegmentKind,
} from './support/fuzz-inputs';
import { useTestServer } from '../support/use-test-server';

/** Requests per backend (10–20 s each on a two-core machine). */
const CASES = 600;

const CANARY_SQL: Record<string, string> = {
  domain: "SELECT * FROM domain WHERE domain = 'canary.example'",
  mailbox: "SELECT * FROM mailbox WHERE domain = 'canary.example' ORDER BY username",
  alias: "SELECT * FROM alias WHERE domain = 'canary.example' ORDER BY address",
  forwardings: `SELECT address, forwarding, is_forwarding, is_alias, is_list, active FROM forwardings
      WHERE domain = 'canary.example' OR dest_domain = 'canary.example' ORDER BY address, forwarding`,
  domain_admins: `SELECT * FROM domain_admins WHERE domain = 'canary.example' OR username LIKE '%@canary.example'
      ORDER BY username, domain`,
  throttle: `SELECT account, kind, period, msg_size, max_msgs FROM throttle WHERE account LIKE '%canary.example'
      ORDER BY account, kind`,
  policy: "SELECT * FROM policy WHERE policy_name LIKE '%canary.example' ORDER BY id",
};

interface Request {
  method: Method;
  path: string;
  params: Record<string, unknown>;
  as: 'form' | 'json' | 'query';
}

const request: fc.Arbitrary<Request> = fc.constantFrom(...ENDPOINTS).chain(([methods, template]) => {
  const holes = template.match(/\{(mail|domain|n|target)\}/g) ?? [];
  return fc
    .record({
      method: fc.constantFrom(...methods),
      segments: fc.tuple(...holes.map((h) => segment(h.slice(1, -1) as SegmentKind))),
      params: fc.dictionary(
        fc.constantFrom(...PARAMS),
        fc.oneof({ arbitrary: hostileString, weight: 5 }, { arbitrary: wrongType, weight: 1 }),
        { maxKeys: 5 },
      ),
      as: fc.constantFrom<'form' | 'json' | 'query'>('form', 'json', 'query'),
    })
    .map(({ method, segments, params, as }) => {
      let i = 0;
      const path = template.replace(/\{(mail|domain|n|target)\}/g, () => segments[i++] as string);
      return { method, path, params, as };
    });
});

async function send(server: TestServer, cookie: string, r: Request): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { cookie };
  let url = server.url + r.path;
  let body: string | undefined;
  const flat = Object.entries(r.params).map(([k, v]): [string, string] => [
    k,
    typeof v === 'string' ? v : JSON.stringify(v),
  ]);
  if (r.as === 'json' && r.method !== 'GET') {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(r.params);
  } else if (r.as === 'form' && r.method !== 'GET') {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(flat).toString();
  } else {
    // Query strings are bounded by the HTTP server's header limit; keep them under it.
    url += `?${new URLSearchParams(flat.map(([k, v]): [string, string] => [k, v.slice(0, 2000)])).toString()}`;
  }
  const res = await fetch(url, {
    method: r.method,
    headers,
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(15_000),
  });
  return { status: res.status, text: await res.text() };
}

async function canary(server: TestServer): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [table, sql] of Object.entries(CANARY_SQL)) out[table] = await server.db.query(sql);
  return out;
}

describe.each(BACKENDS)('fuzzed requests on %s', (backend) => {
  let server: TestServer;
  let api: ApiSession;

  useTestServer(backend, (started) => ({ server, api } = started), { settings: { maxLoginFailures: 100_000 } });
  beforeAll(async () => {
    const seed: [string, Record<string, string>][] = [
      ['/api/domain/canary.example', { name: 'Canary' }],
      ['/api/user/victim@canary.example', { password: 'Canary-Passw0rd!' }],
      ['/api/alias/team@canary.example', { members: 'victim@canary.example' }],
      ['/api/throttle/victim@canary.example/outbound', { period: '60', max_msgs: '5' }],
      ['/api/domain/fuzz.example', { name: 'Fuzz' }],
      ['/api/user/fuzz@fuzz.example', { password: 'Fuzz-Passw0rd!' }],
    ];
    for (const [path, params] of seed) await api.ok('POST', path, params);
    await api.ok('PUT', '/api/spampolicy/user/victim@canary.example', { spam_score: '5' });
  });

  test('always the envelope, never a 5xx, never a changed canary row', async () => {
    const before = await canary(server);
    const failures: string[] = [];
    let cases = 0;
    await fc
      .assert(
        fc.asyncProperty(request, async (r) => {
          cases++;
          const { status, text } = await send(server, api.sessionCookie!, r);
          let body: { _success?: unknown; _msg?: unknown } | undefined;
          try {
            body = JSON.parse(text) as typeof body;
          } catch {
            body = undefined;
          }
          const ok =
            status < 500 &&
            body !== undefined &&
            typeof body._success === 'boolean' &&
            (body._success === true || (typeof body._msg === 'string' && /^[A-Z][A-Z0-9_]*$/.test(body._msg)));
          if (!ok)
            failures.push(`${r.method} ${r.path.slice(0, 120)} (${r.as}) → HTTP ${status} ${text.slice(0, 160)}`);
          return ok;
        }),
        {
          numRuns: CASES,
          seed: Number(process.env.FUZZ_SEED ?? 8),
          endOnFailure: true,
        },
      )
      .catch((error: unknown) => {
        throw new Error(`${failures.join('\n')}\n${String(error).slice(0, 2000)}`);
      });
    expect(cases).toBe(CASES);
    expect(await canary(server)).toEqual(before);
  });
});
