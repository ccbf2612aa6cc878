/**
 * Mail users as GET answers them: the `mailbox` row without `password`, `settings` as an
 * object, plus the addresses related to the user and its mailbox usage. The bcc settings are
 * `sender_bcc_address` / `recipient_bcc_address` (null when none) with `sbcc_active` /
 * `rbcc_active`, as the real product names them. `last_login` is the latest login Dovecot
 * recorded in iRedMail's `last_login` table, by any protocol (null when none). Rows of `GET /api/users/<domain>` carry
 * `last_login` as `{imap, pop3, lda}` (epoch seconds, 0 = never) and `used_quota` as
 * `{bytes, messages}` instead.
 */
import type { Queryable } from '../../db/database';
import { settingsForApi } from '../settings-column';
import { MAILBOX_TEXT_COLUMNS, withEmptyText } from '../text-columns';
import { arrayOf, sql, typed } from '../../db/sql';

/**
 * One statement for any number of users. `forwardings` leaves out a lone self-forwarding
 * row: that row only means "deliver to the mailbox", i.e. no forwarding at all.
 */
const USER_VIEW_SQL = sql`
SELECT m.*,
  ${arrayOf('aliases', 'f.address', 'FROM forwardings f WHERE f.forwarding = m.username AND f.is_alias = 1')},
  ${arrayOf(
    'mailing_aliases',
    'f.address',
    'FROM forwardings f JOIN alias a ON a.address = f.address WHERE f.forwarding = m.username AND f.is_list = 1',
  )},
  ${arrayOf(
    'mailing_lists',
    'f.address',
    'FROM forwardings f JOIN maillists l ON l.address = f.address WHERE f.forwarding = m.username AND f.is_list = 1',
  )},
  ${arrayOf(
    'forwardings',
    'f.forwarding',
    `FROM forwardings f WHERE f.address = m.username AND f.is_forwarding = 1
       AND EXISTS (SELECT 1 FROM forwardings o WHERE o.address = m.username AND o.is_forwarding = 1
                      AND o.forwarding <> m.username)`,
  )},
  NULLIF((SELECT b.bcc_address FROM sender_bcc_user b WHERE b.username = m.username), '') AS sender_bcc_address,
  (SELECT b.active FROM sender_bcc_user b WHERE b.username = m.username AND b.bcc_address <> '') AS sbcc_active,
  NULLIF((SELECT b.bcc_address FROM recipient_bcc_user b WHERE b.username = m.username), '') AS recipient_bcc_address,
  (SELECT b.active FROM recipient_bcc_user b WHERE b.username = m.username AND b.bcc_address <> '') AS rbcc_active,
  COALESCE(q.bytes, 0) AS stored_bytes,
  COALESCE(q.messages, 0) AS stored_messages,
  COALESCE(ll.imap, 0) AS last_login_imap,
  COALESCE(ll.pop3, 0) AS last_login_pop3,
  COALESCE(ll.lda, 0) AS last_login_lda,
  ${arrayOf('managed_domains', 'd.domain', 'FROM domain_admins d WHERE d.username = m.username')}
FROM mailbox m
  LEFT JOIN used_quota q ON q.username = m.username
  LEFT JOIN last_login ll ON ll.username = m.username AND ll.domain = m.domain`;

type UserRow = Record<string, unknown> & {
  username: string;
  isadmin: number;
  isglobaladmin: number;
  settings: string;
  stored_bytes: number | string;
  stored_messages: number | string;
  last_login_imap: number | string;
  last_login_pop3: number | string;
  last_login_lda: number | string;
};

/** Protocols whose last login the product reports, each as epoch seconds (0 = never). */
const LOGIN_PROTOCOLS = ['imap', 'pop3', 'lda'] as const;

/** `{imap, pop3, lda}` from Dovecot's `last_login` row of the user (epoch seconds, 0 = never). */
function lastLoginByProtocol(row: UserRow): Record<string, number> {
  return Object.fromEntries(LOGIN_PROTOCOLS.map((p) => [p, Number(row[`last_login_${p}`])]));
}

/** The latest login by any protocol as a naive UTC datetime (`2024-05-06T07:08:09`), null when never. */
function latestLogin(row: UserRow): string | null {
  const latest = Math.max(...LOGIN_PROTOCOLS.map((p) => Number(row[`last_login_${p}`])));
  return latest > 0 ? new Date(latest * 1000).toISOString().slice(0, 19) : null;
}

/** A row of `GET /api/users/<domain>`: usage and last logins as the real product shapes them. */
function presentListRow(row: UserRow): Record<string, unknown> {
  const { stored_bytes, stored_messages, last_login: _single, ...view } = present(row);
  return {
    ...view,
    last_login: lastLoginByProtocol(row),
    used_quota: { bytes: Number(stored_bytes), messages: Number(stored_messages) },
  };
}

function present(row: UserRow): Record<string, unknown> {
  const {
    password: _hidden,
    managed_domains,
    last_login_imap: _imap,
    last_login_pop3: _pop3,
    last_login_lda: _lda,
    ...rest
  } = row;
  const view: Record<string, unknown> = {
    ...withEmptyText(rest, MAILBOX_TEXT_COLUMNS),
    settings: settingsForApi(row.settings),
    last_login: latestLogin(row),
  };
  if (row.isadmin === 1 || row.isglobaladmin === 1) view.managed_domains = managed_domains;
  return view;
}

export async function readUser(q: Queryable, email: string): Promise<Record<string, unknown> | null> {
  const rows = await q.query<UserRow>(sql`${USER_VIEW_SQL} WHERE m.username = ${email}`);
  return rows[0] ? present(rows[0]) : null;
}

export async function readDomainUsers(
  q: Queryable,
  domain: string,
  disabledOnly: boolean,
): Promise<Record<string, unknown>[]> {
  const rows = await q.query<UserRow>(
    sql`${USER_VIEW_SQL} WHERE m.domain = ${domain} AND (${typed(disabledOnly, 'boolean')} IS NOT TRUE OR m.active = 0)
        ORDER BY m.username`,
  );
  return rows.map(presentListRow);
}

export async function domainUserEmails(q: Queryable, domain: string, disabledOnly: boolean): Promise<string[]> {
  const rows = await q.query<{ username: string }>(
    sql`SELECT username FROM mailbox WHERE domain = ${domain} AND (${typed(disabledOnly, 'boolean')} IS NOT TRUE OR active = 0)
        ORDER BY username`,
  );
  return rows.map((r) => r.username);
}
