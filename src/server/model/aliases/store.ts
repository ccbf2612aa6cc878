/**
 * Alias accounts in iRedMail's SQL schema: an `alias` row, one `forwardings` row per member
 * (`is_list = 1`, `address` = the alias, `forwarding` = the member; `active` follows the alias
 * so Postfix stops expanding a disabled alias), and moderators in `moderators`.
 */
import type { Queryable } from '../../db/database';
import { removeAddressTraces } from '../account-traces';
import { destinationsOf } from '../forwardings';
import type { AccessPolicy } from '../../../common/access-policies';
import { domainOf } from '../../../common/mail-names';
import { newRow } from '../../db/new-rows';
import { arrayOf, insertSkippingDuplicates, isAnyOf, now, onDuplicateSkip, sql, typed } from '../../db/sql';

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

const VIEW_SQL = sql`SELECT a.*,
    ${arrayOf('members', 'forwarding', 'FROM forwardings WHERE address = a.address AND is_list = 1')},
    ${arrayOf('moderators', 'moderator', 'FROM moderators WHERE address = a.address')}
  FROM alias a`;

export async function readAlias(q: Queryable, address: string): Promise<AliasView | null> {
  const rows = await q.query<AliasView>(sql`${VIEW_SQL} WHERE a.address = ${address}`);
  return rows[0] ?? null;
}

export async function readDomainAliases(q: Queryable, domain: string, disabledOnly: boolean): Promise<AliasView[]> {
  return q.query<AliasView>(
    sql`${VIEW_SQL} WHERE a.domain = ${domain} AND (${typed(disabledOnly, 'boolean')} IS NOT TRUE OR a.active = 0) ORDER BY a.address`,
  );
}

/** The row, locked until the transaction ends so concurrent changes of one alias queue up. */
export async function lockAlias(tx: Queryable, address: string): Promise<AliasRow | null> {
  const rows = await tx.query<AliasRow>(sql`SELECT * FROM alias WHERE address = ${address} FOR UPDATE`);
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
    sql`${insertSkippingDuplicates} INTO ${newRow('alias', {
      address: alias.address,
      name: alias.name,
      accesspolicy: alias.accessPolicy,
      domain: domainOf(alias.address),
      active: alias.active,
    })} ${onDuplicateSkip('address')} RETURNING address`,
  );
  return rows.length > 0;
}

export interface AliasChanges {
  name?: string;
  accessPolicy?: AccessPolicy;
  active?: number;
}

export async function updateAlias(tx: Queryable, address: string, changes: AliasChanges): Promise<void> {
  await tx.query(sql`UPDATE alias SET name = COALESCE(${changes.name ?? null}, name),
      accesspolicy = COALESCE(${changes.accessPolicy ?? null}, accesspolicy),
       active = COALESCE(${changes.active ?? null}, active), modified = ${now}
     WHERE address = ${address}`);
  if (changes.active !== undefined) {
    await tx.query(sql`UPDATE forwardings SET active = ${changes.active} WHERE address = ${address} AND is_list = 1`);
  }
}

export function readMembers(q: Queryable, address: string): Promise<string[]> {
  return destinationsOf(q, address, 'is_list');
}

/** Makes the member set exactly `wanted`. */
export async function writeMembers(
  tx: Queryable,
  address: string,
  active: number,
  wanted: readonly string[],
): Promise<void> {
  await tx.query(
    sql`DELETE FROM forwardings WHERE address = ${address} AND is_list = 1 AND NOT (forwarding ${isAnyOf([...wanted])})`,
  );
  for (const member of wanted) {
    await tx.query(sql`${insertSkippingDuplicates} INTO forwardings (address, forwarding, domain, dest_domain, is_list, active)
        VALUES (${address}, ${member}, ${domainOf(address)}, ${domainOf(member)}, 1, ${active})
       ${onDuplicateSkip('address, forwarding')}`);
  }
}

/** Moves the alias's own rows (the alias row, its members, its moderators) to a new address. */
export async function moveAlias(tx: Queryable, oldAddress: string, newAddress: string): Promise<void> {
  const newDomain = domainOf(newAddress);
  await tx.query(
    sql`UPDATE alias SET address = ${newAddress}, domain = ${newDomain}, modified = ${now} WHERE address = ${oldAddress}`,
  );
  await tx.query(
    sql`UPDATE forwardings SET address = ${newAddress}, domain = ${newDomain} WHERE address = ${oldAddress}`,
  );
  await tx.query(
    sql`UPDATE moderators SET address = ${newAddress}, domain = ${newDomain} WHERE address = ${oldAddress}`,
  );
}

/** Deletes the alias and every trace of its address; an address that is no alias is left alone. */
export async function deleteAlias(tx: Queryable, address: string): Promise<void> {
  if (!(await lockAlias(tx, address))) return;
  await tx.query(sql`DELETE FROM alias WHERE address = ${address}`);
  await removeAddressTraces(tx, [address]);
}
