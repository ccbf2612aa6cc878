/** Reading, locking and updating `mailbox` rows: one user's (PUT /api/user) or all of a domain's (PUT /api/users). */
import type { Queryable } from '../../db/database';
import type { Actor } from '../../auth/actor';
import { holdsRightsBeyondSql } from '../../auth/rights';
import { isAnyOf, now, raw, sql, typed } from '../../db/sql';

export type MailboxRow = Record<string, unknown> & { username: string; quota: number };

/** The mailbox row, locked for the rest of the transaction; null when there is none. */
export async function lockMailbox(tx: Queryable, email: string): Promise<MailboxRow | null> {
  const rows = await tx.query<MailboxRow>(sql`SELECT * FROM mailbox WHERE username = ${email} FOR UPDATE`);
  return rows[0] ?? null;
}

export async function mailboxExists(q: Queryable, email: string): Promise<boolean> {
  return (await q.query(sql`SELECT 1 FROM mailbox WHERE username = ${email}`)).length > 0;
}

/** Column changes of PUT /api/user: null keeps a column as it is. */
export interface MailboxColumnChanges {
  name: string | null;
  /** A new stored password (hash); its change time is set with it. */
  password: string | null;
  quota: number | null;
  active: number | null;
  language: string | null;
  employeeid: string | null;
  transport: string | null;
  mailboxformat: string | null;
  mailboxfolder: string | null;
  maildir: string | null;
}

export async function updateMailboxRow(tx: Queryable, user: string, changes: MailboxColumnChanges): Promise<void> {
  await tx.query(sql`UPDATE mailbox SET
       name = COALESCE(${changes.name}, name), password = COALESCE(${changes.password}, password),
       passwordlastchange = CASE WHEN ${typed(changes.password, 'text')} IS NULL THEN passwordlastchange ELSE ${now} END,
       quota = COALESCE(${changes.quota}, quota), active = COALESCE(${changes.active}, active),
         language = COALESCE(${changes.language}, language),
       employeeid = COALESCE(${changes.employeeid}, employeeid), transport = COALESCE(${changes.transport}, transport),
       mailboxformat = COALESCE(${changes.mailboxformat}, mailboxformat), mailboxfolder = COALESCE(${changes.mailboxfolder}, mailboxfolder),
       maildir = COALESCE(${changes.maildir}, maildir), modified = ${now}
     WHERE username = ${user}`);
}

/** Changes to every mailbox of a domain: null keeps a column as it is. */
export interface DomainMailboxChanges {
  active: number | null;
  /** A new stored password (hash); its change time is set with it. */
  password: string | null;
  language: string | null;
  transport: string | null;
}

/**
 * Applies the changes to the domain's mailboxes the actor may change (a normal admin's leaves alone those whose
 * rights reach beyond its own); returns the usernames changed.
 */
export async function updateDomainMailboxes(
  tx: Queryable,
  domain: string,
  changes: DomainMailboxChanges,
  actor: Actor,
): Promise<string[]> {
  // Chosen and locked first, then updated: MariaDB has no UPDATE … RETURNING, nor an UPDATE whose
  // condition reads the table it updates.
  const chosen = await tx.query<{ username: string }>(
    sql`SELECT username FROM mailbox
       WHERE domain = ${domain} AND (${typed(actor.isGlobal, 'boolean')}
         OR NOT ${holdsRightsBeyondSql(raw('mailbox.username'), sql`${actor.username}`)})
       ORDER BY username FOR UPDATE`,
  );
  const usernames = chosen.map((r) => r.username);
  if (usernames.length === 0) return [];
  await tx.query(
    sql`UPDATE mailbox SET
         active = COALESCE(${changes.active}, active), password = COALESCE(${changes.password}, password),
         passwordlastchange = CASE WHEN ${typed(changes.password, 'text')} IS NULL THEN passwordlastchange ELSE ${now} END,
         language = COALESCE(${changes.language}, language), transport = COALESCE(${changes.transport}, transport), modified = ${now}
       WHERE username ${isAnyOf(usernames)}`,
  );
  return usernames;
}
