/**
 * Transactions of the storage seam: a failure rolls back everything the transaction wrote, and a
 * statement from outside never becomes part of an open transaction — on PGlite, one session for
 * the whole process, that means it waits until the transaction ends. PGlite's transactions run
 * over its wire protocol (BEGIN sent with the first statement, COMMIT alone): the cases below
 * that need a PGlite of their own check that protocol's edges.
 */
import { PGlite } from '@electric-sql/pglite';
import { PG_UNIQUE_VIOLATION, pgErrorCode, type Database } from '../../src/server/db/database';
import { pgliteProtocol } from '../../src/server/db/pglite-protocol';
import { sql } from '../../src/server/db/sql';
import { SERVER_BACKENDS, createTestDatabase } from '../support/test-server';

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe.each(SERVER_BACKENDS)('transactions on %s', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = (await createTestDatabase(backend)).db;
  });
  afterAll(() => db?.close());

  const addAlias = (q: Pick<Database, 'query'>, address: string) =>
    q.query(sql`INSERT INTO alias (address, domain) VALUES (${address}, ${'tx.example'})`);
  const aliases = async (...addresses: string[]) =>
    (await db.query<{ address: string }>(sql`SELECT address FROM alias WHERE domain = ${'tx.example'}`))
      .map((r) => r.address)
      .filter((a) => addresses.includes(a))
      .sort();

  test('a failed statement rolls back what the transaction wrote before it; the next transaction commits', async () => {
    await addAlias(db, 'taken@tx.example');
    const error = await rejection(
      db.transaction(async (tx) => {
        await addAlias(tx, 'first@tx.example');
        await addAlias(tx, 'taken@tx.example');
      }),
    );
    expect(pgErrorCode(error)).toBe(PG_UNIQUE_VIOLATION);
    expect(await aliases('first@tx.example')).toEqual([]);
    await db.transaction((tx) => addAlias(tx, 'second@tx.example'));
    expect(await aliases('first@tx.example', 'second@tx.example')).toEqual(['second@tx.example']);
  });

  test('statements a transaction issues together all roll back with it', async () => {
    await expect(
      db.transaction(async (tx) => {
        await Promise.all([addAlias(tx, 'p1@tx.example'), addAlias(tx, 'p2@tx.example')]);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await aliases('p1@tx.example', 'p2@tx.example')).toEqual([]);
  });

  test('a write issued while a transaction is open is not part of it, and survives its rollback', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let opened = () => {};
    const isOpen = new Promise<void>((resolve) => {
      opened = resolve;
    });
    const rolledBack = db.transaction(async (tx) => {
      await addAlias(tx, 'inside@tx.example');
      opened();
      await gate;
      throw new Error('abort');
    });
    await isOpen;
    const outside = addAlias(db, 'outside@tx.example');
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    await expect(rolledBack).rejects.toThrow('abort');
    await outside;
    expect(await aliases('inside@tx.example', 'outside@tx.example')).toEqual(['outside@tx.example']);
  });
});

describe('the PGlite wire-protocol runner', () => {
  let pg: PGlite;
  // Two prepared statements at most: later texts run unnamed, the path a future dynamic statement takes.
  let runner: ReturnType<typeof pgliteProtocol>;
  beforeAll(async () => {
    pg = new PGlite();
    await pg.exec('CREATE TABLE t (k text PRIMARY KEY, n int)');
    runner = pgliteProtocol(pg, 2);
  });
  afterAll(() => pg?.close());
  afterEach(() => {
    // Whatever a case did, no transaction is left open on the one session.
    expect(pg.isInTransaction()).toBe(false);
  });

  const keys = async () => (await pg.query<{ k: string }>('SELECT k FROM t ORDER BY k')).rows.map((r) => r.k);

  test('past the bound of prepared statements, statements still run, in and out of transactions', async () => {
    await runner.run('INSERT INTO t (k, n) VALUES ($1, $2)', ['a', 1]);
    await runner.run('INSERT INTO t (k, n) VALUES ($1, $2 + 0)', ['b', 2]);
    // Third and fourth texts: unnamed, and the first of its transaction (BEGIN goes with it).
    await runner.transaction(async (run) => {
      await run('INSERT INTO t (k, n) VALUES ($1, $2 + 1)', ['c', 3]);
      expect((await run('SELECT n FROM t WHERE k = $1 AND n > $2', ['c', 0])).rows).toEqual([{ n: 4 }]);
    });
    expect((await runner.run('SELECT count(*)::int AS n FROM t', [])).rows).toEqual([{ n: 3 }]);
    await expect(
      runner.transaction(async (run) => {
        await run('INSERT INTO t (k, n) VALUES ($1, $2 + 2)', ['d', 4]);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await keys()).toEqual(['a', 'b', 'c']);
  });

  test('a transaction whose failed statement was caught does not commit: COMMIT throws and nothing is written', async () => {
    const error = await rejection(
      runner.transaction(async (run) => {
        await run('INSERT INTO t (k) VALUES ($1)', ['e']);
        await run('INSERT INTO t (k) VALUES ($1)', ['a']).catch(() => undefined);
      }),
    );
    expect(error).toBeInstanceOf(Error);
    expect(await keys()).not.toContain('e');
  });

  test('a statement of a transaction issued after it ended is refused and never runs', async () => {
    let late: ((text: string, values: unknown[]) => Promise<unknown>) | undefined;
    await runner.transaction(async (run) => {
      late = run;
      await run('INSERT INTO t (k) VALUES ($1)', ['f']);
    });
    await expect(late!('INSERT INTO t (k) VALUES ($1)', ['g'])).rejects.toThrow('the transaction is closed');
    await expect(
      runner.transaction(async (run) => {
        late = run;
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await expect(late!('INSERT INTO t (k) VALUES ($1)', ['h'])).rejects.toThrow('the transaction is closed');
    expect(await keys()).toEqual(['a', 'b', 'c', 'f']);
  });

  test('a transaction that ran no statement sends nothing and returns its result', async () => {
    expect(await runner.transaction(async () => 42)).toBe(42);
  });
});
