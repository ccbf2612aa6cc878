import type { Database } from './database';
import { vmail } from './migrations/001-vmail';
import { policy } from './migrations/002-policy';
import { api } from './migrations/003-api';
import { mailingLists } from './migrations/004-mailing-lists';
import { greylisting } from './migrations/005-greylisting';

/** Ordered, append-only: a released migration is never edited, only followed by a new one. */
const MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  { version: 1, name: 'vmail', sql: vmail },
  { version: 2, name: 'amavisd policy and iRedAPD throttle', sql: policy },
  { version: 3, name: 'api sessions', sql: api },
  { version: 4, name: 'mailing list subscribers', sql: mailingLists },
  { version: 5, name: 'iRedAPD greylisting and sender score', sql: greylisting },
];

/** An arbitrary constant: serializes migrations of servers starting at once on one PostgreSQL. */
const MIGRATION_LOCK = 7311_2026;

export async function migrate(db: Database): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`CREATE TABLE IF NOT EXISTS iredadmin_api_migrations (
      version INT4 PRIMARY KEY, name TEXT NOT NULL,
      applied TIMESTAMP WITHOUT TIME ZONE NOT NULL DEFAULT NOW()::TIMESTAMP WITHOUT TIME ZONE)`);
    const done = new Set(
      (await tx.query<{ version: number }>('SELECT version FROM iredadmin_api_migrations')).map((r) => r.version),
    );
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      for (const statement of splitStatements(m.sql)) await tx.query(statement);
      await tx.query('INSERT INTO iredadmin_api_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}

/** Our migrations hold no semicolons inside literals or bodies, so a plain split is exact. */
function splitStatements(sql: string): string[] {
  return sql
    .split(';')
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter((s) => s.length > 0);
}
