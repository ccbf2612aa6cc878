import mysql from 'mysql2';
import type { Pool, PoolConnection } from 'mysql2/promise';
import {
  type BeginOptions,
  type Database,
  PG_DEADLOCK,
  PG_INSUFFICIENT_PRIVILEGE,
  PG_SERIALIZATION_FAILURE,
  PG_UNIQUE_VIOLATION,
  type OpenTransaction,
  type Row,
  isoDateTime,
  openTransaction,
  pooledDatabase,
} from './database';
import type { Sql } from './sql';

/**
 * A pooled connection to MariaDB (≥ 10.6) or MySQL: `mysql://user:pass@host:port/db`
 * (`mariadb://` is the same). Statements must be portable `Sql` (see ./sql): PostgreSQL text
 * with `$n` parameters is refused rather than guessed at.
 */
export function connectMysql(url: string, maxConnections = 10): Database {
  const core = mysql.createPool({
    uri: url.replace(/^mariadb:/, 'mysql:'),
    connectionLimit: maxConnections,
    charset: 'utf8mb4',
    // SUM() as a number; several statements per exec() (migrations).
    decimalNumbers: true,
    multipleStatements: true,
    // Timestamps as the text PostgreSQL's drivers give (the columns have no time zone).
    typeCast: (field, next) => {
      if (field.type === 'DATETIME' || field.type === 'TIMESTAMP') {
        const text = field.string();
        return text === null ? null : isoDateTime(text);
      }
      if (field.type === 'DATE' || field.type === 'NEWDATE') return field.string();
      return next();
    },
  });
  // PostgreSQL's defaults, which our SQL is written for: each statement sees what committed before
  // it, "x" quotes an identifier and || concatenates.
  core.on('connection', (connection) => {
    // A connection not set up would misread our SQL: it never serves a query.
    connection.query(SESSION_SETUP, (error) => {
      if (error) connection.destroy();
    });
  });
  const pool = core.promise();
  const run = async <T extends Row>(
    client: Pool | PoolConnection,
    statement: string | Sql,
    params?: readonly unknown[],
  ) => {
    const { text, values, jsonColumns } = mysqlStatement(statement, params);
    try {
      const [result] = await client.query(text, values);
      return decodeRows(result, jsonColumns) as T[];
    } catch (error) {
      throw translateError(error);
    }
  };
  const begin = async ({ lockTimeoutMs }: BeginOptions = {}): Promise<OpenTransaction> => {
    const connection = await pool.getConnection();
    const limitsLockWait = lockTimeoutMs !== undefined;
    try {
      await connection.beginTransaction();
      // MySQL's limit is the session's: the value before is kept, to be put back when the transaction ends.
      if (limitsLockWait)
        await connection.query(
          `SET @${LOCK_WAIT_BEFORE} = @@SESSION.innodb_lock_wait_timeout, ` +
            `SESSION innodb_lock_wait_timeout = ${Math.max(1, Math.ceil(lockTimeoutMs / 1000))}`,
        );
    } catch (error) {
      connection.destroy();
      throw translateError(error);
    }
    let locked = false;
    const end = async (how: 'commit' | 'rollback') => {
      let failure: unknown;
      if (how === 'commit') await connection.commit().catch((error: unknown) => (failure = translateError(error)));
      if (how === 'rollback' || failure) await connection.rollback().catch(() => undefined);
      // Named locks (`transactionLock`) end with the transaction, as PostgreSQL's xact locks do.
      let broken = false;
      if (locked) await connection.query('DO RELEASE_ALL_LOCKS()').catch(() => (broken = true));
      if (limitsLockWait)
        await connection
          .query(`SET SESSION innodb_lock_wait_timeout = @${LOCK_WAIT_BEFORE}`)
          .catch(() => (broken = true));
      // A connection that may still hold a lock, or keep this transaction's lock wait limit, never goes back to the pool.
      if (broken) connection.destroy();
      else connection.release();
      if (failure) throw failure;
    };
    const query: OpenTransaction['query'] = async (statement, params) => {
      const rows = await run(connection, statement, params);
      if (typeof statement !== 'string' && statement.takesLock) {
        locked = true;
        if (rows[0]?.granted !== 1)
          throw Object.assign(new Error('timed out waiting for a lock'), { code: PG_SERIALIZATION_FAILURE });
      }
      return rows as never[];
    };
    return openTransaction('mysql', query, end);
  };
  return pooledDatabase({
    kind: 'mysql',
    dialect: 'mysql',
    query: (statement, params) => run(pool, statement, params),
    begin,
    // InnoDB picks a deadlock victim where PostgreSQL would have waited: run it again.
    retry: (error, attempt) => attempt < MAX_ATTEMPTS && retryable(error),
    async exec(script) {
      await pool.query(script);
    },
    close: () => pool.end(),
  });
}

const SESSION_SETUP = [
  'SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED',
  // JSON_ARRAYAGG is cut at group_concat_max_len (1 MiB by default).
  "SET SESSION sql_mode = CONCAT(@@sql_mode, ',ANSI_QUOTES,PIPES_AS_CONCAT'), SESSION group_concat_max_len = 16777216",
  // Zone-less timestamps are UTC, as UNIX_TIMESTAMP() and NOW() then agree with PostgreSQL's EXTRACT(EPOCH …).
  "SET SESSION time_zone = '+00:00'",
].join('; ');

const MAX_ATTEMPTS = 5;

/** The user variable holding a connection's lock wait limit while a transaction has its own. */
const LOCK_WAIT_BEFORE = 'iredadmin_lock_wait_before';

function retryable(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === PG_DEADLOCK || code === PG_SERIALIZATION_FAILURE;
}

function mysqlStatement(
  statement: string | Sql,
  params?: readonly unknown[],
): { text: string; values: unknown[]; jsonColumns: readonly string[] } {
  if (typeof statement !== 'string') return { ...statement.render('mysql'), jsonColumns: statement.jsonColumns };
  if (params?.length || /\$\d/.test(statement))
    throw new Error(`not ported to MySQL (write it with the sql\`\` template): ${statement.slice(0, 80)}`);
  return { text: statement, values: [], jsonColumns: [] };
}

function decodeRows(result: unknown, jsonColumns: readonly string[]): Row[] {
  if (!Array.isArray(result)) return [];
  const rows = result as Row[];
  for (const row of rows) {
    for (const column of jsonColumns) {
      const value = row[column];
      if (typeof value === 'string') row[column] = JSON.parse(value);
    }
  }
  return rows;
}

/** MySQL errors carry the PostgreSQL code the rest of the server already handles. */
const CODES: Record<number, string> = {
  1062: PG_UNIQUE_VIOLATION, // ER_DUP_ENTRY
  1213: PG_DEADLOCK, // ER_LOCK_DEADLOCK
  1205: PG_SERIALIZATION_FAILURE, // ER_LOCK_WAIT_TIMEOUT
  1044: PG_INSUFFICIENT_PRIVILEGE, // ER_DBACCESS_DENIED_ERROR
  1142: PG_INSUFFICIENT_PRIVILEGE, // ER_TABLEACCESS_DENIED_ERROR
  1143: PG_INSUFFICIENT_PRIVILEGE, // ER_COLUMNACCESS_DENIED_ERROR
};

function translateError(error: unknown): unknown {
  const errno = (error as { errno?: unknown }).errno;
  const code = typeof errno === 'number' ? CODES[errno] : undefined;
  if (!code || !(error instanceof Error)) return error;
  return Object.assign(new Error(error.message, { cause: error }), { code });
}
