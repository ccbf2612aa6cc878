/**
 * A `domain_admins` row: `username` administers `domain`, or every domain when it is `ALL`
 * (a global admin). `created` and `modified` are written: iRedMail's MySQL schema defaults them
 * to 1970.
 */
import type { Queryable } from '../db/database';
import { insertSkippingDuplicates, now, onDuplicateSkip, sql } from '../db/sql';

export const ALL_DOMAINS = 'ALL';

/** Adds the row unless it is there. */
export async function insertDomainAdminRow(tx: Queryable, username: string, domain: string): Promise<void> {
  await tx.query(
    sql`${insertSkippingDuplicates} INTO domain_admins (username, domain, created, modified)
         VALUES (${username}, ${domain}, ${now}, ${now}) ${onDuplicateSkip()}`,
  );
}
