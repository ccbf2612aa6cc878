/**
 * A user's rows in `forwardings` and the bcc tables: forwardings (`is_forwarding`, the
 * self row keeps a copy in the mailbox), per-user alias addresses (`is_alias`), sender and
 * recipient bcc.
 */
import type { Queryable } from '../../db/database';
import type { Actor } from '../../auth/actor';
import { ApiFailure } from '../../errors';
import { addressInUse } from '../domains/rows';
import { destinationsOf, sourcesOf } from '../forwardings';
import { domainOf } from '../../../common/mail-names';
import { newRow } from '../../db/new-rows';
import { insertSkippingDuplicates, isAnyOf, onDuplicateSkip, onDuplicateUpdate, raw, sql } from '../../db/sql';

export function userForwardings(q: Queryable, user: string): Promise<string[]> {
  return destinationsOf(q, user, 'is_forwarding');
}

/**
 * Replaces the user's forwardings. Forwarding nowhere means delivering to the mailbox, so
 * an empty set is stored as the self row Postfix expects.
 */
export async function setForwardings(tx: Queryable, user: string, destinations: Iterable<string>): Promise<void> {
  const list = [...new Set(destinations)];
  if (list.length === 0) list.push(user);
  await tx.query(sql`DELETE FROM forwardings WHERE address = ${user} AND is_forwarding = 1`);
  for (const destination of list) {
    await tx.query(sql`INSERT INTO forwardings (address, forwarding, domain, dest_domain, is_forwarding) VALUES (${user},
        ${destination}, ${domainOf(user)}, ${domainOf(destination)}, 1)
       ${onDuplicateUpdate('address, forwarding', sql`is_forwarding = 1`)}`);
  }
}

/**
 * Per-user alias addresses must lie in a local domain the actor manages
 * (ALIAS_DOMAIN_NOT_MANAGED otherwise).
 */
export async function assertAliasDomainsManaged(
  q: Queryable,
  actor: Actor,
  addresses: readonly string[],
): Promise<void> {
  for (const domain of new Set(addresses.map(domainOf))) {
    const exists = await q.query(sql`SELECT 1 FROM domain WHERE domain = ${domain}`);
    if (!exists.length || !(await actor.canManageDomain(q, domain))) throw new ApiFailure('ALIAS_DOMAIN_NOT_MANAGED');
  }
}

/**
 * Adds per-user alias addresses. As the API documents, an address that already exists
 * (as any account or another user's alias) is silently not assigned.
 */
export async function addAliasAddresses(tx: Queryable, user: string, addresses: readonly string[]): Promise<void> {
  const owned = new Set(await sourcesOf(tx, user, 'is_alias'));
  for (const address of addresses) {
    if (address === user || owned.has(address) || (await addressInUse(tx, address))) continue;
    await tx.query(sql`${insertSkippingDuplicates} INTO forwardings (address, forwarding, domain, dest_domain, is_alias)
        VALUES (${address}, ${user}, ${domainOf(address)}, ${domainOf(user)}, 1)
       ${onDuplicateSkip('address, forwarding')}`);
  }
}

export async function removeAliasAddresses(
  tx: Queryable,
  user: string,
  addresses: readonly string[] | 'all',
): Promise<void> {
  if (addresses === 'all') {
    await tx.query(sql`DELETE FROM forwardings WHERE forwarding = ${user} AND is_alias = 1`);
  } else if (addresses.length) {
    await tx.query(
      sql`DELETE FROM forwardings WHERE forwarding = ${user} AND is_alias = 1 AND address ${isAnyOf([...addresses])}`,
    );
  }
}

/** Sets (or with '' clears) the user's sender or recipient bcc address. */
export async function setUserBcc(
  tx: Queryable,
  kind: 'sender' | 'recipient',
  user: string,
  address: string,
): Promise<void> {
  const table = kind === 'sender' ? 'sender_bcc_user' : 'recipient_bcc_user';
  await tx.query(sql`DELETE FROM ${raw(table)} WHERE username = ${user}`);
  if (address) {
    await tx.query(sql`INSERT INTO ${newRow(table, { username: user, bcc_address: address, domain: domainOf(user) })}`);
  }
}
