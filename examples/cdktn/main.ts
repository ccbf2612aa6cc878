/**
 * Example Inc.'s mail on CDK Terrain (cdktn), as an infrastructure repository writes it after
 * `npm install cdktn constructs` and `npm install iredadmin-cdktn`: the domain, a mailbox per
 * person of PEOPLE (the same list as the cdktf example), team aliases whose members are those
 * user resources, and the domain's outbound throttle. examples/cdktf/main.ts is the whole
 * organisation on cdktf; the bindings differ only in the library they import.
 *
 * The provider reads its connection from IREDADMIN_URL / IREDADMIN_USERNAME / IREDADMIN_PASSWORD;
 * passwords come from the sensitive, ephemeral variable `user_passwords`
 * (TF_VAR_user_passwords='{"jane":"…",…}') into write-only attributes.
 * test/packaging/consumer.e2e.test.ts deploys it with the cdktn CLI from the packed package.
 */
import { App, Fn, LocalBackend, TerraformOutput, TerraformStack, TerraformVariable } from 'cdktn';
import type { Construct } from 'constructs';
import { Alias, Domain, IredadminProvider, Throttle, User } from 'iredadmin-cdktn';
import { PEOPLE, type Person } from '../cdktf/people';

const CDKTN_STACK_NAME = 'example-mail-cdktn';

class ExampleMailCdktnStack extends TerraformStack {
  constructor(scope: Construct, id: string, people: readonly Person[] = PEOPLE) {
    super(scope, id);
    // Relative, beside the output directory (cdktn's default is an absolute path).
    new LocalBackend(this, { path: `../../../terraform.${id}.tfstate` });
    new IredadminProvider(this, 'iredadmin', {});

    const passwords = new TerraformVariable(this, 'user_passwords', {
      type: 'map(string)',
      sensitive: true,
      description: 'Initial password of each person, by login.',
    });
    // Terraform ≥ 1.10 keeps ephemeral values out of plan and state.
    passwords.addOverride('ephemeral', true);

    const domain = new Domain(this, 'main', { domain: 'example.com', name: 'Example Inc.', quota: 10240 });
    const users = people.map(
      (person) =>
        new User(this, `user_${person.login}`, {
          email: `${person.login}@${domain.domain}`,
          name: person.name,
          quota: person.quotaMb,
          passwordWo: Fn.lookup(passwords.value, person.login),
          passwordWoVersion: 1,
        }),
    );
    for (const team of new Set(people.map((person) => person.team))) {
      new Alias(this, `team_${team}`, {
        email: `${team}@${domain.domain}`,
        members: users.filter((_, i) => people[i]!.team === team).map((user) => user.email),
      });
    }
    new Throttle(this, 'domain_outbound', {
      target: domain.domain,
      direction: 'outbound',
      period: 3600,
      maxMsgs: 1000,
    });

    new TerraformOutput(this, 'mailboxes', { value: users.map((user) => user.email) });
  }
}

const app = new App();
new ExampleMailCdktnStack(app, CDKTN_STACK_NAME);
app.synth();
