/**
 * IDN domains end to end with the real terraform, on both backends: a domain, a user and an alias
 * in `bücher.example`, configured in Unicode or in punycode (`xn--bcher-kva.example`). Apply
 * works, the server holds punycode, state and plan agree (a re-plan is empty in either
 * spelling), import in the other spelling gives an empty plan, and data sources read them.
 */
import { BACKENDS } from '../support/test-server';
import { startProviderE2E, type ProviderE2E } from '../support/provider-e2e';

const UNICODE = 'bücher.example';
const PUNYCODE = 'xn--bcher-kva.example';

const config = (domain: string) => `
resource "iredadmin_domain" "idn" {
  domain = "${domain}"
  name   = "Bücher"
}

resource "iredadmin_user" "jane" {
  email    = "jane@\${iredadmin_domain.idn.domain}"
  password = "Str0ng!Pass-word"
}

resource "iredadmin_alias" "team" {
  email   = "team@${domain}"
  members = [iredadmin_user.jane.email, "Bob@${domain.toUpperCase()}"]
}

data "iredadmin_domain" "idn" {
  domain = iredadmin_domain.idn.domain
}

data "iredadmin_user" "jane" {
  email = iredadmin_user.jane.email
}

output "domain_name" { value = data.iredadmin_domain.idn.name }
output "user_email" { value = data.iredadmin_user.jane.email }
`;

describe.each(BACKENDS)('IDN domains with real terraform on %s', (backend) => {
  let e2e: ProviderE2E;

  beforeAll(async () => {
    e2e = await startProviderE2E(backend);
  });
  afterAll(() => e2e?.close());

  test.each([
    ['Unicode', UNICODE, PUNYCODE],
    ['punycode', PUNYCODE, UNICODE],
  ])(
    'configured in %s: apply, empty re-plan, import in the other spelling, destroy',
    async (_label, spelling, other) => {
      const tf = e2e.workspace();
      tf.write(config(spelling));
      await tf.init();
      const applied = await tf.apply();
      expect(applied.stdout).toContain('Apply complete! Resources: 3 added');
      expect(applied.stdout).not.toContain('Warning');
      expect(applied.stdout).toContain('domain_name = "Bücher"');

      // The server holds punycode.
      expect(await e2e.api.ok('GET', `/api/domain/${PUNYCODE}`)).toMatchObject({
        domain: PUNYCODE,
        description: 'Bücher',
      });
      expect(await e2e.api.ok('GET', `/api/user/jane@${PUNYCODE}`)).toMatchObject({
        username: `jane@${PUNYCODE}`,
        domain: PUNYCODE,
      });
      expect(await e2e.api.ok('GET', `/api/alias/team@${PUNYCODE}`)).toMatchObject({
        members: [`bob@${PUNYCODE}`, `jane@${PUNYCODE}`],
      });

      // IDs are the canonical (punycode) form, whatever the configuration says.
      const state = await tf.state();
      expect(state['iredadmin_domain.idn']).toMatchObject({ id: PUNYCODE, domain: spelling });
      expect(state['iredadmin_user.jane']).toMatchObject({ id: `jane@${PUNYCODE}` });
      expect(state['iredadmin_alias.team']).toMatchObject({ id: `team@${PUNYCODE}` });
      const replan = await tf.plan();
      expect(replan.stdout).toContain('No changes.');
      expect(replan.code).toBe(0);

      // Import under the other spelling: the same objects, no changes planned.
      const imported = e2e.workspace();
      imported.write(config(spelling));
      await imported.init();
      await imported.ok('import', '-input=false', 'iredadmin_domain.idn', other);
      await imported.ok('import', '-input=false', 'iredadmin_user.jane', `jane@${other}`);
      await imported.ok('import', '-input=false', 'iredadmin_alias.team', `team@${other}`);
      const plan = await imported.plan();
      // Only the user's password (never read back) is planned: the names agree.
      expect(plan.stdout).not.toMatch(/~ (domain|email|members)\s/);
      expect(plan.stdout).toMatch(/1 to change/);
      imported.remove();

      await tf.destroy();
      expect(await e2e.api.get(`/api/domain/${PUNYCODE}`)).toEqual({ _success: false, _msg: 'NO_SUCH_DOMAIN' });
    },
  );
});
