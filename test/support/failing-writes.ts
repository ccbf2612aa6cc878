/**
 * Makes writes to `table` fail whenever `condition` (on the row being written, `NEW.…`) holds,
 * standing in for any failure after a write's first rows went in. Returns the undo.
 * PostgreSQL: a PL/pgSQL trigger function; MariaDB: one trigger per event, raising with SIGNAL.
 */
import type { Database } from '../../src/server/db/database';

export async function failWritesWhen(db: Database, table: string, condition: string): Promise<() => Promise<void>> {
  const name = `test_boom_${table}`;
  if (db.dialect === 'mysql') {
    for (const event of ['INSERT', 'UPDATE'])
      await db.exec(
        `CREATE TRIGGER ${name}_${event.toLowerCase()} BEFORE ${event} ON ${table} FOR EACH ROW
         BEGIN IF ${condition} THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'boom'; END IF; END`,
      );
    return async () => {
      for (const event of ['insert', 'update']) await db.exec(`DROP TRIGGER ${name}_${event}`);
    };
  }
  await db.exec(`CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger AS $$
      BEGIN
        IF ${condition} THEN RAISE EXCEPTION 'boom'; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
  await db.exec(`CREATE TRIGGER ${name} BEFORE INSERT OR UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}()`);
  return async () => {
    await db.exec(`DROP TRIGGER ${name} ON ${table}`);
  };
}
