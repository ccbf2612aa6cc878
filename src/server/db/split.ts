/**
 * iRedMail's three databases behind one `Database`: `vmail` (given with --database, also home of
 * our own tables) and, when given, amavisd's and iRedAPD's databases of their own. Statements
 * reach a database's tables through `q.database('amavisd' | 'iredapd')` (see database.ts).
 *
 * One design for every write: `transaction` opens vmail's transaction at once and each other
 * database's the first time the work touches it, on a connection of its own; when the work
 * succeeds they commit together, any failure before that rolls all of them back. Nothing
 * becomes visible before every statement of every database has succeeded.
 *
 * The commits themselves are not atomic (no two-phase commit: PostgreSQL's needs
 * max_prepared_transactions, off by default). The order decides what a failure between them
 * leaves: amavisd and iredapd commit first, vmail last. A delete — the main write spanning
 * databases — then leaves at worst an account still in vmail with its policies gone (deleting
 * it again finishes the job), never orphaned throttles or white/blacklists that a new account of
 * the same address would silently inherit. Committing vmail last also keeps its row locks (the
 * account being written) held until every database has committed.
 *
 * A lock wait across two databases is invisible to both deadlock detectors. Writes that span
 * databases therefore lock the account's or domain's vmail row before they touch amavisd's or
 * iRedAPD's tables, and touch iRedAPD's before amavisd's (account-traces.ts): two of them meet
 * first in vmail, where one simply waits for the other. Nothing can enforce that order for every
 * write (a read touching a database first takes no lock), so the wait is bounded instead: a
 * statement in amavisd's or iRedAPD's database waits at most `lockTimeoutMs` for a row lock,
 * then fails and every database rolls back (on MariaDB the transaction is retried, as after a
 * deadlock) — a broken order, or another program holding a row, costs a failed request, never a
 * request that hangs with vmail's rows locked.
 */
import {
  type Database,
  type OpenTransaction,
  PG_LOCK_NOT_AVAILABLE,
  PG_SERIALIZATION_FAILURE,
  pgErrorCode,
  type Queryable,
  type Row,
} from './database';
import type { IredmailDatabase } from './iredmail-tables';
import type { Sql } from './sql';

export type SeparateDatabase = Exclude<IredmailDatabase, 'vmail'>;

/** How each separate database is named to the operator: its flag and its environment setting. */
export const SEPARATE_DATABASE_SETTING: Record<SeparateDatabase, { flag: string; env: string }> = {
  amavisd: { flag: '--amavisd-database', env: 'AMAVISD_DATABASE' },
  iredapd: { flag: '--iredapd-database', env: 'IREDAPD_DATABASE' },
};

/** The databases `q` reaches apart from vmail (none where all of iRedMail's tables are in one). */
export function separateDatabases(q: Queryable): SeparateDatabase[] {
  return (Object.keys(SEPARATE_DATABASE_SETTING) as SeparateDatabase[]).filter(
    (name) => q.database(name) !== q.database('vmail'),
  );
}

/** The order separate databases commit in; vmail commits after all of them. */
const COMMIT_ORDER: readonly SeparateDatabase[] = ['iredapd', 'amavisd'];

/** How long a statement in amavisd's or iRedAPD's database waits for a row lock, by default. */
export const SEPARATE_LOCK_TIMEOUT_MS = 5000;

/** PostgreSQL's lock_not_available, and the code MySQL's lock wait timeout is given (mysql.ts). */
const LOCK_WAIT_ENDED = new Set([PG_LOCK_NOT_AVAILABLE, PG_SERIALIZATION_FAILURE]);

export function splitDatabase(
  vmail: Database,
  separate: Partial<Record<SeparateDatabase, Database>>,
  { lockTimeoutMs = SEPARATE_LOCK_TIMEOUT_MS } = {},
): Database {
  // Outside a transaction: each database's pool, from which every other database is reached too.
  const pools = new Map<SeparateDatabase, Queryable>();
  for (const [name, other] of Object.entries(separate) as [SeparateDatabase, Database][])
    pools.set(name, { dialect: other.dialect, query: other.query, database: (to) => db.database(to) });
  const db: Database = {
    ...vmail,
    // Its own transactions span databases; there is no single one to hand out open.
    begin: undefined,
    database: (name) => (name === 'vmail' ? db : (pools.get(name) ?? db)),
    async transaction(work) {
      return vmail.transaction(async (vmailTx) => {
        const opened = new Map<SeparateDatabase, Promise<OpenTransaction>>();
        const open = (name: SeparateDatabase, other: Database): Promise<OpenTransaction> => {
          let begun = opened.get(name);
          if (!begun) {
            if (!other.begin) throw new Error(`the ${name} database cannot join a transaction`);
            begun = other.begin({ lockTimeoutMs });
            opened.set(name, begun);
          }
          return begun;
        };
        const lazily = (name: SeparateDatabase, other: Database): Queryable => ({
          dialect: other.dialect,
          query: async <T extends Row>(statement: string | Sql, params?: readonly unknown[]) =>
            (await open(name, other)).query<T>(statement, params).catch((error: unknown) => {
              const code = pgErrorCode(error);
              if (!code || !LOCK_WAIT_ENDED.has(code) || !(error instanceof Error)) throw error;
              // The same code (MariaDB retries it), with the database named.
              const message = `the ${name} database kept a row locked longer than ${lockTimeoutMs} ms: ${error.message}`;
              throw Object.assign(new Error(message, { cause: error }), { code });
            }),
          database: (to) => tx.database(to),
        });
        const joined = new Map<SeparateDatabase, Queryable>();
        const tx: Queryable = {
          dialect: vmailTx.dialect,
          query: (statement, params) => vmailTx.query(statement, params),
          database(name) {
            if (name === 'vmail') return tx;
            const other = separate[name];
            if (!other) return tx;
            let q = joined.get(name);
            if (!q) joined.set(name, (q = lazily(name, other)));
            return q;
          },
        };
        const endAll = async (how: 'commit' | 'rollback') => {
          for (const name of COMMIT_ORDER) {
            const begun = opened.get(name);
            if (!begun) continue;
            // Ended once: committed or rolled back, it is never touched again.
            opened.delete(name);
            // A begin that failed has nothing to end (its error already reached the work).
            const open = await begun.catch(() => undefined);
            if (open) await open[how]();
          }
        };
        const result = await work(tx).catch(async (error: unknown) => {
          await endAll('rollback').catch(() => undefined);
          throw error;
        });
        try {
          await endAll('commit');
        } catch (error) {
          // Those not yet committed roll back; vmail rolls back as this throws.
          await endAll('rollback').catch(() => undefined);
          throw error;
        }
        return result;
      });
    },
    async close() {
      await Promise.all([vmail.close(), ...Object.values(separate).map((other) => other.close())]);
    },
  };
  return db;
}
