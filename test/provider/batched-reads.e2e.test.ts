/**
 * Batched reads under the real terraform, on each server backend: a no-change plan of 200
 * resources (2 domains, their users and aliases) reads through a counting proxy with O(domains)
 * requests — one list per domain and kind instead of one GET per resource — and still shows drift
 * (a user changed and one deleted on the server). Against list rows as lean as the bare table rows
 * (a product whose list lacks a key the single GET answers) every user is read with its own GET,
 * and drift shows all the same.
 */
import type { ApiSession } from '../support/api';
import { startProductProxy, type ProductProxy, type Rewrite } from '../support/product-proxy';
import { startProviderE2E, type ProviderE2E } from '../support/provider-e2e';
import { TerraformWorkspace } from '../support/terraform';
import type { Backend } from '../support/test-server';

jest.setTimeout(300_000);

const DOMAINS = ['one.batch.example', 'two.batch.example'];
const USERS_PER_DOMAIN = 60;
const ALIASES_PER_DOMAIN = 39;

/** 2 domains + 120 users + 78 aliases = 200 resources. */
const CONFIG = DOMAINS.map(
  (domain, d) => `
resource "iredadmin_domain" "d${d}" {
  domain = "${domain}"
  name   = "Batch ${d}"
}

resource "iredadmin_user" "u${d}" {
  count    = ${USERS_PER_DOMAIN}
  email    = "user\${count.index}@\${iredadmin_domain.d${d}.domain}"
  password = "Batch-Passw0rd!"
  name     = "User \${count.index}"
}

resource "iredadmin_alias" "a${d}" {
  count   = ${ALIASES_PER_DOMAIN}
  email   = "alias\${count.index}@\${iredadmin_domain.d${d}.domain}"
  members = [iredadmin_user.u${d}[count.index].email]
}
`,
).join('');

/** Keys of a user's GET that are not `mailbox` columns: a list without them cannot stand in for GETs. */
const LEAN_ROWS: Rewrite = (method, path, answer) => {
  if (method !== 'GET' || !path.startsWith('/api/users/')) return undefined;
  const body = JSON.parse(answer.body.toString('utf8')) as { _data?: Record<string, unknown>[] };
  for (const row of body._data ?? []) {
    for (const key of ['aliases', 'mailing_aliases', 'mailing_lists', 'forwardings', 'sender_bcc_address']) {
      delete row[key];
    }
  }
  const text = Buffer.from(JSON.stringify(body));
  return { status: answer.status, headers: { ...answer.headers, 'content-length': String(text.length) }, body: text };
};

/** Requests the provider sent through the proxy, by kind. */
function tally(requests: readonly string[]) {
  const count = (pattern: RegExp) => requests.filter((r) => pattern.test(r)).length;
  return {
    total: requests.length,
    userLists: count(/^GET \/api\/users\//),
    aliasLists: count(/^GET \/api\/aliases\//),
    domainLists: count(/^GET \/api\/domains$/),
    userGets: count(/^GET \/api\/user\//),
    aliasGets: count(/^GET \/api\/alias\//),
    domainGets: count(/^GET \/api\/domain\//),
  };
}

describe.each<Backend>(['pglite', 'postgres'])('batched reads on %s', (backend) => {
  let e2e: ProviderE2E;
  let api: ApiSession;
  let requests: string[];
  const proxies: ProductProxy[] = [];
  const workspaces: TerraformWorkspace[] = [];

  /** A workspace whose provider goes through a new counting proxy (rewriting answers with `rewrite`). */
  async function countedWorkspace(rewrite?: Rewrite): Promise<TerraformWorkspace> {
    const proxy = await startProductProxy(e2e.server.url, {
      ...(rewrite ? { rewrite } : {}),
      beforeForward: (method, path) => void requests.push(`${method} ${path}`),
    });
    proxies.push(proxy);
    const tf = TerraformWorkspace.create(e2e.mirror, { ...e2e.env, IREDADMIN_URL: proxy.url });
    workspaces.push(tf);
    return tf;
  }

  /** The plan through `tf`: terraform's output and the requests it cost. */
  async function countedPlan(tf: TerraformWorkspace) {
    requests = [];
    const plan = await tf.plan();
    return { plan, sent: tally(requests.filter((r) => r !== 'POST /api/login')) };
  }

  let tf: TerraformWorkspace;
  beforeAll(async () => {
    e2e = await startProviderE2E(backend);
    ({ api } = e2e);
    requests = [];
    tf = await countedWorkspace();
    tf.write(CONFIG);
    await tf.init();
    await tf.apply();
  });
  afterAll(async () => {
    for (const w of workspaces) w.remove();
    for (const proxy of proxies) await proxy.close();
    await e2e?.close();
  });

  test('a no-change plan of 200 resources costs O(domains) requests: one list per domain and kind', async () => {
    const { plan, sent } = await countedPlan(tf);
    expect(plan.stdout).toContain('No changes.');
    expect(plan.code).toBe(0);
    // Per list: at most one single GET before it (a scope is listed from its second read).
    expect(sent).toEqual({
      total: sent.domainLists + sent.domainGets + sent.userLists + sent.userGets + sent.aliasLists + sent.aliasGets,
      domainLists: 1,
      domainGets: 1,
      userLists: DOMAINS.length,
      userGets: DOMAINS.length,
      aliasLists: DOMAINS.length,
      aliasGets: DOMAINS.length,
    });
  });

  test('drift is still detected: a user changed and a user deleted on the server', async () => {
    await api.ok('PUT', `/api/user/user5@${DOMAINS[0]}`, { name: 'Drifted' });
    await api.ok('DELETE', `/api/user/user59@${DOMAINS[1]}`);
    const { plan, sent } = await countedPlan(tf);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toMatch(/~ name\s+= "Drifted" -> "User 5"/);
    expect(plan.stdout).toContain(`iredadmin_user.u1[59] will be created`);
    expect(plan.stdout).toMatch(/Plan: 1 to add, 1 to change, 0 to destroy\./);
    // The deleted user is missing from its list: that read alone is a GET.
    expect(sent.userLists).toBe(DOMAINS.length);
    expect(sent.userGets).toBe(DOMAINS.length + 1);
    await tf.apply();
    expect((await tf.plan()).code).toBe(0);
  });

  test('list rows lacking what a GET answers: every user is read with its own GET, drift still shows', async () => {
    const lean = await countedWorkspace(LEAN_ROWS);
    lean.write(CONFIG);
    await lean.init();
    // Same state, another workspace: copy it over.
    lean.writeFile('terraform.tfstate', (await tf.run(['state', 'pull'])).stdout);
    await api.ok('PUT', `/api/user/user7@${DOMAINS[1]}`, { name: 'Drifted' });
    const { plan, sent } = await countedPlan(lean);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toMatch(/~ name\s+= "Drifted" -> "User 7"/);
    expect(plan.stdout).toMatch(/Plan: 0 to add, 1 to change, 0 to destroy\./);
    expect(sent.userGets).toBe(DOMAINS.length * USERS_PER_DOMAIN);
    // Lists already on their way when the first lean answer arrives may still be sent: one per domain at most.
    expect(sent.userLists).toBeGreaterThanOrEqual(1);
    expect(sent.userLists).toBeLessThanOrEqual(DOMAINS.length);
    // Aliases and domains still come from their lists.
    expect(sent.aliasLists).toBe(DOMAINS.length);
  });
});
