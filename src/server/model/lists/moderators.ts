/**
 * Moderators of an alias or mailing list: iRedMail's `moderators` table
 * (`address` = the alias/list, `moderator` = who may send under a moderators* access policy).
 */
import type { Queryable } from '../../db/database';
import { domainOf } from '../../../common/mail-names';
import { insertSkippingDuplicates, isAnyOf, onDuplicateSkip, sql } from '../../db/sql';

export async function readModerators(q: Queryable, address: string): Promise<string[]> {
  const rows = await q.query<{ moderator: string }>(
    sql`SELECT moderator FROM moderators WHERE address = ${address} ORDER BY moderator`,
  );
  return rows.map((r) => r.moderator);
}

/** Makes the moderator set exactly `wanted` (rows not wanted are deleted, missing ones inserted). */
export async function writeModerators(tx: Queryable, address: string, wanted: readonly string[]): Promise<void> {
  await tx.query(sql`DELETE FROM moderators WHERE address = ${address} AND NOT (moderator ${isAnyOf([...wanted])})`);
  for (const moderator of wanted) {
    await tx.query(sql`${insertSkippingDuplicates} INTO moderators (address, moderator, domain, dest_domain) VALUES (${address},
        ${moderator}, ${domainOf(address)}, ${domainOf(moderator)})
       ${onDuplicateSkip('address, moderator')}`);
  }
}
