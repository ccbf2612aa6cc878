/**
 * iredadmin_user end to end with the real terraform against our server on PostgreSQL: the
 * shared life cycle, then rename in place through change_email (alias memberships follow),
 * secrets (write-only password never in state or plan, sensitive password masked), plan-time
 * validation, bad import IDs and keep_mailbox_days on destroy.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiSession } from '../support/api';
import { startProviderE2E, type ProviderE2E } from '../support/provider-e2e';
import { describeLifecycle } from '../support/lifecycle';
import type { TerraformWorkspace } from '../support/terraform';
import type { TestServer } from '../support/test-server';
import { sql } from '../../src/server/db/sql';

let e2e: ProviderE2E;
let server: TestServer;
let api: ApiSession;
const workspace = () => e2e.workspace();

beforeAll(async () => {
  e2e = await startProviderE2E('postgres');
  ({ server, api } = e2e);
  await api.ok('POST', '/api/domain/example.com', { name: 'Example', defaultQuota: 512 });
});
afterAll(() => e2e?.close());

const user = (email: string) => api.ok('GET', `/api/user/${email}`) as Promise<Record<string, unknown>>;
const verify = async (email: string, password: string) =>
  (await api.post(`/api/verify_password/user/${email}`, { password }))._success;

const CREATE = `
resource "iredadmin_user" "jane" {
  email             = "jane@example.com"
  password          = "Secr3t!pass"
  name              = "Jane Doe"
  quota             = 1024
  language          = "de_DE"
  employee_id       = "E-1"
  forwarding        = ["jane@example.com", "Jane@Home.example"]
  aliases           = ["j.doe@example.com"]
  services          = ["smtp", "imap", "deliver"]
  sender_bcc        = "audit@example.com"
  keep_mailbox_days = 30
}
`;

const UPDATE = `
resource "iredadmin_user" "jane" {
  email             = "jane@example.com"
  password          = "Secr3t!pass"
  name              = "Jane Roe"
  quota             = 2048
  account_status    = "disabled"
  transport         = "dovecot"
  forwarding        = []
  aliases           = ["jr@example.com", "j.doe@example.com"]
  services          = []
  recipient_bcc     = "audit@example.com"
  keep_mailbox_days = 30
}
`;

describe('iredadmin_user life cycle on postgres', () => {
  let tf: TerraformWorkspace;
  beforeAll(() => {
    tf = workspace();
  });

  describeLifecycle(
    {
      address: 'iredadmin_user.jane',
      importId: 'jane@example.com',
      create: CREATE,
      update: UPDATE,
      async checkServer(session, stage) {
        const jane = await user('jane@example.com');
        if (stage === 'created') {
          expect(jane).toMatchObject({
            name: 'Jane Doe',
            quota: 1024,
            language: 'de_DE',
            employeeid: 'E-1',
            active: 1,
            sender_bcc_address: 'audit@example.com',
            recipient_bcc_address: null,
            forwardings: ['jane@example.com', 'jane@home.example'],
            aliases: ['j.doe@example.com'],
            enablesmtp: 1,
            enableimap: 1,
            enabledeliver: 1,
            enablepop3: 0,
            enablesogo: 0,
          });
          expect(await verify('jane@example.com', 'Secr3t!pass')).toBe(true);
        } else {
          expect(jane).toMatchObject({
            name: 'Jane Roe',
            quota: 2048,
            active: 0,
            transport: 'dovecot',
            forwardings: [],
            aliases: ['j.doe@example.com', 'jr@example.com'],
            enablesmtp: 0,
            enableimap: 0,
            enabledeliver: 0,
            recipient_bcc_address: 'audit@example.com',
          });
        }
        void session;
      },
      async changeOutOfBand(session) {
        await session.ok('PUT', '/api/user/jane@example.com', { quota: 1 });
      },
      expectInPlan: /~ quota\s+= 1 -> 2048/,
      async deleteOutOfBand(session) {
        await session.ok('DELETE', '/api/user/jane@example.com');
      },
      async checkGone(session) {
        expect(await session.get('/api/user/jane@example.com')).toEqual({ _success: false, _msg: 'NO_SUCH_ACCOUNT' });
        // keep_mailbox_days = 30 was used on destroy: the mailbox is recorded for removal in 30 days.
        const rows = await server.db.query<{ days: number }>(
          sql`SELECT (delete_date - CURRENT_DATE) AS days FROM deleted_mailboxes WHERE username = 'jane@example.com' AND delete_date IS NOT NULL`,
        );
        expect(rows.map((r) => Number(r.days))).toEqual([30]);
      },
      importIgnores: ['password', 'keep_mailbox_days'],
    },
    () => ({ tf, api, newWorkspace: workspace }),
  );
});

const WO_SECRET = 'Wr1te-only!one';
const WO_ROTATED = 'Wr1te-only!two';
const SENSITIVE = 'S3nsitive!pw';

const secrets = (bobEmail: string, woSecret: string, version: number, aliases: string[] = []) => `
resource "iredadmin_user" "bob" {
  email               = "${bobEmail}"
  password_wo         = "${woSecret}"
  password_wo_version = ${version}
  forwarding          = ["${bobEmail}", "archive@elsewhere.example"]
  aliases             = ${JSON.stringify(aliases)}
}

resource "iredadmin_user" "carol" {
  email    = "carol@example.com"
  password = "${SENSITIVE}"
}

data "iredadmin_user" "bob" {
  email = iredadmin_user.bob.email
}

output "bob_forwarding" { value = data.iredadmin_user.bob.forwarding }
`;

describe('iredadmin_user special behaviours on postgres', () => {
  let tf: TerraformWorkspace;
  beforeAll(async () => {
    tf = workspace();
    tf.write(secrets('bob@example.com', WO_SECRET, 1));
    await tf.init();
  });

  test('password_wo never reaches plan or state; password is only shown as sensitive', async () => {
    const plan = await tf.plan();
    expect(plan.code).toBe(2);
    expect(plan.stdout).toMatch(/\+ password\s+= \(sensitive value\)/);
    expect(plan.stdout + plan.stderr).not.toContain(WO_SECRET);
    expect(plan.stdout + plan.stderr).not.toContain(SENSITIVE);

    const applied = await tf.apply();
    expect(applied.stdout + applied.stderr).not.toContain(WO_SECRET);
    expect(applied.stdout).toContain('"archive@elsewhere.example"');
    const shown = await tf.ok('show', '-json');
    expect(shown.stdout).not.toContain(WO_SECRET);
    expect(readFileSync(join(tf.dir, 'terraform.tfstate'), 'utf8')).not.toContain(WO_SECRET);
    const doc = JSON.parse(shown.stdout) as {
      values: {
        root_module: {
          resources: { address: string; values: Record<string, unknown>; sensitive_values: Record<string, unknown> }[];
        };
      };
    };
    const byAddress = Object.fromEntries(doc.values.root_module.resources.map((r) => [r.address, r]));
    const bob = byAddress['iredadmin_user.bob']!.values;
    expect(bob).toMatchObject({ password_wo_version: 1, password: null });
    expect(bob.password_wo ?? null).toBeNull();
    expect(byAddress['iredadmin_user.carol']!.sensitive_values).toMatchObject({ password: true });

    // The write-only value is the password the server stored.
    expect(await verify('bob@example.com', WO_SECRET)).toBe(true);
    expect(await verify('carol@example.com', SENSITIVE)).toBe(true);
    expect((await tf.plan()).code).toBe(0);
  });

  test('a new password_wo without a new version is not sent; a new version rotates it', async () => {
    tf.write(secrets('bob@example.com', WO_ROTATED, 1));
    expect((await tf.plan()).code).toBe(0);

    tf.write(secrets('bob@example.com', WO_ROTATED, 2));
    const plan = await tf.plan();
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain('iredadmin_user.bob will be updated in-place');
    expect(plan.stdout + plan.stderr).not.toContain(WO_ROTATED);
    await tf.apply();
    expect(await verify('bob@example.com', WO_ROTATED)).toBe(true);
    expect(await verify('bob@example.com', WO_SECRET)).toBe(false);
  });

  test('changing email renames the user in place; alias memberships and forwardings follow', async () => {
    await api.ok('POST', '/api/alias/team@example.com', { members: 'bob@example.com,carol@example.com' });
    // A rename whose other changes fail is undone: the user stays at the address the state names.
    tf.write(secrets('robert@example.com', WO_ROTATED, 2, ['bob@no-such-domain.example']));
    const failed = await tf.run(['apply', '-auto-approve', '-input=false', '-no-color']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('ALIAS_DOMAIN_NOT_MANAGED');
    expect(await user('bob@example.com')).toMatchObject({ username: 'bob@example.com' });

    // The old address is kept as an alias: possible because the rename comes first.
    tf.write(secrets('robert@example.com', WO_ROTATED, 2, ['bob@example.com']));
    const plan = await tf.plan();
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain('iredadmin_user.bob will be updated in-place');
    expect(plan.stdout).not.toContain('must be replaced');
    await tf.apply();

    expect(await api.get('/api/user/bob@example.com')).toEqual({ _success: false, _msg: 'NO_SUCH_ACCOUNT' });
    expect(await user('robert@example.com')).toMatchObject({
      forwardings: ['archive@elsewhere.example', 'robert@example.com'],
      aliases: ['bob@example.com'],
    });
    const team = (await api.ok('GET', '/api/alias/team@example.com')) as { members: string[] };
    expect([...team.members].sort()).toEqual(['carol@example.com', 'robert@example.com']);
    // The password moved with the mailbox.
    expect(await verify('robert@example.com', WO_ROTATED)).toBe(true);
    expect((await tf.state())['iredadmin_user.bob']).toMatchObject({
      id: 'robert@example.com',
      email: 'robert@example.com',
    });
    expect((await tf.plan()).code).toBe(0);
  });

  test('invalid values fail at plan, naming the attribute', async () => {
    const bad = workspace();
    bad.write(`
resource "iredadmin_user" "bad" {
  email       = "not-an-email"
  password    = "x"
  password_wo = "y"
  quota       = -1
  language    = "english"
  forwarding  = ["nobody"]
  services    = ["smtp", "telnet"]
  name        = ""
}

resource "iredadmin_user" "self" {
  email      = "self@example.com"
  password   = "Secr3t!pass"
  forwarding = ["Self@Example.com"]
}

# RFC 5322 allows ' in a local part; iRedAdmin-Pro has no route for such an address.
resource "iredadmin_user" "rfc_only" {
  email    = "o'brien@example.com"
  password = "Secr3t!pass"
}`);
    await bad.init();
    const plan = await bad.plan();
    expect(plan.code).toBe(1);
    const out = plan.stderr;
    for (const attribute of ['email', 'quota', 'language', 'forwarding', 'services', 'name']) {
      expect(out).toContain(`Invalid value for "${attribute}"`);
    }
    const unwrapped = out.replace(/[│\s]+/g, ' ');
    expect(unwrapped).toContain(`"o'brien@example.com" is not an email address.`);
    expect(unwrapped).toContain('the part before @ may hold letters, digits and _ - # . + = / &');
    expect(unwrapped).toMatch(/with iredadmin_user\.rfc_only/);
    expect(out).toContain('Conflicting password attributes');
    expect(out).toContain('Forwarding only to the user itself');
    expect(out).toMatch(/on main\.tf line \d+, in resource "iredadmin_user" "bad":/);
  });

  test('creating without a password fails at plan; import of a bad or unknown ID is a clear error', async () => {
    const other = workspace();
    // No password: fine for importing an existing user, an error when it would be created.
    other.write(`
resource "iredadmin_user" "ghost" {
  email = "ghost@example.com"
}`);
    await other.init();
    const plan = await other.plan();
    expect(plan.code).toBe(1);
    expect(plan.stderr).toContain('Missing password or password_wo');
    expect(plan.stderr).toContain('with iredadmin_user.ghost');
    const bad = await other.run(['import', '-no-color', '-input=false', 'iredadmin_user.ghost', 'not-an-email']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('invalid import ID "not-an-email"');
    expect(bad.stderr).toContain('the email address');
    const missing = await other.run([
      'import',
      '-no-color',
      '-input=false',
      'iredadmin_user.ghost',
      'ghost@example.com',
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot import "ghost@example.com"');
  });

  test('a password that breaks several rules fails with each rule and its fix, on the password attribute', async () => {
    const weak = workspace();
    // From a sensitive variable, so terraform's own source snippet does not show the value.
    weak.write(`
variable "weak" {
  type      = string
  sensitive = true
  default   = "lower-case-only"
}

resource "iredadmin_user" "weak" {
  email               = "weak@example.com"
  password_wo         = var.weak
  password_wo_version = 1
}`);
    await weak.init();
    const applied = await weak.run(['apply', '-auto-approve', '-input=false', '-no-color']);
    expect(applied.code).toBe(1);
    const out = applied.stderr.replace(/\s+/g, ' ');
    expect(out).toContain('PW_NO_UPPERCASE, PW_NO_DIGIT_NUMBER (2 problems)');
    expect(out).toContain('- PW_NO_UPPERCASE: Add an upper-case letter (A-Z).');
    expect(out).toContain('- PW_NO_DIGIT_NUMBER: Add a digit (0-9).');
    // The diagnostic points at the attribute the configuration uses.
    expect(out).toMatch(
      /with iredadmin_user\.weak, on main\.tf line \d+, in resource "iredadmin_user" "weak": \d+: password_wo/,
    );
    expect(applied.stdout + applied.stderr).not.toContain('lower-case-only');
    expect(await api.get('/api/user/weak@example.com')).toEqual({ _success: false, _msg: 'NO_SUCH_ACCOUNT' });
  });

  test('destroy removes both users', async () => {
    await tf.destroy();
    expect((await api.get('/api/user/robert@example.com'))._success).toBe(false);
    expect((await api.get('/api/user/carol@example.com'))._success).toBe(false);
  });
});

describe('iredadmin_user email across domains on postgres', () => {
  const mover = (email: string) => `
resource "iredadmin_user" "mover" {
  email    = "${email}"
  password = "Secr3t!pass"
  name     = "Mover"
}`;

  test('a rename within the domain is planned in place; a move to another domain as a replacement', async () => {
    await api.ok('POST', '/api/domain/moved.example');
    const tf = workspace();
    tf.write(mover('mover@example.com'));
    await tf.init();
    await tf.apply();

    tf.write(mover('Mover2@Example.com'));
    const inPlace = await tf.plan();
    expect(inPlace.code).toBe(2);
    expect(inPlace.stdout).toContain('iredadmin_user.mover will be updated in-place');
    expect(inPlace.stdout).not.toContain('must be replaced');
    await tf.apply();
    expect(await user('mover2@example.com')).toMatchObject({ name: 'Mover' });

    // The API answers PERMISSION_DENIED to a change_email into another domain: the plan says replace.
    tf.write(mover('mover2@moved.example'));
    const across = await tf.plan();
    expect(across.code).toBe(2);
    expect(across.stdout).toContain('iredadmin_user.mover must be replaced');
    expect(across.stdout).toMatch(/~ email\s+= "Mover2@Example.com" -> "mover2@moved.example" # forces replacement/);
    await tf.apply();
    expect(await api.get('/api/user/mover2@example.com')).toEqual({ _success: false, _msg: 'NO_SUCH_ACCOUNT' });
    expect(await user('mover2@moved.example')).toMatchObject({ domain: 'moved.example', name: 'Mover' });
    expect((await tf.plan()).code).toBe(0);
    await tf.destroy();
  });
});

describe('iredadmin_user quota the server clamps, on postgres', () => {
  const boxed = (quota: number) => `
resource "iredadmin_user" "boxed" {
  email    = "boxed@clamp.example"
  password = "Secr3t!pass"
  quota    = ${quota}
}`;
  const applyFails = async (tf: TerraformWorkspace) => {
    const r = await tf.run(['apply', '-auto-approve', '-input=false', '-no-color']);
    expect(r.code).toBe(1);
    return r.stderr.replace(/\s+/g, ' ');
  };

  test('a quota above the domain maximum: a clear error on quota naming both values, state = server, never a silent diff', async () => {
    await api.ok('POST', '/api/domain/clamp.example', { maxUserQuota: 100 });
    const tf = workspace();
    tf.write(boxed(50));
    await tf.init();
    await tf.apply();

    // Update: the server stores 100, not 500.
    tf.write(boxed(500));
    const out = await applyFails(tf);
    expect(out).toContain('Error: The server stored a different "quota"');
    expect(out).toContain('The configuration says 500, but the server stored 100');
    expect(out).toMatch(
      /with iredadmin_user\.boxed, on main\.tf line \d+, in resource "iredadmin_user" "boxed": \d+: quota = 500/,
    );
    expect(out).not.toContain('inconsistent result');
    expect(await user('boxed@clamp.example')).toMatchObject({ quota: 100 });
    expect((await tf.state())['iredadmin_user.boxed']).toMatchObject({ quota: 100 });
    // The difference stays visible: every plan shows it until the configuration or the limit changes.
    const plan = await tf.plan();
    expect(plan.code).toBe(2);
    expect(plan.stdout).toMatch(/~ quota\s+= 100 -> 500/);
    tf.write(boxed(80));
    await tf.apply();
    expect((await tf.plan()).code).toBe(0);
    await tf.destroy();

    // Create: the same error; the user exists with what the server stored.
    tf.write(boxed(0));
    const created = await applyFails(tf);
    expect(created).toContain('The configuration says 0, but the server stored 100');
    expect((await tf.state())['iredadmin_user.boxed']).toMatchObject({ quota: 100 });
    await tf.destroy();
  });

  test('an alias address the server does not assign (taken by another account) is an error on aliases, not a silent diff', async () => {
    await api.ok('POST', '/api/alias/taken@clamp.example');
    const tf = workspace();
    tf.write(`
resource "iredadmin_user" "grabber" {
  email    = "grabber@clamp.example"
  password = "Secr3t!pass"
  quota    = 10
  aliases  = ["taken@clamp.example", "free@clamp.example"]
}`);
    await tf.init();
    const out = await applyFails(tf);
    expect(out).toContain('Error: The server stored a different "aliases"');
    expect(out).toContain(
      'The configuration says ["free@clamp.example","taken@clamp.example"], but the server stored ["free@clamp.example"]',
    );
    expect((await tf.state())['iredadmin_user.grabber']).toMatchObject({ aliases: ['free@clamp.example'] });
    await tf.destroy();
  });
});
