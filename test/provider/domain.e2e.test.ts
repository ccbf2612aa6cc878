/**
 * iredadmin_domain end to end: the real terraform binary, our provider built and installed
 * into a filesystem mirror, our server on each database backend.
 */
import { BACKENDS, type TestServer } from '../support/test-server';
import type { ApiSession } from '../support/api';
import type { TerraformWorkspace } from '../support/terraform';
import { SQL_EDITION, startProductProxy } from '../support/product-proxy';
import { startProviderE2E, type ProviderE2E } from '../support/provider-e2e';

const FULL = `
resource "iredadmin_domain" "example" {
  domain                    = "Example.COM"
  name                      = "Example Inc."
  quota                     = 10240
  default_quota             = 512
  max_user_quota            = 2048
  max_users                 = 50
  max_aliases               = 20
  max_lists                 = 5
  language                  = "en_US"
  sender_bcc                = "audit@example.com"
  catchall                  = ["postmaster@example.com", "Hostmaster@Example.com"]
  outbound_relay            = "smtp:[192.0.2.1]:25"
  min_password_length       = 10
  disabled_domain_profiles  = ["bcc", "relay"]
  disabled_user_preferences = ["wblist"]
  services                  = ["self-service"]
}

data "iredadmin_domain" "read" {
  domain = iredadmin_domain.example.domain
}

output "users_limit" { value = data.iredadmin_domain.read.max_users }
`;

