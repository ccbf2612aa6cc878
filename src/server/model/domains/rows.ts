/** Domain rows and the per-domain rules every account type shares (existence, limits, password bounds). */
import type { Queryable } from '../../db/database';
import type { Actor } from '../../auth/actor';
import type { ServerSettings } from '../../config';
import { ApiFailure } from '../../errors';
import { parseSettings } from '../settings-column';
import { raw, sql, typed } from '../../db/sql';

export interface DomainRow {
  domain: string;
  description: string;
  aliases: number;
  mailboxes: number;
  maillists: number;
  maxquota: number;
  quota: number;
  transport: string;
  settings: string;
  backupmx: number;
  active: number;
  [column: string]: unknown;
}

/** The domain row, locked for the rest of the transaction so concurrent writers under it queue up. */
export async function lockDomain(tx: Queryable, domain: string): Promise<DomainRow | null> {
  const rows = await tx.query<DomainRow>(sql`SELECT * FROM domain WHERE domain = ${domain} FOR UPDATE`);
  return rows[0] ?? null;
}

export async function getDomain(q: Queryable, domain: string): Promise<DomainRow | null> {
  const rows = await q.query<DomainRow>(sql`SELECT * FROM domain WHERE domain = ${domain}`);
  return rows[0] ?? null;
}

/** Locks and returns the domain an account is created under, or fails with INVALID_DOMAIN. */
export async function requireDomainForAccount(tx: Queryable, domain: string): Promise<DomainRow> {
  const row = await lockDomain(tx, domain);
  if (!row) throw new ApiFailure('INVALID_DOMAIN');
  return row;
}

export type AccountKind = 'users' | 'aliases' | 'lists';

const LIMIT_COLUMN: Record<AccountKind, 'mailboxes' | 'aliases' | 'maillists'> = {
  users: 'mailboxes',
  aliases: 'aliases',
  lists: 'maillists',
};

/** The table holding each kind of account (a constant, so safe to name in SQL). */
const ACCOUNT_TABLE: Record<AccountKind, string> = { users: 'mailbox', aliases: 'alias', lists: 'maillists' };

async function countAccounts(q: Queryable, domain: string, kind: AccountKind): Promise<number> {
  const rows = await q.query<{ n: number }>(
    sql`SELECT COUNT(*) AS n FROM ${raw(ACCOUNT_TABLE[kind])} WHERE domain = ${domain}`,
  );
  return rows[0]?.n ?? 0;
}

/** EXCEEDED_DOMAIN_ACCOUNT_LIMIT when the (locked) domain has no room for `adding` more accounts. 0 = unlimited. */
export async function assertRoomFor(tx: Queryable, domain: DomainRow, kind: AccountKind, adding = 1): Promise<void> {
  const limit = Number(domain[LIMIT_COLUMN[kind]]);
  if (limit > 0 && (await countAccounts(tx, domain.domain, kind)) + adding > limit) {
    throw new ApiFailure('EXCEEDED_DOMAIN_ACCOUNT_LIMIT');
  }
}

/**
 * Password length bounds: a domain's settings may only tighten the server-wide ones (a minimum of
 * 0 on a domain once let `Aa1!` through). 0 as a maximum means none.
 */
export function passwordBounds(domain: DomainRow | null, settings: ServerSettings): { min: number; max: number } {
  const s = parseSettings(domain?.settings);
  const domainMin = Number(s.min_passwd_length);
  const domainMax = Number(s.max_passwd_length);
  const min = Number.isFinite(domainMin) ? Math.max(domainMin, settings.minPasswordLength) : settings.minPasswordLength;
  const bounded = (a: number, b: number) => (a > 0 && b > 0 ? Math.min(a, b) : Math.max(a, b));
  const max =
    Number.isFinite(domainMax) && domainMax > 0
      ? bounded(domainMax, settings.maxPasswordLength)
      : settings.maxPasswordLength;
  return { min, max };
}

/** Accounts of every type (user, alias, mailing list, per-user alias address) holding `address`. */
const accountsAtAddress = (address: string) => sql`SELECT 1 FROM mailbox WHERE username = ${address}
     UNION ALL SELECT 1 FROM alias WHERE address = ${address}
     UNION ALL SELECT 1 FROM maillists WHERE address = ${address}
     UNION ALL SELECT 1 FROM forwardings WHERE address = ${address} AND is_alias = 1`;

/** The mail address is taken by any account type (user, alias, mailing list, per-user alias address). */
export async function addressInUse(q: Queryable, address: string): Promise<boolean> {
  return (await q.query(sql`${accountsAtAddress(address)} LIMIT 1`)).length > 0;
}

/** The name is a hosted domain or an alias domain. */
export async function isHostedDomain(q: Queryable, name: string): Promise<boolean> {
  const rows = await q.query(
    sql`SELECT 1 FROM domain WHERE domain = ${name} UNION ALL SELECT 1 FROM alias_domain WHERE alias_domain = ${name}`,
  );
  return rows.length > 0;
}

/**
 * Names of the domains the actor sees (a global admin all, a normal admin those it manages),
 * sorted; only disabled ones when `disabledOnly`.
 */
export async function listDomainNames(q: Queryable, actor: Actor, disabledOnly: boolean): Promise<string[]> {
  const rows = await q.query<{ domain: string }>(sql`SELECT domain FROM domain
      WHERE (${typed(disabledOnly, 'boolean')} IS NOT TRUE OR active = 0)
        AND (${typed(actor.isGlobal, 'boolean')} OR domain IN (SELECT domain FROM domain_admins WHERE username = ${actor.username}))
      ORDER BY domain`);
  return rows.map((r) => r.domain);
}

/** The address is free for no new mail user: an account of any type, or a separate admin, has it. */
export async function addressOrAdminInUse(q: Queryable, address: string): Promise<boolean> {
  // One statement: a bulk create pays this per user (PGlite runs statements one at a time).
  const rows = await q.query(
    sql`${accountsAtAddress(address)} UNION ALL SELECT 1 FROM admin WHERE username = ${address} LIMIT 1`,
  );
  return rows.length > 0;
}
