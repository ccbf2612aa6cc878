/**
 * Who administers a domain (`domain_admins` rows) and who may change that. Admins are
 * separate admins (`admin` table) or mail users, whose `mailbox.isadmin` follows their rows.
 * A normal admin may only grant or revoke the rights of mail users in domains it manages.
 */
import type { Queryable } from '../../db/database';
import type { Actor } from '../../auth/actor';
import { ApiFailure } from '../../errors';
import { holdsRightsBeyond } from '../../auth/rights';
import { refreshMailboxAdminFlag } from '../users/admin-flags';
import { domainOf } from '../../../common/mail-names';
import { sql } from '../../db/sql';
import { insertDomainAdminRow } from '../domain-admin-rows';

export type AdminKind = 'admin' | 'mailbox';

export async function domainAdmins(q: Queryable, domain: string): Promise<string[]> {
  const rows = await q.query<{ username: string }>(
    sql`SELECT username FROM domain_admins WHERE domain = ${domain} ORDER BY username`,
  );
  return rows.map((r) => r.username);
}

export async function findAdminKind(q: Queryable, email: string): Promise<AdminKind | null> {
  const rows = await q.query<{ kind: AdminKind }>(
    sql`SELECT 'admin' AS kind FROM admin WHERE username = ${email} UNION ALL SELECT 'mailbox' AS kind FROM mailbox
        WHERE username = ${email} LIMIT 1`,
  );
  return rows[0]?.kind ?? null;
}

/** INVALID_ADMIN for an address that is neither a separate admin nor a mail user. */
export async function adminKind(q: Queryable, email: string): Promise<AdminKind> {
  const kind = await findAdminKind(q, email);
  if (!kind) throw new ApiFailure('INVALID_ADMIN');
  return kind;
}

/**
 * Whether the actor may grant or revoke `email`'s rights (a normal admin: only accounts whose rights
 * are within its own).
 */
export async function mayChangeRights(q: Queryable, actor: Actor, email: string, kind: AdminKind): Promise<boolean> {
  if (actor.isGlobal) return true;
  return (
    kind === 'mailbox' &&
    (await actor.canManageDomain(q, domainOf(email))) &&
    !(await holdsRightsBeyond(q, actor, email))
  );
}

/** PERMISSION_DENIED unless the actor may grant or revoke `email`'s rights. */
export async function assertMayChangeRights(q: Queryable, actor: Actor, email: string, kind: AdminKind): Promise<void> {
  if (!(await mayChangeRights(q, actor, email, kind))) throw new ApiFailure('PERMISSION_DENIED');
}

export async function grantDomain(tx: Queryable, email: string, kind: AdminKind, domain: string): Promise<void> {
  await insertDomainAdminRow(tx, email, domain);
  if (kind === 'mailbox') await refreshMailboxAdminFlag(tx, email);
}

export async function revokeDomain(tx: Queryable, email: string, kind: AdminKind, domain: string): Promise<void> {
  await deleteDomainAdminRow(tx, email, domain);
  if (kind === 'mailbox') await refreshMailboxAdminFlag(tx, email);
}

/** Removes the account's row for the domain, and nothing else (for a row whose account is gone). */
export async function deleteDomainAdminRow(tx: Queryable, email: string, domain: string): Promise<void> {
  await tx.query(sql`DELETE FROM domain_admins WHERE username = ${email} AND domain = ${domain}`);
}
