import { PGlite, parse, protocol, type Results } from '@electric-sql/pglite';
import { type Database, OID, type Queryable, type Row, isoDateTime, postgresStatement } from './database';
import type { Sql } from './sql';

/**
 * Embedded PostgreSQL (WASM). `location` is a data directory, or `memory` for a throwaway
 * database. Start-up takes seconds: open it once per process, never per request.
 */
export async function openPglite(location = 'memory'): Promise<Database> {
  const db = new PGlite(location === 'memory' ? undefined : location, {
    parsers: {
      [OID.int8]: (v: string) => Number(v),
      [OID.timestamp]: (v: string) => isoDateTime(v),
      [OID.timestamptz]: (v: string) => isoDateTime(v),
      [OID.date]: (v: string) => v,
    },
  });
  await db.waitReady;
  const prepared = preparedStatements(db);
  const run = async (
    target: Pick<PGlite, 'query'>,
    inTransaction: boolean,
    statement: string | Sql,
    params?: readonly unknown[],
  ) => {
    const { text, values } = postgresStatement(statement, params);
    const result = values.length > 0 ? await prepared(text, values, inTransaction) : undefined;
    return normalizeRows(result ?? (await target.query(text, values))) as never[];
  };
  const database: Database = {
    kind: 'pglite',
    dialect: 'postgres',
    query: (statement, params) => run(db, false, statement, params),
    database: () => database,
    transaction: (work) =>
      db.transaction((tx) => {
        const queryable: Queryable = {
          dialect: 'postgres',
          query: (statement, params) => run(tx, true, statement, params),
          database: () => queryable,
        };
        return work(queryable);
      }),
    async exec(script) {
      await db.exec(script);
    },
    // One process, one database: a NOTIFY reaches the listener in the same process, before the
    // committing statement's promise resolves, and there is no connection to lose.
    listen: (channel, deliver) => db.listen(channel, deliver),
    close: () => db.close(),
  };
  return database;
}

/** Statement texts are fixed in our code; the bound only guards against a future dynamic one. */
const MAX_PREPARED = 2000;

/**
 * Runs parameterized statements as named prepared statements: each text is parsed and planned
 * once per database (PostgreSQL moves to a generic plan after a few runs), and each run is one
 * exchange with the WASM backend (Bind, Describe, Execute, Sync) instead of PGlite's six. The user
 * view, nine sub-selects, spent ~80% of its CPU in planning, re-done on every query before.
 * Undefined when the bound is reached: the caller then runs the statement the ordinary way.
 */
function preparedStatements(db: PGlite) {
  const statements = new Map<string, { name: string; paramTypes: number[] }>();
  const exchange = async (parts: Uint8Array[], syncToFs: boolean) =>
    (await db.execProtocol(concat(parts), { syncToFs })).messages;

  const runLocked = async (text: string, values: unknown[], inTransaction: boolean) => {
    let statement = statements.get(text);
    if (!statement) {
      if (statements.size >= MAX_PREPARED) return undefined;
      const name = `p${statements.size}`;
      const { serialize } = protocol;
      const described = await exchange(
        [serialize.parse({ name, text }), serialize.describe({ type: 'S', name }), serialize.sync()],
        false,
      );
      statement = { name, paramTypes: parse.parseDescribeStatementResults(described) };
      statements.set(text, statement);
    }
    const { paramTypes } = statement;
    // As PGlite's own query(): each value through the serializer of its parameter's type.
    const serialized = values.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serializer = db.serializers[paramTypes[i]!];
      return serializer ? serializer(value) : String(value);
    });
    const { serialize } = protocol;
    const messages = await exchange(
      [
        serialize.bind({ statement: statement.name, values: serialized }),
        serialize.describe({ type: 'P' }),
        serialize.execute({}),
        serialize.sync(),
      ],
      !inTransaction,
    );
    return parse.parseResults(messages, db.parsers)[0] ?? { rows: [], fields: [] };
  };

  // The locks PGlite's own query() takes: inside a transaction its holder already has the outer one.
  return (text: string, values: unknown[], inTransaction: boolean) =>
    inTransaction
      ? db._runExclusiveQuery(() => runLocked(text, values, true))
      : db._runExclusiveTransaction(() => db._runExclusiveQuery(() => runLocked(text, values, false)));
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * PGlite hands timestamps and dates back as Dates whatever the parsers say; give them the text
 * form pg gives (`YYYY-MM-DDTHH:MM:SS`, a DATE column `YYYY-MM-DD`).
 */
function normalizeRows(result: Pick<Results, 'rows' | 'fields'>): Row[] {
  const rows = result.rows as Row[];
  const dates = new Set(result.fields.filter((f) => f.dataTypeID === OID.date).map((f) => f.name));
  for (const row of rows) {
    for (const key in row) {
      const value = row[key];
      if (value instanceof Date) row[key] = value.toISOString().slice(0, dates.has(key) ? 10 : 19);
    }
  }
  return rows;
}
