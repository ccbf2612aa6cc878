/**
 * The example CDKTF stack, synthesized in memory with cdktf's Testing helpers: what it creates,
 * that no secret is in the synthesized JSON, and (with the provider in a filesystem mirror,
 * as users install it) that terraform itself finds the result valid.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Testing } from 'cdktf';
// The matchers' types (Testing.setupJest adds them at run time).
import type {} from 'cdktf/lib/testing/adapters/jest';
import {
  Admin,
  Alias,
  Domain,
  DomainAdmins,
  Greylisting,
  IredadminProvider,
  Maillist,
  Spampolicy,
  Throttle,
  User,
  Wblist,
} from '../../constructs';
import { ExampleMailStack, STACK_NAME } from '../../examples/cdktf/main';
import { PEOPLE } from '../../examples/cdktf/people';
import { mirrorCliConfig } from '../../scripts/cdktf-cli';
import { buildProviderMirror } from '../support/terraform';

Testing.setupJest();

const stack = new ExampleMailStack(Testing.app(), STACK_NAME);
const synthesized = Testing.synth(stack);

interface Synthesized {
  variable: Record<string, Record<string, unknown>>;
  resource: Record<string, Record<string, Record<string, unknown>>>;
}
const doc = JSON.parse(synthesized) as Synthesized;

test('snapshot of the synthesized stack', () => {
  expect(synthesized).toMatchSnapshot();
});

test('no password in the synthesized JSON: they come from an ephemeral sensitive variable', () => {
  expect(doc.variable.user_passwords).toMatchObject({ type: 'map(string)', sensitive: true, ephemeral: true });
  expect(doc.variable.user_passwords).not.toHaveProperty('default');
  expect(doc.variable.admin_password).toMatchObject({ type: 'string', sensitive: true, ephemeral: true });
  expect(synthesized).toHaveResourceWithProperties(Admin, { password_wo: '${var.admin_password}' });
  for (const user of Object.values(doc.resource.iredadmin_user!)) {
    expect(user).toMatchObject({ password_wo: expect.stringMatching(/^\$\{var\.user_passwords\.\w+\}$/) });
    expect(user).not.toHaveProperty('password');
  }
  expect(synthesized).not.toMatch(/"password"\s*:/);
  expect(synthesized).not.toMatch(/pass(word)?\d|secret/i);
});

test('the provider and the domain with its limits', () => {
  expect(synthesized).toHaveProvider(IredadminProvider);
  expect(synthesized).toHaveResourceWithProperties(Domain, {
    domain: '${var.domain}',
    quota: '${var.domain_quota_mb}',
    max_users: 100,
    catchall: ['postmaster@${var.domain}'],
  });
});

test('a separate admin account and the managing director run the domain', () => {
  expect(synthesized).toHaveResourceWithProperties(DomainAdmins, {
    domain: '${iredadmin_domain.main.domain}',
    admins: ['${iredadmin_admin.it_admin.email}', '${iredadmin_user.user_jane.email}'],
  });
});

test('one user per person of the typed list', () => {
  expect(Object.keys(doc.resource.iredadmin_user!)).toHaveLength(PEOPLE.length);
  for (const person of PEOPLE) {
    expect(synthesized).toHaveResourceWithProperties(User, {
      email: `${person.login}@\${iredadmin_domain.main.domain}`,
      name: person.name,
      quota: person.quotaMb,
    });
  }
  expect(synthesized).toHaveResourceWithProperties(User, {
    email: 'john@${iredadmin_domain.main.domain}',
    forwarding: ['john@${iredadmin_domain.main.domain}', 'john.roe@partner.example'],
  });
});

test('aliases and the newsletter reference the user resources', () => {
  expect(synthesized).toHaveResourceWithProperties(Alias, {
    email: 'sales@${iredadmin_domain.main.domain}',
    members: ['${iredadmin_user.user_john.email}', '${iredadmin_user.user_mia.email}'],
  });
  expect(synthesized).toHaveResourceWithProperties(Maillist, {
    email: 'news@${iredadmin_domain.main.domain}',
    is_newsletter: true,
    owners: ['${iredadmin_user.user_jane.email}'],
  });
});

test('throttles and the spam policy', () => {
  expect(synthesized).toHaveResourceWithProperties(Throttle, {
    target: '${iredadmin_domain.main.domain}',
    direction: 'outbound',
    max_msgs: 1000,
  });
  expect(synthesized).toHaveResourceWithProperties(Throttle, {
    target: '${iredadmin_user.user_john.email}',
    max_msgs: 200,
  });
  expect(synthesized).toHaveResourceWithProperties(Spampolicy, {
    target: '${iredadmin_domain.main.domain}',
    spam_score: 6,
  });
});

test("the domain's inbound white/blacklists and greylisting", () => {
  expect(synthesized).toHaveResourceWithProperties(Wblist, {
    target: '${iredadmin_domain.main.domain}',
    direction: 'inbound',
    whitelist: ['@partner.example', '192.0.2.0/24'],
    blacklist: ['@spam.example'],
  });
  expect(synthesized).toHaveResourceWithProperties(Greylisting, {
    target: '${iredadmin_domain.main.domain}',
    enabled: true,
    whitelisted_senders: ['@partner.example'],
  });
});

describe('terraform validate with the provider in a filesystem mirror', () => {
  let mirror: string;
  let home: string;
  beforeAll(async () => {
    mirror = await buildProviderMirror();
    home = mkdtempSync(join(tmpdir(), 'iredadmin-cdktf-home-'));
    const cliConfig = join(home, '.terraformrc');
    writeFileSync(cliConfig, mirrorCliConfig(mirror));
    // toBeValidTerraform runs `terraform init` + `validate` with this (jest's) process.env.
    Object.assign(process.env, { TF_CLI_CONFIG_FILE: cliConfig, HOME: home, CHECKPOINT_DISABLE: '1' });
  }, 120_000);
  afterAll(() => {
    rmSync(mirror, { recursive: true, force: true });
    rmSync(home, { recursive: true, force: true });
  });

  test('toBeValidTerraform', () => {
    expect(Testing.fullSynth(new ExampleMailStack(Testing.app(), STACK_NAME))).toBeValidTerraform();
  }, 120_000);
});

test('team state: with a PostgreSQL URL the stack keeps its state in the pg backend (locked applies)', () => {
  const backendOf = (json: string) =>
    (JSON.parse(json) as { terraform?: { backend?: Record<string, Record<string, unknown>> } }).terraform?.backend;
  const team = Testing.synth(
    new ExampleMailStack(Testing.app(), STACK_NAME, { teamStatePgUrl: 'postgres://state@db.internal/terraform' }),
  );
  expect(backendOf(team)).toEqual({
    pg: {
      conn_str: 'postgres://state@db.internal/terraform',
      schema_name: `terraform_${STACK_NAME.replace(/\W/g, '_')}`,
    },
  });
  expect(Object.keys(backendOf(synthesized) ?? {})).toEqual(['local']);
});
