/**
 * Migration 14 adds iRedMail's unique keys to a database of ours made before it. Rows that
 * already break one (put there with psql or mysql) make the start fail with the table, the key
 * and the query listing them, and nothing of the migration is applied; once they are made
 * unique, the next start applies it.
 */
import type { Database } from '../../src/server/db/database';
import { migrate } from '../../src/server/db/migrate';
import { iredmailIndexName } from '../../src/server/db/migrations/014-iredmail-indexes';
import { sql } from '../../src/server/db/sql';
import { createTestDatabase, SERVER_BACKENDS } from '../support/test-server';

/** Drops an index migration 14 made, as if that migration had not run yet. */
function dropIndex(db: Database, table: string, ...columns: string[]): Promise<void> {
  const name = iredmailIndexName(db.dialect, table, columns);
  return db.exec(db.dialect === 'postgres' ? `DROP INDEX ${name}` : `DROP INDEX \`${name}\` ON ${table}`);
}

async function hasIndex(db: Database, table: string, ...columns: string[]): Promise<boolean> {
  const name = iredmailIndexName(db.dialect, table, columns);
  const rows = await db.query(
    db.dialect === 'postgres'
      ? sql`SELECT 1 FROM pg_indexes WHERE tablename = ${table} AND indexname = ${name}`
      : sql`SELECT 1 FROM information_schema.statistics
             WHERE table_schema = DATABASE() AND table_name = ${table} AND index_name = ${name}`,
  );
  return rows.length > 0;
}

describe.each(SERVER_BACKENDS)('migration 14 on a database of ours holding duplicates, on %s', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = (await createTestDatabase(backend)).db;
    await dropIndex(db, 'maillists', 'mlid');
    await dropIndex(db, 'mailbox', 'active');
    if (db.dialect === 'mysql') {
      await db.exec('ALTER TABLE throttle DROP INDEX account_kind, ADD INDEX idx_account (account)');
      await db.query(
        sql`INSERT INTO throttle (account, kind) VALUES ('@a.example', 'inbound'), ('@a.example', 'inbound')`,
      );
    }
    await db.query(sql`DELETE FROM iredadmin_api_migrations WHERE version = 14`);
    await db.query(
      sql`INSERT INTO maillists (address, domain, mlid) VALUES ('one@a.example', 'a.example', 'same'), ('two@a.example', 'a.example', 'same')`,
    );
  });
  afterAll(() => db?.close());

  test('the start is refused naming the table, the key and the query listing the rows; nothing is applied', async () => {
    const refused = await migrate(db).then(
      () => new Error('migrate resolved'),
      (error: Error) => error,
    );
    expect(refused.message).toContain(
      "the server cannot add iRedMail's unique keys to this database: 2 rows of table maillists share a value of (mlid)",
    );
    if (db.dialect === 'mysql')
      expect(refused.message).toContain('2 rows of table throttle share a value of (account, kind)');
    expect(refused.message).toContain("none of iRedMail's keys and indexes was added yet");
    const [listMaillists] = [...refused.message.matchAll(/list them with: (SELECT .*? ORDER BY [\w, ]+)/g)].map(
      (m) => m[1]!,
    );
    expect(listMaillists).toMatch(/ FROM maillists /);
    const listed = await db.query<{ address: string }>(listMaillists!);
    expect(listed.map((r) => r.address)).toEqual(['one@a.example', 'two@a.example']);

    expect(await db.query(sql`SELECT version FROM iredadmin_api_migrations WHERE version = 14`)).toEqual([]);
    expect(await hasIndex(db, 'mailbox', 'active')).toBe(false);
    expect(await hasIndex(db, 'maillists', 'mlid')).toBe(false);
  });

  test('once the rows are unique, the next start adds the keys and indexes', async () => {
    await db.query(sql`UPDATE maillists SET mlid = 'other' WHERE address = 'two@a.example'`);
    await db.query(sql`DELETE FROM throttle WHERE account = '@a.example'`);
    expect(await migrate(db)).toEqual([14]);
    expect(await hasIndex(db, 'mailbox', 'active')).toBe(true);
    expect(await hasIndex(db, 'throttle', 'account', 'kind')).toBe(db.dialect === 'mysql');
    await expect(
      db.query(sql`INSERT INTO maillists (address, domain, mlid) VALUES ('three@a.example', 'a.example', 'same')`),
    ).rejects.toThrow();
  });
});