describe.each(BACKENDS)('iredadmin_domain with real terraform on %s', (backend) => {
  let e2e: ProviderE2E;
  let server: TestServer;
  let api: ApiSession;
  let tf: TerraformWorkspace;

  beforeAll(async () => {
    e2e = await startProviderE2E(backend);
    ({ server, api } = e2e);
    tf = e2e.workspace();
  });
  afterAll(() => e2e?.close());

  test('create: the server holds what the configuration says', async () => {
    tf.write(FULL);
    await tf.init();
    const applied = await tf.apply();
    expect(applied.stdout).toContain('Apply complete! Resources: 1 added, 0 changed, 0 destroyed.');
    expect(applied.stdout).toContain('users_limit = 50');

    const domain = (await api.ok('GET', '/api/domain/example.com')) as Record<string, unknown>;
    expect(domain).toMatchObject({
      domain: 'example.com',
      description: 'Example Inc.',
      maxquota: 10240,
      mailboxes: 50,
      aliases: 20,
      maillists: 5,
      sbcc_addr: 'audit@example.com',
      catchall: ['hostmaster@example.com', 'postmaster@example.com'],
      relayhost: 'smtp:[192.0.2.1]:25',
      settings: expect.objectContaining({
        default_user_quota: 512,
        max_user_quota: 2048,
        default_language: 'en_US',
        min_passwd_length: 10,
        disabled_domain_profiles: ['bcc', 'relay'],
        disabled_user_preferences: ['wblist'],
        enabled_services: ['self-service'],
      }),
    });
    const state = (await tf.state())['iredadmin_domain.example']!;
    // The configuration's spelling is kept in state; the ID is canonical.
    expect(state).toMatchObject({
      id: 'example.com',
      domain: 'Example.COM',
      quota: 10240,
      account_status: 'active',
      transport: 'dovecot',
    });
  });

  test('terraform providers schema -json shows the schema', async () => {
    const out = await tf.ok('providers', 'schema', '-json');
    const schema = JSON.parse(out.stdout) as {
      provider_schemas: Record<
        string,
        {
          provider: { block: { attributes: Record<string, { sensitive?: boolean }> } };
          resource_schemas: Record<string, { block: { attributes: Record<string, Record<string, unknown>> } }>;
          data_source_schemas: Record<string, unknown>;
        }
      >;
    };
    const ours = schema.provider_schemas['registry.terraform.io/iredadmin/iredadmin']!;
    expect(ours.provider.block.attributes.password).toMatchObject({ sensitive: true });
    const domain = ours.resource_schemas.iredadmin_domain!.block.attributes;
    expect(domain.domain).toMatchObject({ type: 'string', required: true });
    expect(domain.quota).toMatchObject({ type: 'number', optional: true, computed: true });
    expect(domain.catchall).toMatchObject({ type: ['set', 'string'] });
    expect(domain.id).toMatchObject({ computed: true });
    expect(String(domain.quota!.description)).toContain('MB');
    expect(ours.data_source_schemas.iredadmin_domain).toBeDefined();
  });

  test('a second plan has no changes', async () => {
    const plan = await tf.plan();
    expect(plan.stdout).toContain('No changes.');
    expect(plan.code).toBe(0);
  });

  test('update in place', async () => {
    tf.write(
      FULL.replace('quota                     = 10240', 'quota                     = 20480')
        .replace('["bcc", "relay"]', '["relay", "throttle"]')
        .replace('catchall                  = ["postmaster@example.com", "Hostmaster@Example.com"]', 'catchall = []'),
    );
    const plan = await tf.plan();
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain('~ update in-place');
    expect(plan.stdout).not.toContain('must be replaced');
    await tf.apply();
    expect(await api.ok('GET', '/api/domain/example.com')).toMatchObject({
      maxquota: 20480,
      catchall: [],
      relayhost: 'smtp:[192.0.2.1]:25',
      settings: expect.objectContaining({ disabled_domain_profiles: ['relay', 'throttle'] }),
    });
    expect((await tf.plan()).code).toBe(0);
  });

  test('import gives the same state and an empty plan', async () => {
    const before = (await tf.state())['iredadmin_domain.example'];
    const other = e2e.workspace();
    other.write(
      FULL.replace('quota                     = 10240', 'quota                     = 20480')
        .replace('["bcc", "relay"]', '["relay", "throttle"]')
        .replace('catchall                  = ["postmaster@example.com", "Hostmaster@Example.com"]', 'catchall = []'),
    );
    await other.init();
    const imported = await other.ok('import', '-input=false', 'iredadmin_domain.example', 'example.com');
    expect(imported.stdout).toContain('Import successful!');
    // Imported state is canonical; the configuration's "Example.COM" is the same domain: no diff.
    expect((await other.state())['iredadmin_domain.example']).toEqual({ ...before, domain: 'example.com' });
    expect((await other.plan()).code).toBe(0);
    const bad = await other.run(['import', '-no-color', '-input=false', 'iredadmin_domain.example', 'no-such.example']);
    expect(bad.code).toBe(1);
  });

  test('an out-of-band change shows as a diff', async () => {
    await api.ok('PUT', '/api/domain/example.com', { quota: 1, outboundRelay: 'smtp:[192.0.2.1]:25' });
    const plan = await tf.plan();
    expect(plan.code).toBe(2);
    expect(plan.stdout).toMatch(/~ quota\s+= 1 -> 20480/);
    await tf.apply();
    expect(await api.ok('GET', '/api/domain/example.com')).toMatchObject({ maxquota: 20480 });
  });

  test('services change as a whole set, and clear with []', async () => {
    const current = FULL.replace('quota                     = 10240', 'quota                     = 20480')
      .replace('["bcc", "relay"]', '["relay", "throttle"]')
      .replace('catchall                  = ["postmaster@example.com", "Hostmaster@Example.com"]', 'catchall = []');
    tf.write(current.replace('services                  = ["self-service"]', 'services = []'));
    await tf.apply();
    expect(
      ((await api.ok('GET', '/api/domain/example.com')) as { settings: Record<string, unknown> }).settings,
    ).not.toHaveProperty('enabled_services');
    tf.write(current);
    await tf.apply();
    expect(await api.ok('GET', '/api/domain/example.com')).toMatchObject({
      settings: expect.objectContaining({ enabled_services: ['self-service'] }),
    });
    expect((await tf.plan()).code).toBe(0);
  });

  test('changing max_lists in place: a plan-time error naming the attribute (the API sets it only on create)', async () => {
    const current = FULL.replace('quota                     = 10240', 'quota                     = 20480')
      .replace('["bcc", "relay"]', '["relay", "throttle"]')
      .replace('catchall                  = ["postmaster@example.com", "Hostmaster@Example.com"]', 'catchall = []');
    tf.write(current.replace('max_lists                 = 5', 'max_lists                 = 9'));
    const plan = await tf.plan();
    expect(plan.code).toBe(1);
    expect(plan.stderr).toContain('"max_lists" cannot be changed in place');
    expect(plan.stderr).toMatch(/on main\.tf line \d+, in resource "iredadmin_domain" "example":/);
    expect(plan.stderr).toContain('max_lists');
    expect(plan.stderr).toContain('only when it creates a domain');
    expect(plan.stderr).not.toContain('must be replaced');
    expect(await api.ok('GET', '/api/domain/example.com')).toMatchObject({ maillists: 5 });
    // Changed on the server, the same value in the configuration: no error, no diff.
    await server.db.query("UPDATE domain SET maillists = 9 WHERE domain = 'example.com'");
    expect((await tf.plan()).code).toBe(0);
    await server.db.query("UPDATE domain SET maillists = 5 WHERE domain = 'example.com'");
    tf.write(current);
    expect((await tf.plan()).code).toBe(0);
  });

  test('an out-of-band delete is planned for re-creation', async () => {
    await api.ok('DELETE', '/api/domain/example.com');
    const plan = await tf.plan();
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain('will be created');
    await tf.apply();
    expect((await api.get('/api/domain/example.com'))._success).toBe(true);
  });

  test('invalid values fail at plan, naming the attribute', async () => {
    tf.write(`
resource "iredadmin_domain" "bad" {
  domain   = "not a domain"
  quota    = -1
  language = "english"
  catchall = ["nobody"]
  backup_mx = true
  name     = ""
}

resource "iredadmin_domain" "blank" {
  domain    = "blank.example"
  transport = ""
}`);
    const plan = await tf.plan();
    expect(plan.code).toBe(1);
    const out = plan.stderr;
    expect(out).toContain('Invalid value for "domain"');
    expect(out).toContain('Invalid value for "quota"');
    expect(out).toContain('Invalid value for "language"');
    expect(out).toContain('Invalid value for "catchall"');
    // The API reads an empty name as "not given" and keeps the old one: refused at plan, not found after apply.
    expect(out).toContain('Invalid value for "name"');
    expect(out).toContain('The API cannot clear this value');
    expect(out).toContain('Invalid value for "transport"');
    expect(out).toContain('Missing primary_mx');
    expect(out).toMatch(/on main\.tf line \d+, in resource "iredadmin_domain" "bad":/);
    tf.write(FULL);
  });

  test('the provider password never appears in plan output or logs', async () => {
    const plan = await tf.run(['plan', '-no-color', '-input=false'], { TF_LOG: 'trace' });
    expect(plan.code).toBe(0);
    expect(plan.stdout + plan.stderr).not.toContain(server.admin.password);
    expect(plan.stderr).toContain('provider'); // the log was really written
  });

  test('destroy removes the domain', async () => {
    const destroyed = await tf.destroy();
    expect(destroyed.stdout).toContain('Destroy complete! Resources: 1 destroyed.');
    expect(await api.get('/api/domain/example.com')).toEqual({ _success: false, _msg: 'NO_SUCH_DOMAIN' });
  });

  test('a create whose follow-up PUT fails deletes the domain again: state = server, the next apply works', async () => {
    // The first PUT of the domain is refused (a 4xx, which the client does not retry); POST and everything
    // after it pass through.
    let putsRefused = 0;
    const proxy = await startProductProxy(server.url, (method, path) => {
      if (method !== 'PUT' || path !== '/api/domain/halfmade.example' || putsRefused > 0)
        return SQL_EDITION(method, path);
      putsRefused += 1;
      return { status: 403, html: '<html><body>403 Forbidden</body></html>' };
    });
    const other = e2e.workspace({ IREDADMIN_URL: proxy.url });
    try {
      other.write(`
resource "iredadmin_domain" "halfmade" {
  domain   = "halfmade.example"
  quota    = 1024
  catchall = ["postmaster@halfmade.example"]
}
`);
      await other.init();
      const failed = await other.run(['apply', '-auto-approve', '-input=false', '-no-color']);
      expect(failed.code).toBe(1);
      expect(putsRefused).toBe(1);
      expect(proxy.refused).toEqual(['PUT /api/domain/halfmade.example']);
      expect(await api.get('/api/domain/halfmade.example')).toEqual({ _success: false, _msg: 'NO_SUCH_DOMAIN' });
      expect(await other.state()).toEqual({});

      await other.apply();
      expect(await api.ok('GET', '/api/domain/halfmade.example')).toMatchObject({
        maxquota: 1024,
        catchall: ['postmaster@halfmade.example'],
      });
      await other.destroy();
    } finally {
      await proxy.close();
    }
  });
});
