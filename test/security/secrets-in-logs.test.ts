/**
 * Secrets in logs: with `TF_LOG=trace` terraform writes everything it and the provider say (the
 * provider's stderr included) to its own stderr. A user's `password`, `password_wo`, an admin's
 * password, a password the server refuses and the provider's own login password must appear in
 * none of it, nor in the plan, nor in what the server process prints — through creates, a rotation
 * and a refused create whose error could echo its input.
 */
import { startProviderE2E, type ProviderE2E } from '../support/provider-e2e';
import { BACKENDS } from '../support/test-server';
import type { TerraformWorkspace } from '../support/terraform';

const SECRETS = {
  user: 'Us3r!plain-secret-1',
  writeOnly: 'Wr1te!only-secret-2',
  rotated: 'R0tated!secret-3',
  admin: 'Adm1n!secret-4',
  /** Refused by the server's minimum length: its error must not echo it. */
  refused: 'S4!',
};

/** Secrets come from sensitive variables (`TF_VAR_…`), as they would in a real configuration. */
const config = (refused = false) => `
variable "user_password" {
  type      = string
  sensitive = true
}
variable "wo_password" {
  type      = string
  sensitive = true
  ephemeral = true
}
variable "wo_version" {
  type = number
}
variable "admin_password" {
  type      = string
  sensitive = true
}
variable "refused_password" {
  type      = string
  sensitive = true
}

resource "iredadmin_domain" "logs" {
  domain = "logs.example"
}

resource "iredadmin_user" "plain" {
  email    = "plain@\${iredadmin_domain.logs.domain}"
  password = var.user_password
}

resource "iredadmin_user" "wo" {
  email               = "wo@\${iredadmin_domain.logs.domain}"
  password_wo         = var.wo_password
  password_wo_version = var.wo_version
}

resource "iredadmin_admin" "ops" {
  email    = "ops@admins.example"
  password = var.admin_password
}
${
  refused
    ? `
resource "iredadmin_user" "refused" {
  email    = "refused@\${iredadmin_domain.logs.domain}"
  password = var.refused_password
}
`
    : ''
}`;

const variables = (writeOnly: string, version: number) => ({
  TF_VAR_user_password: SECRETS.user,
  TF_VAR_wo_password: writeOnly,
  TF_VAR_wo_version: String(version),
  TF_VAR_admin_password: SECRETS.admin,
  TF_VAR_refused_password: SECRETS.refused,
});

describe.each(BACKENDS)('no secret in trace logs, plans or server output on %s', (backend) => {
  let e2e: ProviderE2E;
  let tf: TerraformWorkspace;
  /** Everything this process (and so the in-process server) printed during the test. */
  let printed: string;
  const traced = (vars: Record<string, string>, ...args: string[]) =>
    tf.run([...args, '-input=false', '-no-color'], { TF_LOG: 'trace', ...vars });

  beforeAll(async () => {
    e2e = await startProviderE2E(backend);
    tf = e2e.workspace();
    tf.write(config());
    await tf.init();
  });
  afterAll(() => e2e?.close());
  beforeEach(() => {
    printed = '';
    for (const stream of [process.stdout, process.stderr]) {
      const write = stream.write.bind(stream);
      jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
        printed += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
        return (write as (chunk: string | Uint8Array, ...rest: unknown[]) => boolean)(chunk, ...rest);
      });
    }
  });
  afterEach(() => jest.restoreAllMocks());

  function expectNoSecret(output: string): void {
    for (const secret of [...Object.values(SECRETS), e2e.server.admin.password]) expect(output).not.toContain(secret);
  }

  test('create, then rotate the write-only password', async () => {
    const created = await traced(variables(SECRETS.writeOnly, 1), 'apply', '-auto-approve');
    expect(created.stdout).toContain('Apply complete! Resources: 4 added');
    // The log was really written, provider lines included.
    expect(created.stderr).toMatch(/\[TRACE\]/);
    expect(created.stderr).toMatch(/provider\.terraform-provider-iredadmin/);
    expectNoSecret(created.stdout + created.stderr);

    const rotated = await traced(variables(SECRETS.rotated, 2), 'apply', '-auto-approve');
    expect(rotated.stdout).toContain('Apply complete! Resources: 0 added, 1 changed');
    expectNoSecret(rotated.stdout + rotated.stderr);
    expect(
      (await e2e.api.post('/api/verify_password/user/wo@logs.example', { password: SECRETS.rotated }))._success,
    ).toBe(true);
    expectNoSecret(printed);
  });

  test('a password the server refuses is named in the error, never shown', async () => {
    tf.write(config(true));
    const refused = await traced(variables(SECRETS.rotated, 2), 'apply', '-auto-approve');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/password/i);
    expectNoSecret(refused.stdout + refused.stderr);
    expectNoSecret(printed);
  });
});
