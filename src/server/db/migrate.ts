import type { Database } from './database';
import { vmail } from './migrations/001-vmail';
import { policy } from './migrations/002-policy';
import { api } from './migrations/003-api';
import { mailingLists } from './migrations/004-mailing-lists';
import { greylisting } from './migrations/005-greylisting';
import { accountChangeNotifications } from './migrations/006-account-change-notifications';
import { columnTypes } from './migrations/types';
import { type Dialect, raw, sql, transactionLock } from './sql';

/** Ordered, append-only: a released migration is never edited, only followed by a new one. */
export const MIGRATIONS: ReadonlyArray<{ version: number; name: string; ddl: (dialect: Dialect) => string }> = [
  { version: 1, name: 'vmail', ddl: vmail },
  { version: 2, name: 'amavisd policy and iRedAPD throttle', ddl: policy },
  { version: 3, name: 'api sessions', ddl: api },
  { version: 4, name: 'mailing list subscribers', ddl: mailingLists },
  { version: 5, name: 'iRedAPD greylisting and sender score', ddl: greylisting },
  { version: 6, name: 'account change notifications', ddl: accountChangeNotifications },
];

/**
 * Brings the schema up to date, serialized across servers starting at once on one database.
 * On PostgreSQL it is one transaction; MySQL commits each DDL statement by itself, so there a
 * migration interrupted half-way is finished by the next start (every statement is IF NOT EXISTS).
 */
export async function migrate(db: Database): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query(transactionLock('iredadmin_api_migrations'));
    await tx.query(
      raw(`CREATE TABLE IF NOT EXISTS iredadmin_api_migrations (
      version INT PRIMARY KEY, name TEXT NOT NULL,
      applied ${columnTypes(db.dialect).createdNow})`),
    );
    const done = new Set(
      (await tx.query<{ version: number }>(raw('SELECT version FROM iredadmin_api_migrations'))).map((r) => r.version),
    );
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      for (const statement of splitStatements(m.ddl(db.dialect))) await tx.query(raw(statement));
      await tx.query(sql`INSERT INTO iredadmin_api_migrations (version, name) VALUES (${m.version}, ${m.name})`);
      applied.push(m.version);
    }
    return applied;
  });
}

/**
 * Our migrations hold no semicolons inside literals; function bodies are dollar-quoted (`$$ … $$`)
 * and kept whole, so splitting on the semicolons outside them is exact.
 */
function splitStatements(ddl: string): string[] {
  const statements: string[] = [];
  let current = '';
  for (const [i, piece] of ddl.split('$$').entries()) {
    if (i % 2 === 1) {
      current += `$$${piece}$$`;
      continue;
    }
    const parts = piece.split(';');
    current += parts[0];
    for (const part of parts.slice(1)) {
      statements.push(current);
      current = part;
    }
  }
  statements.push(current);
  return statements.map((s) => s.replace(/^\s*--.*$/gm, '').trim()).filter((s) => s.length > 0);
}
