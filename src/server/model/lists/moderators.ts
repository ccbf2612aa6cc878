/**
 * Moderators of an alias or mailing list: iRedMail's `moderators` table
 * (`address` = the alias/list, `moderator` = who may send under a moderators* access policy).
 */
import type { Queryable } from '../../db/database';
import { domainOf } from '../../../common/mail-names';

export async function readModerators(q: Queryable, address: string): Promise<string[]> {
  const rows = await q.query<{ moderator: string }>(
    'SELECT moderator FROM moderators WHERE address = $1 ORDER BY moderator',
    [address],
  );
  return rows.map((r) => r.moderator);
}

/** Makes the moderator set exactly `wanted` (rows not wanted are deleted, missing ones inserted). */
export async function writeModerators(tx: Queryable, address: string, wanted: readonly string[]): Promise<void> {
  await tx.query('DELETE FROM moderators WHERE address = $1 AND NOT (moderator = ANY($2))', [address, [...wanted]]);
  for (const moderator of wanted) {
    await tx.query(
      `INSERT INTO moderators (address, moderator, domain, dest_domain) VALUES ($1, $2, $3, $4)
       ON CONFLICT (address, moderator) DO NOTHING`,
      [address, moderator, domainOf(address), domainOf(moderator)],
    );
  }
}
