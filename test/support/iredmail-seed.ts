/**
 * Rows of an existing iRedMail installation, inserted with SQL the way iRedMail's installer and
 * its tools insert them, each group in its database (one database, or iRedMail's three).
 */
import { createHash } from 'node:crypto';
import type { Database } from '../../src/server/db/database';
import { sql } from '../../src/server/db/sql';
import { firstDomainAndUser, type IredmailPart } from './iredmail-database';

export type IredmailDatabases = Record<IredmailPart, Database>;

/** All three groups of tables in one database. */
export function allIn(db: Database): IredmailDatabases {
  return { vmail: db, amavisd: db, iredapd: db };
}

const salted = (algorithm: 'sha512' | 'sha1', password: string, salt: string) =>
  Buffer.concat([createHash(algorithm).update(password).update(salt).digest(), Buffer.from(salt)]).toString('base64');

/** One mail user per scheme iRedMail writes or accepts, with hashes made outside our code. */
export const SCHEMES = [
  { user: 'ssha512', password: 'Ssha512!pw1', hash: `{SSHA512}${salted('sha512', 'Ssha512!pw1', 'saltsalt')}` },
  { user: 'ssha', password: 'Ssha!pw1', hash: `{SSHA}${salted('sha1', 'Ssha!pw1', 'pepper12')}` },
  // python3 crypt.crypt('Bcrypt!pw1', '$2y$05$abcdefghijklmnopqrstuv'): iRedMail's BCRYPT as {CRYPT}$2y$.
  {
    user: 'bcrypt',
    password: 'Bcrypt!pw1',
    hash: '{CRYPT}$2y$05$abcdefghijklmnopqrstuuTISqpQiesxvjTyCZBBq8aMG/goYBECe',
  },
  // openssl passwd -1 -salt Ab3dEf9h 'Md5Crypt!pw1'
  { user: 'md5crypt', password: 'Md5Crypt!pw1', hash: '{CRYPT}$1$Ab3dEf9h$kzocoJOsAPKwM0EoBYnAU1' },
  { user: 'md5', password: 'Md5Crypt!pw1', hash: '{MD5}$1$Ab3dEf9h$kzocoJOsAPKwM0EoBYnAU1' },
  {
    user: 'plainmd5',
    password: 'PlainMd5!pw1',
    hash: `{PLAIN-MD5}${createHash('md5').update('PlainMd5!pw1').digest('hex')}`,
  },
  { user: 'plain', password: 'Plain!pw1', hash: '{PLAIN}Plain!pw1' },
];

export const POSTMASTER = { email: 'postmaster@example.com', password: 'Postmaster!pw1' };
/** A separate admin (`admin` table), global through domain_admins' `ALL` row, with a bcrypt hash. */
export const SEPARATE_ADMIN = { email: 'boss@admins.example', password: 'Bcrypt!pw1' };
/** A separate admin inserted naming no TEXT column (`settings` NULL on MariaDB), without rights. */
export const BARE_ADMIN = { email: 'bare@admins.example', password: 'Bare!pw123' };

/** Rows as iRedMail's installer and its tools (create_mail_user_SQL.sh, iRedAdmin) insert them. */
export async function seedIredmail({ vmail: db, amavisd, iredapd }: IredmailDatabases): Promise<void> {
  await db.exec(
    firstDomainAndUser(db.dialect, {
      domain: 'example.com',
      email: POSTMASTER.email,
      passwordHash: `{SSHA512}${salted('sha512', POSTMASTER.password, 'postsalt')}`,
      name: 'Postmaster',
      maildir: 'example.com/p/o/s/postmaster-2024.01.01.00.00.00/',
    }),
  );
  await db.query(
    "UPDATE domain SET maxquota = 10240, mailboxes = 50, settings = 'default_user_quota:1024;max_user_quota:1536;' WHERE domain = 'example.com'",
  );
  for (const { user, hash } of SCHEMES) {
    const email = `${user}@example.com`;
    const maildir = `example.com/${user[0]}/${user[1]}/${user[2]}/${user}-2024.01.01.00.00.00/`;
    await db.query(
      sql`INSERT INTO mailbox (username, password, name, storagebasedirectory, storagenode, maildir, quota, domain, active, passwordlastchange, created)
       VALUES (${email}, ${hash}, ${user}, '/var/vmail', 'vmail1', ${maildir}, 1024, 'example.com', 1, NOW(), NOW())`,
    );
    await db.query(
      sql`INSERT INTO forwardings (address, forwarding, domain, dest_domain, is_forwarding) VALUES (${email}, ${email}, 'example.com', 'example.com', 1)`,
    );
  }
  await db.query(
    sql`INSERT INTO admin (username, password, name, active) VALUES (${SEPARATE_ADMIN.email}, ${SCHEMES[2]!.hash}, 'Boss', 1)`,
  );
  await db.query(sql`INSERT INTO domain_admins (username, domain) VALUES (${SEPARATE_ADMIN.email}, 'ALL')`);
  // ssha512@ forwards elsewhere and keeps a copy; ssha@ has a sender bcc; the domain a recipient bcc.
  await db.query(
    "INSERT INTO forwardings (address, forwarding, domain, dest_domain, is_forwarding) VALUES ('ssha512@example.com', 'away@else.example', 'example.com', 'else.example', 1)",
  );
  await db.query(
    "INSERT INTO sender_bcc_user (username, bcc_address, domain) VALUES ('ssha@example.com', 'archive@example.com', 'example.com')",
  );
  await db.query(
    "INSERT INTO recipient_bcc_domain (domain, bcc_address) VALUES ('example.com', 'inbound@example.com')",
  );
  // Dovecot's rows: last login (epoch seconds) and used quota (the trigger fills `domain`).
  await db.query(
    "INSERT INTO last_login (username, domain, imap) VALUES ('ssha512@example.com', 'example.com', 1714979289)",
  );
  await db.query("INSERT INTO used_quota (username, bytes, messages) VALUES ('ssha512@example.com', 4096, 3)");
  // iRedAdmin-Pro's per-domain spam policy (amavisd) and outbound throttle (iRedAPD).
  await amavisd.query(
    "INSERT INTO policy (policy_name, bypass_spam_checks, spam_tag2_level, spam_kill_level) VALUES ('@example.com', 'Y', 7, 7)",
  );
  await amavisd.query(
    "INSERT INTO users (priority, email, policy_id) VALUES (5, '@example.com', (SELECT id FROM policy WHERE policy_name = '@example.com'))",
  );
  await iredapd.query(
    "INSERT INTO throttle (account, kind, priority, period, max_msgs) VALUES ('@example.com', 'outbound', 60, 3600, 500)",
  );
}
