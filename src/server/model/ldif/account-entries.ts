/**
 * Mail users, separate admins, aliases and mailing lists as iRedMail's LDAP edition stores
 * them. Passwords are never exported (no userPassword), whatever the account.
 */
import type { Queryable } from '../../db/database';
import { isSwitchOn } from '../users/services';
import { accountSettings, accountStatus, daysSinceEpoch, generalizedTime, type LdifEntry } from './format';
import { accountDn, adminDn } from './tree';
import { arrayOf, sql } from '../../db/sql';

type Row = Record<string, unknown>;

const text = (v: unknown) => (v === null || v === undefined ? undefined : String(v));
const localPart = (mail: string) => mail.slice(0, mail.lastIndexOf('@'));

type Attributes = LdifEntry['attributes'];

/** What every non-user account starts with: its object class, address, name (the local part when none) and status. */
function identity(objectClass: string, mail: string, row: Row): Attributes {
  return [
    ['objectClass', objectClass],
    ['mail', mail],
    ['cn', text(row.name) || localPart(mail)],
    ['accountStatus', accountStatus(row.active)],
  ];
}

/**
 * SQL's per-service columns (`enable<name>` = 1) become enabledService values. `mail`, and the
 * LDAP-only switches for features the SQL edition always has on, come first.
 */
const LDAP_ONLY_SERVICES = [
  'mail',
  'forward',
  'senderbcc',
  'recipientbcc',
  'shadowaddress',
  'displayedInGlobalAddressBook',
];

function enabledServices(row: Row): string[] {
  const fromColumns = Object.keys(row)
    .filter((k) => k.startsWith('enable') && isSwitchOn(row[k]))
    .map((k) => k.slice('enable'.length))
    .sort();
  return [...LDAP_ONLY_SERVICES, ...fromColumns];
}

/**
 * iRedMail keeps mail in `<storagebasedirectory>/<storagenode>/<maildir>`; LDAP splits it into
 * storageBaseDirectory, mailMessageStore (`<node>/<maildir>`) and homeDirectory (the whole path).
 */
