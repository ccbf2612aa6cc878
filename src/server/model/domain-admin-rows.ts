/**
 * A `domain_admins` row: `username` administers `domain`, or every domain when it is `ALL`
 * (a global admin).
 */
import type { Queryable } from '../db/database';
import { newRow } from '../db/new-rows';
import { insertSkippingDuplicates, onDuplicateSkip, sql } from '../db/sql';

export const ALL_DOMAINS = 'ALL';

/** Adds the row unless it is there. */
export async function insertDomainAdminRow(tx: Queryable, username: string, domain: string): Promise<void> {
  await tx.query(
    sql`${insertSkippingDuplicates} INTO ${newRow('domain_admins', { username, domain })} ${onDuplicateSkip()}`,
  );
}
