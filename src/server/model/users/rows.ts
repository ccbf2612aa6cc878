/** Reading, locking and updating `mailbox` rows: one user's (PUT /api/user) or all of a domain's (PUT /api/users). */
import type { Queryable } from '../../db/database';
import type { Actor } from '../../auth/actor';
import { holdsRightsBeyondSql } from '../../auth/rights';

export type MailboxRow = Record<string, unknown> & { username: string; quota: number };

/** The mailbox row, locked for the rest of the transaction; null when there is none. */
export async function lockMailbox(tx: Queryable, email: string): Promise<MailboxRow | null> {
  const rows = await tx.query<MailboxRow>('SELECT * FROM mailbox WHERE username = $1 FOR UPDATE', [email]);
  return rows[0] ?? null;
}

export async function mailboxExists(q: Queryable, email: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM mailbox WHERE username = $1', [email])).length > 0;
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
  await tx.query(
    `UPDATE mailbox SET
       name = COALESCE($2, name), password = COALESCE($3, password),
       passwordlastchange = CASE WHEN $3::text IS NULL THEN passwordlastchange ELSE NOW()::timestamp END,
       quota = COALESCE($4, quota), active = COALESCE($5, active), language = COALESCE($6, language),
       employeeid = COALESCE($7, employeeid), transport = COALESCE($8, transport),
       mailboxformat = COALESCE($9, mailboxformat), mailboxfolder = COALESCE($10, mailboxfolder),
       maildir = COALESCE($11, maildir), modified = NOW()::timestamp
     WHERE username = $1`,
    [
      user,
      changes.name,
      changes.password,
      changes.quota,
      changes.active,
      changes.language,
      changes.employeeid,
      changes.transport,
      changes.mailboxformat,
      changes.mailboxfolder,
      changes.maildir,
    ],
  );
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
  const changed = await tx.query<{ username: string }>(
    `UPDATE mailbox SET
         active = COALESCE($2, active), password = COALESCE($3, password),
         passwordlastchange = CASE WHEN $3::text IS NULL THEN passwordlastchange ELSE NOW()::timestamp END,
         language = COALESCE($4, language), transport = COALESCE($5, transport), modified = NOW()::timestamp
       WHERE domain = $1 AND ($6::boolean OR NOT ${holdsRightsBeyondSql('mailbox.username', '$7')})
       RETURNING username`,
    [domain, changes.active, changes.password, changes.language, changes.transport, actor.isGlobal, actor.username],
  );
  return changed.map((r) => r.username);
}
