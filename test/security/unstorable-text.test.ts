/**
 * Text the server would not store as configured: leading or trailing white space (trimmed), a NUL
 * (PostgreSQL cannot store one), too many characters. Accepted at plan, each failed at apply after
 * the create, which left the resource tainted: fixing the value later planned a replacement, for a
 * user a new, empty mailbox. Each fails at plan now, naming the attribute, and nothing is created.
 */
import { type ProviderE2E, startProviderE2E } from '../support/provider-e2e';
import { BACKENDS } from '../support/test-server';

const hcl = (value: string) => JSON.stringify(value);

describe.each(BACKENDS)('text the server would change fails at plan on %s', (backend) => {
  let e2e: ProviderE2E;

  beforeAll(async () => {
    e2e = await startProviderE2E(backend);
    await e2e.api.ok('POST', '/api/domain/text.example');
  });
  afterAll(() => e2e?.close());

  test.each([
    ['white space around a name', ' Jane  '],
    ['a line separator at the end of a name', 'Jane\u2028'],
    ['a NUL in a name', 'Ja\u0000ne'],
    ['a name of 256 characters', 'x'.repeat(256)],
  ])('%s', async (_case, name) => {
    const tf = e2e.workspace();
    tf.write(`
resource "iredadmin_user" "u" {
  email       = "u@text.example"
  password    = "Text!pa55word"
  name        = ${hcl(name)}
  employee_id = ${hcl(name)}
}

resource "iredadmin_alias" "a" {
  email = "a@text.example"
  name  = ${hcl(name)}
}

resource "iredadmin_maillist" "l" {
  email                  = "l@text.example"
  name                   = ${hcl(name)}
  newsletter_description = ${hcl(name.length > 255 ? 'x'.repeat(10_001) : name)}
}

resource "iredadmin_admin" "ops" {
  email    = "ops@admins.example"
  password = "Text!pa55word"
  name     = ${hcl(name)}
}
`);
    await tf.init();
    const plan = await tf.plan();
    expect(plan.code).toBe(1);
    for (const [resource, attribute] of [
      ['iredadmin_user.u', 'name'],
      ['iredadmin_user.u', 'employee_id'],
      ['iredadmin_alias.a', 'name'],
      ['iredadmin_maillist.l', 'name'],
      ['iredadmin_maillist.l', 'newsletter_description'],
      ['iredadmin_admin.ops', 'name'],
    ]) {
      expect(plan.stderr).toMatch(
        new RegExp(`Invalid value for "${attribute}"\\s+with ${resource.replace('.', '\\.')},`),
      );
    }
    expect(await e2e.api.get('/api/user/u@text.example')).toEqual({ _success: false, _msg: 'NO_SUCH_ACCOUNT' });
  });

  test('text the server keeps as given still plans and applies: inner white space, control characters, templates', async () => {
    const tf = e2e.workspace();
    const name = 'Jane \t Doe \u0007 ${x} %{y}';
    tf.write(`
resource "iredadmin_user" "kept" {
  email    = "kept@text.example"
  password = "Text!pa55word"
  name     = ${hcl(name)
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, '%%{')}
}
`);
    await tf.init();
    await tf.apply();
    expect(await e2e.api.ok('GET', '/api/user/kept@text.example')).toMatchObject({ name });
    expect((await tf.plan()).code).toBe(0);
  });
});
