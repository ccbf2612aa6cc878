/**
 * The transaction spanning iRedMail's databases (split.ts), on recording stand-ins for the
 * drivers: which databases it opens, the order it commits in, what it rolls back. The real
 * databases are in existing-databases-split.test.ts.
 */
import { type BeginOptions, type Database, type OpenTransaction, pooledDatabase } from '../../src/server/db/database';
import { raw } from '../../src/server/db/sql';
import { SEPARATE_LOCK_TIMEOUT_MS, splitDatabase } from '../../src/server/db/split';

/** A database whose every begin, statement, commit and rollback is written to `log`. */
function recording(name: string, log: string[], fail: { statement?: string; commit?: boolean } = {}): Database {
  const open = ({ lockTimeoutMs }: BeginOptions = {}): OpenTransaction => {
    const tx: OpenTransaction = {
      dialect: 'postgres',
      database: () => tx,
      async query(statement) {
        const text = typeof statement === 'string' ? statement : statement.render('postgres').text;
        log.push(`${name}: ${text}`);
        if (text === fail.statement) throw new Error(`${name} refused ${text}`);
        return [];
      },
      async commit() {
        if (fail.commit) {
          log.push(`${name}: commit failed`);
          throw new Error(`${name} commit failed`);
        }
        log.push(`${name}: commit`);
      },
      async rollback() {
        log.push(`${name}: rollback`);
      },
    };
    log.push(lockTimeoutMs === undefined ? `${name}: begin` : `${name}: begin, lock waits ≤ ${lockTimeoutMs} ms`);
    return tx;
  };
  return pooledDatabase({
    kind: 'postgres',
    dialect: 'postgres',
    query: async () => [],
    begin: async (options) => open(options),
    exec: async () => undefined,
    close: async () => undefined,
  });
}

function threeDatabases(
  fail: Partial<Record<'vmail' | 'amavisd' | 'iredapd', { statement?: string; commit?: boolean }>> = {},
) {
  const log: string[] = [];
  const db = splitDatabase(recording('vmail', log, fail.vmail), {
    amavisd: recording('amavisd', log, fail.amavisd),
    iredapd: recording('iredapd', log, fail.iredapd),
  });
  return { db, log };
}

test('a database is opened only when the work touches it; all commit, iredapd and amavisd before vmail', async () => {
  const { db, log } = threeDatabases();
  await db.transaction(async (tx) => {
    await tx.query(raw('DELETE FROM mailbox'));
    await tx.database('amavisd').query(raw('DELETE FROM policy'));
    await tx.database('iredapd').query(raw('DELETE FROM throttle'));
    // Reached from any of them, a database is the same transaction.
    await tx.database('iredapd').database('amavisd').query(raw('DELETE FROM users'));
    expect(tx.database('iredapd').database('vmail')).toBe(tx);
  });
  expect(log).toEqual([
    'vmail: begin',
    'vmail: DELETE FROM mailbox',
    // From its first statement, a lock wait there is bounded (README: lock waits).
    `amavisd: begin, lock waits ≤ ${SEPARATE_LOCK_TIMEOUT_MS} ms`,
    'amavisd: DELETE FROM policy',
    `iredapd: begin, lock waits ≤ ${SEPARATE_LOCK_TIMEOUT_MS} ms`,
    'iredapd: DELETE FROM throttle',
    'amavisd: DELETE FROM users',
    'iredapd: commit',
    'amavisd: commit',
    'vmail: commit',
  ]);

  log.length = 0;
  await db.transaction(async (tx) => {
    await tx.query(raw('UPDATE mailbox'));
  });
  expect(log).toEqual(['vmail: begin', 'vmail: UPDATE mailbox', 'vmail: commit']);
});

test('a statement refused in any database rolls back every database opened', async () => {
  const { db, log } = threeDatabases({ amavisd: { statement: 'DELETE FROM policy' } });
  await expect(
    db.transaction(async (tx) => {
      await tx.query(raw('DELETE FROM mailbox'));
      await tx.database('iredapd').query(raw('DELETE FROM throttle'));
      await tx.database('amavisd').query(raw('DELETE FROM policy'));
    }),
  ).rejects.toThrow('amavisd refused DELETE FROM policy');
  expect(log.filter((entry) => /commit|rollback/.test(entry))).toEqual([
    'iredapd: rollback',
    'amavisd: rollback',
    'vmail: rollback',
  ]);
});

test('a commit that fails rolls back those not yet committed, vmail included; earlier ones stay (README: what is not atomic)', async () => {
  const { db, log } = threeDatabases({ amavisd: { commit: true } });
  await expect(
    db.transaction(async (tx) => {
      await tx.database('iredapd').query(raw('DELETE FROM throttle'));
      await tx.database('amavisd').query(raw('DELETE FROM policy'));
      await tx.query(raw('DELETE FROM mailbox'));
    }),
  ).rejects.toThrow('amavisd commit failed');
  expect(log.filter((entry) => /commit|rollback/.test(entry))).toEqual([
    'iredapd: commit',
    'amavisd: commit failed',
    'vmail: rollback',
  ]);
});

test('outside a transaction each database is its own pool, and reaches the others', async () => {
  const log: string[] = [];
  const vmail = recording('vmail', log);
  const amavisd = recording('amavisd', log);
  const db = splitDatabase(vmail, { amavisd });
  expect(db.database('vmail')).toBe(db);
  expect(db.database('amavisd').database('vmail')).toBe(db);
  // Not given apart: iredapd's tables are in vmail.
  expect(db.database('iredapd')).toBe(db);
  expect(db.begin).toBeUndefined();
});
