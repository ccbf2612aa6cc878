/**
 * A realistic installation, made through the client the way years of hand work would leave it:
 * several domains (one IDN), 200 users with forwardings, alias addresses, services and quotas,
 * aliases, mailing lists with subscribers and moderators, a separate admin, a mail user who
 * administers another domain, throttles, spam policies, white/blacklists and greylisting at every level.
 */
import { IRedAdminClient } from '../../src/client';
import type { TestServer } from '../support/test-server';

export const PASSWORD = 'Seed-Pa55word!';
/** The IDN domain, created by its Unicode name; iRedMail stores (and adopt reads) its punycode form. */
const IDN_UNICODE = 'bücher.example';
export const IDN_DOMAIN = 'xn--bcher-kva.example';

const SEEDED = {
  domains: ['corp.example', 'shop.example', IDN_DOMAIN],
  users: 200,
  aliases: 6,
  lists: 3,
  separateAdmins: 1,
  domainAdmins: 2,
  throttles: 5,
  spamPolicies: 4,
  wblists: 3,
  /** The global setting always exists; a domain and a user have their own. */
  greylisting: 3,
};

/** The object count terraform must import (one resource per object). */
export const SEEDED_OBJECTS =
  SEEDED.domains.length +
  SEEDED.users +
  SEEDED.aliases +
  SEEDED.lists +
  SEEDED.separateAdmins +
  SEEDED.domainAdmins +
  SEEDED.throttles +
  SEEDED.spamPolicies +
  SEEDED.wblists +
  SEEDED.greylisting;

/** corp.example gets 150 people, shop.example 40, the IDN domain 10. */
const PEOPLE: readonly [string, number][] = [
  ['corp.example', 150],
  ['shop.example', 40],
  [IDN_UNICODE, 10],
];
const FIRST = ['jane', 'john', 'mia', 'ada', 'li', 'omar', 'eva', 'noah', 'zoe', 'ivan'];

export function seedClient(server: TestServer): IRedAdminClient {
  return new IRedAdminClient({
    baseUrl: server.url,
    username: server.admin.email,
    password: server.admin.password,
    maxConcurrency: 8,
  });
}

export async function seedInstallation(server: TestServer): Promise<void> {
  const client = seedClient(server);
  try {
    await client.domains.create('corp.example', {
      name: 'Corp Inc.',
      quota: 512000,
      defaultQuota: 1024,
      maxUserQuota: 4096,
    });
    await client.domains.create('shop.example', { name: 'The Shop' });
    await client.domains.create(IDN_UNICODE, { name: 'Bücher' });
    await client.domains.update('shop.example', { catchall: ['orders@shop.example'] });

    const users: string[] = [];
    await Promise.all(
      PEOPLE.flatMap(([domain, n]) =>
        Array.from({ length: n }, async (_, i) => {
          const local = `${FIRST[i % FIRST.length]}.${String(i).padStart(3, '0')}`;
          const email = `${local}@${domain}`;
          users.push(email);
          await client.users.create(email, {
            password: PASSWORD,
            name: `${FIRST[i % FIRST.length]![0]!.toUpperCase()}${FIRST[i % FIRST.length]!.slice(1)} ${i}`,
            ...(i % 5 === 0 ? { quota: 2048 } : {}),
          });
          if (i % 7 === 0) await client.users.update(email, { forwarding: [email, `${local}@home.example`] });
          if (i % 11 === 0) await client.users.update(email, { aliases: [`${local}.alias@${domain}`] });
          if (i % 13 === 0) await client.users.update(email, { services: ['smtp', 'imap', 'deliver'] });
        }),
      ),
    );

    await client.aliases.create('sales@corp.example', {
      name: 'Sales',
      members: ['jane.000@corp.example', 'john.001@corp.example', 'partner@elsewhere.example'],
    });
    await client.aliases.create('support@corp.example', { accessPolicy: 'domain', members: ['mia.002@corp.example'] });
    await client.aliases.create('info@corp.example', { members: ['ada.003@corp.example'] });
    await client.aliases.create('orders@shop.example', {
      name: 'Orders',
      members: ['jane.000@shop.example', 'john.001@shop.example'],
    });
    await client.aliases.create('empty@shop.example', {});
    await client.aliases.create(`kontakt@${IDN_UNICODE}`, { members: [`jane.000@${IDN_UNICODE}`] });

    await client.mailingLists.create('news@corp.example', { name: 'Company news', accessPolicy: 'moderatorsonly' });
    await client.mailingLists.update('news@corp.example', {
      accountStatus: 'active',
      moderators: ['jane.000@corp.example'],
      addSubscribers: users.filter((u) => u.endsWith('@corp.example')).slice(0, 30),
      requireConfirm: false,
    });
    await client.mailingLists.create('team@corp.example', { name: 'Team' });
    await client.mailingLists.update('team@corp.example', {
      accountStatus: 'active',
      addSubscribers: ['john.001@corp.example', 'friend@elsewhere.example'],
      requireConfirm: false,
    });
    await client.mailingLists.create('deals@shop.example');
    await client.mailingLists.update('deals@shop.example', { accountStatus: 'active', maxMessageSize: 1048576 });

    await client.admins.create('helpdesk@admins.example', {
      password: PASSWORD,
      name: 'Help desk',
      maxDomains: 5,
      maxUsers: 500,
    });
    await client.domains.admins.add('corp.example', ['helpdesk@admins.example']);
    await client.domains.admins.add('shop.example', ['helpdesk@admins.example', 'jane.000@corp.example']);

    await client.throttles.set({ global: true }, 'inbound', { period: 60, maxMsgs: 1000 });
    await client.throttles.set({ domain: 'corp.example' }, 'outbound', {
      period: 3600,
      maxMsgs: 500,
      maxQuota: 104857600,
    });
    await client.throttles.set({ domain: 'shop.example' }, 'inbound', { period: 86400, msgSize: 10485760 });
    await client.throttles.set({ user: 'jane.000@corp.example' }, 'outbound', { period: 3600, maxMsgs: 50 });
    await client.throttles.set({ user: 'john.001@shop.example' }, 'inbound', { period: 60, maxMsgs: -1 });

    await client.spamPolicies.set({ global: true }, { quarantineSpam: true, spamScore: 6 });
    await client.spamPolicies.set({ domain: 'corp.example' }, { prefixSpamInSubject: true, spamScore: 5 });
    await client.spamPolicies.set({ domain: IDN_UNICODE }, { bypassVirusChecks: true, quarantineVirus: false });
    await client.spamPolicies.set({ user: 'mia.002@corp.example' }, { bypassSpamChecks: true });

    await client.wblist.add({ global: true }, 'inbound', 'blacklist', ['@spam.example']);
    await client.wblist.add({ domain: 'corp.example' }, 'inbound', 'whitelist', ['@partner.example']);
    await client.wblist.add({ domain: 'corp.example' }, 'inbound', 'blacklist', ['198.51.100.7']);
    await client.wblist.add({ user: 'jane.000@corp.example' }, 'outbound', 'blacklist', ['rival@competitor.example']);
    await client.greylisting.setStatus({ domain: 'shop.example' }, 'disabled');
    await client.greylisting.setStatus({ user: 'mia.002@corp.example' }, 'enabled');
    await client.greylisting.setWhitelist({ user: 'mia.002@corp.example' }, ['@bank.example']);
  } finally {
    await client.close();
  }
}
