/**
 * The PostgreSQL adapter prepares each statement once per connection: planning the user view
 * (nine sub-selects) cost more than running it, and every authenticated GET runs it.
 */
import { createTestDatabase } from '../support/test-server';
import { connectPostgres } from '../../src/server/db/postgres';

test('a repeated statement is prepared once and reused on the connection', async () => {
  const { db: migrated, url } = await createTestDatabase('postgres');
  await migrated.close();
  // One connection, so the second run must find the statement prepared by the first.
  const db = connectPostgres(url, 1);
  try {
    const sql = 'SELECT count(*) AS n FROM mailbox WHERE domain = $1';
    expect(await db.query(sql, ['a.example'])).toEqual([{ n: 0 }]);
    expect(await db.query(sql, ['b.example'])).toEqual([{ n: 0 }]);
    const prepared = await db.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements');
    expect(prepared.filter((p) => p.statement === sql)).toHaveLength(1);
    // Inside a transaction the same holds, and errors still roll back cleanly.
    await expect(
      db.transaction(async (tx) => {
        await tx.query(sql, ['c.example']);
        await tx.query('SELECT no_such_column FROM mailbox');
      }),
    ).rejects.toThrow(/no_such_column/);
    expect(await db.query(sql, ['d.example'])).toEqual([{ n: 0 }]);
  } finally {
    await db.close();
  }
});
