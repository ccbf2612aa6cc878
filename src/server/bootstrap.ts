/**
 * Creates the first global admin (IREDADMIN_ADMIN / IREDADMIN_ADMIN_PASSWORD) when it does not
 * exist. Once: an existing account is left as it is, so a later demotion, disable or password
 * change is not undone by the next start.
 */
import type { Database } from './db/database';
import type { PasswordScheme } from './config';
import { hashPassword } from './auth/passwords';
import { normalizeEmail } from '../common/mail-names';
import { newRow } from './db/new-rows';
import { insertSkippingDuplicates, now, onDuplicateSkip, sql } from './db/sql';
import { ALL_DOMAINS, insertDomainAdminRow } from './model/domain-admin-rows';

export async function ensureGlobalAdmin(
  db: Database,
  rawEmail: string,
  password: string,
  scheme: PasswordScheme,
): Promise<boolean> {
  const email = normalizeEmail(rawEmail);
  if (!email) throw new Error(`IREDADMIN_ADMIN must be an email address, got "${rawEmail}"`);
  if (!password) throw new Error('IREDADMIN_ADMIN_PASSWORD must not be empty');
  const hash = await hashPassword(password, scheme);
  return db.transaction(async (tx) => {
    // A mail user of that address is an existing account too: never turned into a second one.
    if ((await tx.query(sql`SELECT 1 FROM mailbox WHERE username = ${email}`)).length) return false;
    const inserted = await tx.query(
      sql`${insertSkippingDuplicates} INTO ${newRow('admin', { username: email, password: hash, passwordlastchange: now })}
        ${onDuplicateSkip()} RETURNING username`,
    );
    if (!inserted.length) return false;
    await insertDomainAdminRow(tx, email, ALL_DOMAINS);
    return true;
  });
}
