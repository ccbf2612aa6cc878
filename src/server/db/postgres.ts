import { createHash } from 'node:crypto';
import pg from 'pg';
import {
  type BeginOptions,
  type Database,
  OID,
  type OpenTransaction,
  type Row,
  isoDateTime,
  openTransaction,
  postgresStatement,
  pooledDatabase,
} from './database';
import type { Sql } from './sql';

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === OID.int8) return (v: string) => Number(v);
    if (oid === OID.timestamp || oid === OID.timestamptz) return (v: string) => isoDateTime(v);
    if (oid === OID.date) return (v: string) => v;
    return pg.types.getTypeParser(oid, format);
  },
};

/** A pooled connection to a real PostgreSQL server. */
export function connectPostgres(url: string, maxConnections = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: maxConnections, types });
  // An idle client that loses its connection must not crash the server.
  pool.on('error', () => undefined);
  const run = async <T extends Row>(
    client: pg.Pool | pg.PoolClient,
    statement: string | Sql,
    params?: readonly unknown[],
  ) => {
    const { text, values } = postgresStatement(statement, params);
    return (await client.query({ text, values, name: statementName(text) })).rows as T[];
  };
  const begin = async ({ lockTimeoutMs }: BeginOptions = {}): Promise<OpenTransaction> => {
    const client = await pool.connect();
    // A connection lost in the transaction fails its statement; the pool hears a checked-out
    // client's 'error' event no more, and unheard it would crash the server.
    const lost = () => undefined;
    client.on('error', lost);
    const release = (destroy?: true) => {
      client.removeListener('error', lost);
      client.release(destroy);
    };
    try {
      await client.query('BEGIN');
      // SET LOCAL: ends with the transaction.
      if (lockTimeoutMs !== undefined)
        await client.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.round(lockTimeoutMs))}`);
    } catch (error) {
      release(true);
      throw error;
    }
    return openTransaction(
      'postgres',
      (sql, params) => run(client, sql, params),
      async (how) => {
        try {
          await client.query(how === 'commit' ? 'COMMIT' : 'ROLLBACK');
          release();
        } catch (error) {
          // A connection whose transaction did not end cleanly never goes back to the pool.
          release(true);
          if (how === 'commit') throw error;
        }
      },
    );
  };
  return pooledDatabase({
    kind: 'postgres',
    dialect: 'postgres',
    query: (sql, params) => run(pool, sql, params),
    begin,
    async exec(script) {
      await pool.query(script);
    },
    listen: (channel, deliver, lost) => listenOn(url, channel, deliver, lost),
    async countListeners() {
      const rows = await run<{ n: number }>(
        pool,
        'SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()',
        [LISTENER_APPLICATION_NAME],
      );
      return rows[0]?.n ?? 0;
    },
    close: () => pool.end(),
  });
}

/** Seen in pg_stat_activity as the listening connection of an API server. */
export const LISTENER_APPLICATION_NAME = 'iredadmin-api-listener';

/**
 * LISTEN on a connection of its own (a pooled one would be handed to queries and released).
 * TCP keep-alive makes a silently dead peer an error instead of a connection waiting forever.
 */
async function listenOn(
  url: string,
  channel: string,
  deliver: (payload: string) => void,
  lost: (error: unknown) => void,
): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: url, application_name: LISTENER_APPLICATION_NAME, keepAlive: true });
  let stopped = false;
  let reported = false;
  const fail = (error: unknown) => {
    if (stopped || reported) return;
    reported = true;
    lost(error);
    void client.end().catch(() => undefined);
  };
  client.on('error', fail);
  client.on('end', () => fail(new Error('the listening connection ended')));
  client.on('notification', (message) => {
    if (message.channel === channel) deliver(message.payload ?? '');
  });
  try {
    await client.connect();
    await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
  } catch (error) {
    stopped = true;
    await client.end().catch(() => undefined);
    throw error;
  }
  return async () => {
    stopped = true;
    await client.end().catch(() => undefined);
  };
}

const names = new Map<string, string>();
/** Statement texts are fixed in our code; the bound only guards against a future dynamic one. */
const MAX_NAMED_STATEMENTS = 2000;

/**
 * A name per distinct statement text, so each pooled connection parses and plans a statement
 * once and reuses it (PostgreSQL switches to a generic plan after a few runs). Planning, not
 * executing, dominated our reads: the user view has nine sub-selects.
 */
function statementName(sql: string): string | undefined {
  let name = names.get(sql);
  if (!name) {
    if (names.size >= MAX_NAMED_STATEMENTS) return undefined;
    name = `s_${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`;
    names.set(sql, name);
  }
  return name;
}
