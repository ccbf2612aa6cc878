/**
 * Mail users as GET answers them: the `mailbox` row without `password`, `settings` as an
 * object, plus the addresses related to the user and its mailbox usage (`sbcc_addr` and
 * `rbcc_addr` as in the domain view, so bcc settings can be read back).
 */
import type { Queryable } from '../db/database';
import { settingsForApi } from './settings-column';

/**
 * One statement for any number of users. `forwardings` leaves out a lone self-forwarding
 * row: that row only means "deliver to the mailbox", i.e. no forwarding at all.
 */
const USER_VIEW_SQL = `
SELECT m.*,
  btrim(m.lastloginprotocol) AS lastloginprotocol,
  ARRAY(SELECT f.address FROM forwardings f
         WHERE f.forwarding = m.username AND f.is_alias = 1 ORDER BY f.address) AS aliases,
  ARRAY(SELECT f.address FROM forwardings f JOIN alias a ON a.address = f.address
         WHERE f.forwarding = m.username AND f.is_list = 1 ORDER BY f.address) AS mailing_aliases,
  ARRAY(SELECT f.address FROM forwardings f JOIN maillists l ON l.address = f.address
         WHERE f.forwarding = m.username AND f.is_list = 1 ORDER BY f.address) AS mailing_lists,
  ARRAY(SELECT f.forwarding FROM forwardings f
         WHERE f.address = m.username AND f.is_forwarding = 1
           AND EXISTS (SELECT 1 FROM forwardings o WHERE o.address = m.username AND o.is_forwarding = 1
                          AND o.forwarding <> m.username)
         ORDER BY f.forwarding) AS forwardings,
  COALESCE((SELECT b.bcc_address FROM sender_bcc_user b WHERE b.username = m.username), '') AS sbcc_addr,
  COALESCE((SELECT b.bcc_address FROM recipient_bcc_user b WHERE b.username = m.username), '') AS rbcc_addr,
  COALESCE(q.bytes, 0) AS stored_bytes,
  COALESCE(q.messages, 0) AS stored_messages,
  CASE WHEN btrim(m.lastloginprotocol) <> '' THEN m.lastlogindate END AS last_login,
  ARRAY(SELECT d.domain FROM domain_admins d WHERE d.username = m.username ORDER BY d.domain) AS managed_domains
FROM mailbox m LEFT JOIN used_quota q ON q.username = m.username`;

type UserRow = Record<string, unknown> & { username: string; isadmin: number; isglobaladmin: number; settings: string };

function present(row: UserRow): Record<string, unknown> {
  const { password: _hidden, managed_domains, ...rest } = row;
  const view: Record<string, unknown> = { ...rest, settings: settingsForApi(row.settings) };
  if (row.isadmin === 1 || row.isglobaladmin === 1) view.managed_domains = managed_domains;
  return view;
}

export async function readUser(q: Queryable, email: string): Promise<Record<string, unknown> | null> {
  const rows = await q.query<UserRow>(`${USER_VIEW_SQL} WHERE m.username = $1`, [email]);
  return rows[0] ? present(rows[0]) : null;
}

export async function readDomainUsers(q: Queryable, domain: string, disabledOnly: boolean): Promise<Record<string, unknown>[]> {
  const rows = await q.query<UserRow>(
    `${USER_VIEW_SQL} WHERE m.domain = $1 AND ($2::boolean IS NOT TRUE OR m.active = 0) ORDER BY m.username`,
    [domain, disabledOnly],
  );
  return rows.map(present);
}

export async function domainUserEmails(q: Queryable, domain: string, disabledOnly: boolean): Promise<string[]> {
  const rows = await q.query<{ username: string }>(
    'SELECT username FROM mailbox WHERE domain = $1 AND ($2::boolean IS NOT TRUE OR active = 0) ORDER BY username',
    [domain, disabledOnly],
  );
  return rows.map((r) => r.username);
}
