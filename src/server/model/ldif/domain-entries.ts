/**
 * A domain and its catch-all, read from iRedMail's SQL tables and shaped as the LDAP
 * edition's entries (objectClass mailDomain; the catch-all is a mailUser `mail=@domain`).
 */
import type { Queryable } from '../../db/database';
import { parseSettings, settingList } from '../settings-column';
import { accountSettings, accountStatus, generalizedTime, type LdifEntry } from './format';
import { accountDn, containerDn, DOMAIN_CONTAINERS, domainDn } from './tree';
import { arrayOf, sql } from '../../db/sql';

interface DomainExportRow {
  domain: string;
  description: string;
  disclaimer: string;
  transport: string;
  backupmx: number;
  active: number;
  mailboxes: number;
  aliases: number;
  maillists: number;
  /** The API's domain quota (MB). */
  maxquota: number;
  settings: string;
  expired: string;
  sender_bcc: string | null;
  recipient_bcc: string | null;
  relayhost: string | null;
  alias_domains: string[];
  admins: string[];
  [column: string]: unknown;
}

const positive = (n: number) => (n > 0 ? n : undefined);

/** The domain entry and its three containers, or null when the domain does not exist. */
export async function domainEntries(q: Queryable, domain: string): Promise<LdifEntry[] | null> {
  const rows = await q.query<DomainExportRow>(sql`SELECT d.*,
       (SELECT bcc_address FROM sender_bcc_domain WHERE domain = d.domain) AS sender_bcc,
       (SELECT bcc_address FROM recipient_bcc_domain WHERE domain = d.domain) AS recipient_bcc,
       (SELECT relayhost FROM sender_relayhost WHERE account = '@' || d.domain) AS relayhost,
       ${arrayOf('alias_domains', 'alias_domain', 'FROM alias_domain WHERE target_domain = d.domain')},
       ${arrayOf('admins', 'username', 'FROM domain_admins WHERE domain = d.domain')}
     FROM domain d WHERE d.domain = ${domain}`);
  const row = rows[0];
  if (!row) return null;
  const settings = parseSettings(row.settings);
  const entry: LdifEntry = {
    dn: domainDn(domain),
    attributes: [
      ['objectClass', 'mailDomain'],
      ['domainName', domain],
      ['cn', row.description || domain],
      ['accountStatus', accountStatus(row.active)],
      ['mtaTransport', row.transport],
      ['domainBackupMX', row.backupmx === 1 ? 'yes' : 'no'],
      ['enabledService', ['mail', ...settingList(settings, 'enabled_services')]],
      ['domainAliasName', row.alias_domains],
      ['domainAdmin', row.admins],
      ['domainSenderBccAddress', row.sender_bcc],
      ['domainRecipientBccAddress', row.recipient_bcc],
      ['senderRelayHost', row.relayhost],
      // Limits as SQL keeps them (0 = unlimited is left out); quotas in MB.
      ['domainMaxQuotaSize', positive(Number(row.maxquota))],
      ['domainMaxUserNumber', positive(Number(row.mailboxes))],
      ['domainMaxAliasNumber', positive(Number(row.aliases))],
      ['domainMaxListNumber', positive(Number(row.maillists))],
      ['domainDefaultUserQuota', settings.default_user_quota],
      ['disclaimer', row.disclaimer],
      ['expiredDate', generalizedTime(row.expired)],
      ['accountSetting', accountSettings(row.settings)],
    ],
  };
  const containers: LdifEntry[] = DOMAIN_CONTAINERS.map((ou) => ({
    dn: containerDn(domain, ou),
    attributes: [
      ['objectClass', 'organizationalUnit'],
      ['ou', ou],
    ],
  }));
  return [entry, ...containers];
}

/** The catch-all (a `forwardings` row whose address is the bare domain), or null when none. */
export async function catchallEntry(q: Queryable, domain: string): Promise<LdifEntry | null> {
  const rows = await q.query<{ forwarding: string }>(
    sql`SELECT forwarding FROM forwardings WHERE address = ${domain} ORDER BY forwarding`,
  );
  if (!rows.length) return null;
  const mail = `@${domain}`;
  return {
    dn: accountDn(mail, domain, 'Users'),
    attributes: [
      ['objectClass', ['inetOrgPerson', 'mailUser']],
      ['mail', mail],
      ['uid', mail],
      ['cn', 'catch-all'],
      ['sn', 'catch-all'],
      ['accountStatus', 'active'],
      ['enabledService', ['mail', 'deliver']],
      ['mailForwardingAddress', rows.map((r) => r.forwarding)],
    ],
  };
}