function storage(row: Row): Array<[string, string]> {
  const base = String(row.storagebasedirectory ?? '').replace(/\/+$/, '');
  const store = [row.storagenode, row.maildir]
    .map((p) => String(p ?? '').replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/');
  return [
    ['storageBaseDirectory', base],
    ['mailMessageStore', store],
    ['homeDirectory', [base, store].filter(Boolean).join('/')],
  ];
}

export async function userEntry(q: Queryable, mail: string): Promise<LdifEntry | null> {
  const rows = await q.query<Row>(sql`SELECT m.*,
       ${arrayOf('alias_addresses', 'address', 'FROM forwardings WHERE forwarding = m.username AND is_alias = 1')},
       ${arrayOf('forwardings', 'forwarding', 'FROM forwardings WHERE address = m.username AND is_forwarding = 1')},
       ${arrayOf('groups', 'address', 'FROM forwardings WHERE forwarding = m.username AND is_list = 1')},
       (SELECT bcc_address FROM sender_bcc_user WHERE username = m.username) AS sender_bcc,
       (SELECT bcc_address FROM recipient_bcc_user WHERE username = m.username) AS recipient_bcc,
       (SELECT relayhost FROM sender_relayhost WHERE account = m.username) AS relayhost
     FROM mailbox m WHERE m.username = ${mail}`);
  const row = rows[0];
  if (!row) return null;
  const uid = localPart(mail);
  // Every SQL mailbox forwards to itself (local delivery); LDAP lists forwardings only when
  // there are real ones, with the user's own address meaning "keep a copy".
  const forwardings = row.forwardings as string[];
  const services = enabledServices(row);
  if (Number(row.isadmin) === 1) services.push('domainadmin');
  return {
    dn: accountDn(mail, String(row.domain), 'Users'),
    attributes: [
      ['objectClass', ['inetOrgPerson', 'mailUser', 'shadowAccount', 'amavisAccount']],
      ['mail', mail],
      ['uid', uid],
      ['cn', text(row.name) || uid],
      ['sn', uid],
      ['accountStatus', accountStatus(row.active)],
      // SQL keeps MB; LDAP keeps bytes (0 = unlimited in both).
      ['mailQuota', Number(row.quota) * 1024 * 1024],
      ...storage(row),
      ['mailboxFormat', text(row.mailboxformat)],
      ['mailboxFolder', text(row.mailboxfolder)],
      ['preferredLanguage', text(row.language)],
      ['employeeNumber', text(row.employeeid)],
      ['mtaTransport', text(row.transport)],
      ['enabledService', services],
      ['domainGlobalAdmin', Number(row.isglobaladmin) === 1 ? 'yes' : undefined],
      ['shadowAddress', row.alias_addresses as string[]],
      ['mailForwardingAddress', forwardings.some((f) => f !== mail) ? forwardings : []],
      ['memberOfGroup', row.groups as string[]],
      ['userSenderBccAddress', text(row.sender_bcc)],
      ['userRecipientBccAddress', text(row.recipient_bcc)],
      ['senderRelayHost', text(row.relayhost)],
      ['allowNets', text(row.allow_nets)],
      ['shadowLastChange', daysSinceEpoch(text(row.passwordlastchange))],
      ['expiredDate', generalizedTime(text(row.expired))],
      ['amavisLocal', 'TRUE'],
      ['accountSetting', accountSettings(text(row.settings))],
    ],
  };
}

/** A separate admin (`admin` table); mail users with admin rights are exported as users. */
export async function adminEntry(q: Queryable, mail: string): Promise<LdifEntry | null> {
  const rows = await q.query<Row>(sql`SELECT a.*, EXISTS (SELECT 1 FROM domain_admins d WHERE d.username = a.username
        AND d.domain = 'ALL') AS is_global
       FROM admin a WHERE a.username = ${mail}`);
  const row = rows[0];
  if (!row) return null;
  return {
    dn: adminDn(mail),
    attributes: [
      ...identity('mailAdmin', mail, row),
      ['preferredLanguage', text(row.language)],
      ['domainGlobalAdmin', row.is_global ? 'yes' : 'no'],
      ['shadowLastChange', daysSinceEpoch(text(row.passwordlastchange))],
      ['expiredDate', generalizedTime(text(row.expired))],
      ['accountSetting', accountSettings(text(row.settings))],
    ],
  };
}

export async function aliasEntry(q: Queryable, mail: string): Promise<LdifEntry | null> {
  const rows = await q.query<Row>(sql`SELECT a.*,
       ${arrayOf('members', 'forwarding', 'FROM forwardings WHERE address = a.address AND is_list = 1')},
       ${arrayOf('moderators', 'moderator', 'FROM moderators WHERE address = a.address')}
     FROM alias a WHERE a.address = ${mail}`);
  const row = rows[0];
  if (!row) return null;
  return {
    dn: accountDn(mail, String(row.domain), 'Aliases'),
    attributes: [
      ...identity('mailAlias', mail, row),
      ['accessPolicy', text(row.accesspolicy)],
      ['enabledService', ['mail', 'deliver']],
      ['mailForwardingAddress', row.members as string[]],
      ['listModerator', row.moderators as string[]],
      ['expiredDate', generalizedTime(text(row.expired))],
    ],
  };
}

/** An mlmmj mailing list (`maillists`); its subscribers live in mlmmj, not in SQL. */
export async function mailingListEntry(q: Queryable, mail: string): Promise<LdifEntry | null> {
  const rows =
    await q.query<Row>(sql`SELECT l.*, ${arrayOf('moderators', 'moderator', 'FROM moderators WHERE address = l.address')}
       FROM maillists l WHERE l.address = ${mail}`);
  const row = rows[0];
  if (!row) return null;
  const maxSize = Number(row.maxmsgsize);
  return {
    dn: accountDn(mail, String(row.domain), 'Groups'),
    attributes: [
      ...identity('mailList', mail, row),
      ['description', text(row.description)],
      ['accessPolicy', text(row.accesspolicy)],
      ['mailingListID', text(row.mlid)],
      ['mtaTransport', text(row.transport)],
      ['maxMessageSize', maxSize > 0 ? maxSize : undefined],
      ['enabledService', ['mail', 'deliver']],
      ['listModerator', row.moderators as string[]],
      ['expiredDate', generalizedTime(text(row.expired))],
      ['accountSetting', accountSettings(text(row.settings))],
    ],
  };
}
