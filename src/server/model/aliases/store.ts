/**
 * Alias accounts in iRedMail's SQL schema: an `alias` row, one `forwardings` row per member
 * (`is_list = 1`, `address` = the alias, `forwarding` = the member; `active` follows the alias
 * so Postfix stops expanding a disabled alias), and moderators in `moderators`.
 */
import type { Queryable } from '../../db/database';
import { removeAddressTraces } from '../account-traces';
import type { AccessPolicy } from '../../../common/access-policies';
import { domainOf } from '../../../common/mail-names';

export interface AliasRow {
  address: string;
  name: string;
  accesspolicy: string;
  domain: string;
  active: number;
  [column: string]: unknown;
}

/** GET shape: the row plus `members` and `moderators`. */
export type AliasView = AliasRow & { members: string[]; moderators: string[] };

const VIEW_SQL = `SELECT a.*,
    ARRAY(SELECT forwarding FROM forwardings WHERE address = a.address AND is_list = 1 ORDER BY forwarding) AS members,
    ARRAY(SELECT moderator FROM moderators WHERE address = a.address ORDER BY moderator) AS moderators
  FROM alias a`;

export async function readAlias(q: Queryable, address: string): Promise<AliasView | null> {
  const rows = await q.query<AliasView>(`${VIEW_SQL} WHERE a.address = $1`, [address]);
  return rows[0] ?? null;
}

export async function readDomainAliases(q: Queryable, domain: string, disabledOnly: boolean): Promise<AliasView[]> {
  return q.query<AliasView>(
    `${VIEW_SQL} WHERE a.domain = $1 AND ($2::boolean IS NOT TRUE OR a.active = 0) ORDER BY a.address`,
    [domain, disabledOnly],
  );
}

/** The row, locked until the transaction ends so concurrent changes of one alias queue up. */
export async function lockAlias(tx: Queryable, address: string): Promise<AliasRow | null> {
  const rows = await tx.query<AliasRow>('SELECT * FROM alias WHERE address = $1 FOR UPDATE', [address]);
  return rows[0] ?? null;
}

export interface NewAlias {
  address: string;
  name: string;
  accessPolicy: AccessPolicy;
  active: number;
}

/** False when the address was taken meanwhile (the insert did nothing). */
export async function insertAlias(tx: Queryable, alias: NewAlias): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO alias (address, name, accesspolicy, domain, active) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (address) DO NOTHING RETURNING address`,
    [alias.address, alias.name, alias.accessPolicy, domainOf(alias.address), alias.active],
  );
  return rows.length > 0;
}

export interface AliasChanges {
  name?: string;
  accessPolicy?: AccessPolicy;
  active?: number;
}

export async function updateAlias(tx: Queryable, address: string, changes: AliasChanges): Promise<void> {
  await tx.query(
    `UPDATE alias SET name = COALESCE($2, name), accesspolicy = COALESCE($3, accesspolicy),
       active = COALESCE($4, active), modified = NOW()::timestamp
     WHERE address = $1`,
    [address, changes.name ?? null, changes.accessPolicy ?? null, changes.active ?? null],
  );
  if (changes.active !== undefined) {
    await tx.query('UPDATE forwardings SET active = $2 WHERE address = $1 AND is_list = 1', [address, changes.active]);
  }
}

export async function readMembers(q: Queryable, address: string): Promise<string[]> {
  const rows = await q.query<{ forwarding: string }>(
    'SELECT forwarding FROM forwardings WHERE address = $1 AND is_list = 1 ORDER BY forwarding',
    [address],
  );
  return rows.map((r) => r.forwarding);
}

/** Makes the member set exactly `wanted`. */
export async function writeMembers(
  tx: Queryable,
  address: string,
  active: number,
  wanted: readonly string[],
): Promise<void> {
  await tx.query('DELETE FROM forwardings WHERE address = $1 AND is_list = 1 AND NOT (forwarding = ANY($2))', [
    address,
    [...wanted],
  ]);
  for (const member of wanted) {
    await tx.query(
      `INSERT INTO forwardings (address, forwarding, domain, dest_domain, is_list, active) VALUES ($1, $2, $3, $4, 1, $5)
       ON CONFLICT (address, forwarding) DO NOTHING`,
      [address, member, domainOf(address), domainOf(member), active],
    );
  }
}

/** Moves the alias's own rows (the alias row, its members, its moderators) to a new address. */
export async function moveAlias(tx: Queryable, oldAddress: string, newAddress: string): Promise<void> {
  const newDomain = domainOf(newAddress);
  await tx.query('UPDATE alias SET address = $2, domain = $3, modified = NOW()::timestamp WHERE address = $1', [
    oldAddress,
    newAddress,
    newDomain,
  ]);
  await tx.query('UPDATE forwardings SET address = $2, domain = $3 WHERE address = $1', [
    oldAddress,
    newAddress,
    newDomain,
  ]);
  await tx.query('UPDATE moderators SET address = $2, domain = $3 WHERE address = $1', [
    oldAddress,
    newAddress,
    newDomain,
  ]);
}

/** Deletes the alias and every trace of its address; an address that is no alias is left alone. */
export async function deleteAlias(tx: Queryable, address: string): Promise<void> {
  if (!(await lockAlias(tx, address))) return;
  await tx.query('DELETE FROM alias WHERE address = $1', [address]);
  await removeAddressTraces(tx, [address]);
}
