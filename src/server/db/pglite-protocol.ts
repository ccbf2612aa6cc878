/**
 * Statements and transactions on PGlite driven through its wire protocol (`execProtocolStream`), each
 * run one exchange with the WASM backend where PGlite's own `query()` makes six and its
 * `transaction()` four more for BEGIN and COMMIT. PGlite has one session for the whole process:
 * a transaction holds PGlite's transaction lock from BEGIN to COMMIT, so no other statement runs
 * in between, and each exchange holds its query lock, as PGlite's own calls do.
 */
import {
  type ExecProtocolResult,
  type PGlite,
  type Results,
  TransactionAbortedError,
  parse,
  protocol,
} from '@electric-sql/pglite';

type Messages = ExecProtocolResult['messages'];
type Result = Pick<Results, 'rows' | 'fields'>;
interface PreparedStatement {
  /** '' for the unnamed statement. */
  name: string;
  paramTypes: number[];
  /** What its rows look like (none when it returns no rows), as described once when it was prepared. */
  rowDescription: Messages[number] | undefined;
}
interface TransactionState {
  /** BEGIN was sent (with the transaction's first statement). */
  began: boolean;
  /** COMMIT or ROLLBACK was sent, or is about to be: no statement of it may run any more. */
  closed: boolean;
}

/** Runs one statement; inside a transaction, through the transaction's session state. */
export type RunStatement = (text: string, values: readonly unknown[]) => Promise<Result>;

/** Statement texts are fixed in our code; the bound only guards against a future dynamic one. */
const MAX_PREPARED = 2000;

const { serialize } = protocol;
const BEGIN = [serialize.parse({ text: 'BEGIN' }), serialize.bind({}), serialize.execute({})];

export function pgliteProtocol(db: PGlite, maxPrepared = MAX_PREPARED) {
  const statements = new Map<string, PreparedStatement>();

  // The stream form hands back the parsed messages only (execProtocol also copies the raw bytes).
  const exchange = (parts: Uint8Array[], syncToFs: boolean): Promise<Messages> =>
    db.execProtocolStream(concat(parts), { syncToFs });

  /**
   * Parameterized statements run as named prepared statements: each text is parsed and planned
   * once per database (PostgreSQL moves to a generic plan after a few runs), and each run is one
   * exchange (Bind, Execute, Sync; its rows are read with the description the statement got when
   * prepared). The user view, nine sub-selects, spent ~80% of its CPU in planning, re-done on
   * every query before. A statement without parameters (or past the bound) is parsed unnamed and
   * described in the same exchange. In a transaction that has not begun yet, BEGIN goes first in
   * that exchange. Callers hold the query lock.
   */
  const runLocked = async (text: string, values: readonly unknown[], tx: TransactionState | null) => {
    // Checked under the lock: a statement issued before the transaction ended never runs after it.
    if (tx?.closed) throw new Error('the transaction is closed');
    let statement = statements.get(text);
    if (!statement && values.length > 0) statement = await prepare(text);
    const begin = tx !== null && !tx.began;
    if (tx) tx.began = true;
    const named = statement?.name ? statement : undefined;
    const messages = await exchange(
      [
        ...(begin ? BEGIN : []),
        // Unnamed: parsed in this exchange (again if `prepare` described it: BEGIN's parse replaces it).
        ...(named ? [] : [serialize.parse({ text })]),
        serialize.bind({ statement: named?.name, values: serializeValues(db, values, statement?.paramTypes ?? []) }),
        ...(named ? [] : [serialize.describe({ type: 'P' })]),
        serialize.execute({}),
        serialize.sync(),
      ],
      tx === null,
    );
    const own = begin ? afterFirstCommand(messages) : messages;
    const results = parse.parseResults(named?.rowDescription ? [named.rowDescription, ...own] : own, db.parsers);
    return results[0] ?? { rows: [], fields: [] };
  };

  const prepare = async (text: string) => {
    const name = statements.size < maxPrepared ? `p${statements.size}` : '';
    const described = await exchange(
      [serialize.parse({ name, text }), serialize.describe({ type: 'S', name }), serialize.sync()],
      false,
    );
    const statement: PreparedStatement = {
      name,
      paramTypes: parse.parseDescribeStatementResults(described),
      rowDescription: described.find((m) => m.name === 'rowDescription'),
    };
    if (name) statements.set(text, statement);
    return statement;
  };

  return {
    /** One statement in a transaction of its own (PostgreSQL's implicit one). */
    run: ((text, values) =>
      db._runExclusiveTransaction(() => db._runExclusiveQuery(() => runLocked(text, values, null)))) as RunStatement,

    /**
     * Runs `work` in one transaction: BEGIN travels with its first statement, COMMIT is one
     * exchange; a transaction that ran no statement sends neither. Rolled back wholly when `work`
     * throws (a failed statement leaves the backend's transaction aborted; ROLLBACK ends it).
     */
    async transaction<T>(work: (run: RunStatement) => Promise<T>): Promise<T> {
      return db._runExclusiveTransaction(async () => {
        const tx: TransactionState = { began: false, closed: false };
        try {
          const result = await work((text, values) => db._runExclusiveQuery(() => runLocked(text, values, tx)));
          tx.closed = true;
          if (tx.began) await finish('COMMIT');
          return result;
        } catch (error) {
          const open = tx.began && !tx.closed;
          tx.closed = true;
          if (open) await finish('ROLLBACK').catch(() => undefined);
          throw error;
        }
      });
    },
  };

  /** COMMIT or ROLLBACK, one simple-query exchange. A COMMIT that rolled back throws as PGlite's would. */
  async function finish(command: 'COMMIT' | 'ROLLBACK'): Promise<void> {
    const messages = await db._runExclusiveQuery(() => exchange([serialize.query(command)], command === 'COMMIT'));
    const tag = messages.find((m) => m.name === 'commandComplete') as { text?: string } | undefined;
    if (command === 'COMMIT' && tag?.text === 'ROLLBACK') throw new TransactionAbortedError();
  }
}

/** As PGlite's own query(): each value through the serializer of its parameter's type. */
function serializeValues(db: PGlite, values: readonly unknown[], paramTypes: number[]): (string | null)[] {
  return values.map((value, i) => {
    if (value === null || value === undefined) return null;
    const serializer = db.serializers[paramTypes[i]!];
    return serializer ? serializer(value) : String(value);
  });
}

/** The statement's own messages, after those of the BEGIN sent ahead of it. */
function afterFirstCommand(messages: Messages): Messages {
  const end = messages.findIndex((m) => m.name === 'commandComplete');
  return messages.slice(end + 1);
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
