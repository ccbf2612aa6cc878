/**
 * Example Inc.'s mail as a CDKTF stack: the domain with its limits and catch-all, a mailbox per
 * person of PEOPLE, team aliases whose members are those user resources, a company newsletter,
 * outbound throttles, a spam policy, inbound white/blacklists and greylisting. Same organisation as
 * examples/terraform/main.tf.
 *
 * The provider reads its connection from IREDADMIN_URL / IREDADMIN_USERNAME / IREDADMIN_PASSWORD.
 * User passwords come from the sensitive, ephemeral variable `user_passwords`
 * (TF_VAR_user_passwords='{"jane":"…",…}') into write-only attributes: they appear in neither
 * the synthesized JSON, the plan nor the state.
 */
import { App, Fn, LocalBackend, PgBackend, TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import type { Construct } from 'constructs';
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
import { PEOPLE, type Person, type Team } from './people';

export const STACK_NAME = 'example-mail';

export interface ExampleMailOptions {
  readonly people?: readonly Person[];
  /** Where the local backend keeps the state; relative paths are relative to the stack's directory in cdktf.out. */
  readonly statePath?: string;
  /**
   * Team state: a PostgreSQL connection string for Terraform's built-in `pg` backend, which
   * locks the state so two people cannot apply at once. Unset: the local backend.
   */
  readonly teamStatePgUrl?: string;
}

export class ExampleMailStack extends TerraformStack {
  readonly domain: Domain;
  readonly users: ReadonlyMap<string, User>;

  constructor(scope: Construct, id: string, options: ExampleMailOptions = {}) {
    super(scope, id);
    const people = options.people ?? PEOPLE;
    // Explicit and relative: cdktf's default is an absolute path, which breaks moving the project.
    // Terraform runs in <output>/stacks/<id>, so this puts the state beside the output directory
    // (the project root for the default cdktf.out), where `rm -rf cdktf.out` cannot lose it.
    if (options.teamStatePgUrl)
      new PgBackend(this, { connStr: options.teamStatePgUrl, schemaName: `terraform_${id.replace(/\W/g, '_')}` });
    else new LocalBackend(this, { path: options.statePath ?? `../../../terraform.${id}.tfstate` });
    new IredadminProvider(this, 'iredadmin', {});

    const domainName = new TerraformVariable(this, 'domain', { type: 'string', default: 'example.com' });
    const domainQuota = new TerraformVariable(this, 'domain_quota_mb', {
      type: 'number',
      default: 10240,
      description: 'Mailbox quota of the whole domain, in MB.',
    });
    const passwords = new TerraformVariable(this, 'user_passwords', {
      type: 'map(string)',
      sensitive: true,
      description: 'Initial password of each person, by login.',
    });
    const adminEmail = new TerraformVariable(this, 'admin_email', {
      type: 'string',
      default: 'it-admin@example.net',
      description:
        "Login of the IT department's separate admin account: outside the hosted domains (iRedAdmin-Pro refuses one inside them).",
    });
    const adminPassword = new TerraformVariable(this, 'admin_password', {
      type: 'string',
      sensitive: true,
      description: "Password of the IT department's domain admin account.",
    });
    // cdktf 0.21 has no `ephemeral` option yet; Terraform ≥ 1.10 keeps ephemeral values out of plan and state.
    for (const secret of [passwords, adminPassword]) secret.addOverride('ephemeral', true);

    this.domain = new Domain(this, 'main', {
      domain: domainName.stringValue,
      name: 'Example Inc.',
      quota: domainQuota.numberValue,
      defaultQuota: 1024,
      maxUserQuota: 4096,
      maxUsers: 100,
      maxAliases: 50,
      maxLists: 10,
      language: 'en_US',
      catchall: [`postmaster@${domainName.stringValue}`],
      // Normal domain admins may not change bcc and relay settings.
      disabledDomainProfiles: ['bcc', 'relay'],
    });
    const at = (local: string) => `${local}@${this.domain.domain}`;

    const users = new Map<string, User>();
    for (const person of people) {
      const forwarding = person.forwardTo ? [at(person.login), ...person.forwardTo] : undefined;
      users.set(
        person.login,
        new User(this, `user_${person.login}`, {
          email: at(person.login),
          name: person.name,
          quota: person.quotaMb,
          passwordWo: Fn.lookup(passwords.value, person.login),
          // Bump to send passwordWo again (a rotation); the password itself is never compared.
          passwordWoVersion: 1,
          ...(person.aliases ? { aliases: person.aliases.map(at) } : {}),
          ...(forwarding ? { forwarding } : {}),
        }),
      );
    }
    this.users = users;
    // The IT department runs the domain through a separate admin account with its own limits (its
    // address lies outside the hosted domains), together with the managing director's mailbox: a
    // mail user of the domain becomes its admin through DomainAdmins.
    const itAdmin = new Admin(this, 'it_admin', {
      email: adminEmail.stringValue,
      name: 'IT department',
      passwordWo: adminPassword.stringValue,
      passwordWoVersion: 1,
      maxUsers: 200,
      maxAliases: 100,
      maxLists: 20,
    });
    new DomainAdmins(this, 'domain_admins', {
      domain: this.domain.domain,
      admins: [itAdmin.email, ...people.filter((p) => p.team === 'management').map((p) => users.get(p.login)!.email)],
    });

    const emailsOf = (team?: Team) =>
      people.filter((p) => team === undefined || p.team === team).map((p) => users.get(p.login)!.email);

    for (const team of ['sales', 'engineering'] as const) {
      new Alias(this, `team_${team}`, {
        email: at(team),
        name: `${team[0]!.toUpperCase()}${team.slice(1)} team`,
        members: emailsOf(team),
      });
    }
    new Alias(this, 'everyone', {
      email: at('everyone'),
      name: 'Everyone',
      accessPolicy: 'domain',
      members: emailsOf(),
    });

    new Maillist(this, 'news', {
      email: at('news'),
      name: 'Company news',
      accessPolicy: 'moderatorsonly',
      members: emailsOf(),
      moderators: emailsOf('management'),
      owners: emailsOf('management'),
      isNewsletter: true,
      newsletterDescription: 'What happens at Example Inc., once a month.',
    });

    new Throttle(this, 'domain_outbound', {
      target: this.domain.domain,
      direction: 'outbound',
      period: 3600,
      maxMsgs: 1000,
    });
    for (const person of people.filter((p) => p.maxMessagesPerHour !== undefined)) {
      new Throttle(this, `outbound_${person.login}`, {
        target: users.get(person.login)!.email,
        direction: 'outbound',
        period: 3600,
        maxMsgs: person.maxMessagesPerHour,
      });
    }

    new Spampolicy(this, 'domain_spam', {
      target: this.domain.domain,
      quarantineSpam: true,
      quarantineVirus: true,
      prefixSpamInSubject: true,
      spamScore: 6,
    });

    // Mail from the partner and the office network is never spam; a known spammer's domain is refused.
    new Wblist(this, 'domain_inbound_lists', {
      target: this.domain.domain,
      direction: 'inbound',
      whitelist: ['@partner.example', '192.0.2.0/24'],
      blacklist: ['@spam.example'],
    });
    // Greylisting stays on for the domain, except for the partner's mail servers.
    new Greylisting(this, 'domain_greylisting', {
      target: this.domain.domain,
      enabled: true,
      whitelistedSenders: ['@partner.example'],
    });

    new TerraformOutput(this, 'domain_id', { value: this.domain.id });
    new TerraformOutput(this, 'mailboxes', { value: emailsOf() });
  }
}

if (require.main === module) {
  const app = new App();
  // TEAM_STATE_PG_URL=postgres://… keeps the state in PostgreSQL, locked while anyone applies.
  new ExampleMailStack(app, STACK_NAME, { teamStatePgUrl: process.env.TEAM_STATE_PG_URL });
  app.synth();
}
