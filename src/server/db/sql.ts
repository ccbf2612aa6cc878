/**
 * The dialect seam: every statement is written once as a tagged template,
 *
 *   sql`SELECT … FROM mailbox WHERE domain = ${domain} AND quota > ${quota}`
 *
 * and rendered for the backend running it — `$1, $2…` for PostgreSQL/PGlite, `?` for MariaDB/MySQL.
 * (`WHERE username ${isAnyOf(names)}` for lists.)
 * The few constructs the two SQL dialects spell differently are fragments below (upserts,
 * array-of-subquery, interval arithmetic, casts); everything else is SQL both accept.
 */
import { createHash } from 'node:crypto';

export type Dialect = 'postgres' | 'mysql';

type Part = string | { value: unknown } | Sql | { [D in Dialect]: Sql };

export class Sql {
  /** Columns the MySQL driver decodes from JSON (arrays built with `arrayOf`). */
  readonly jsonColumns: readonly string[];
  /** Set by `transactionLock`: the MySQL driver checks the lock was granted and frees it when the transaction ends. */
  takesLock = false;
  constructor(
    readonly parts: readonly Part[],
    jsonColumns: readonly string[] = [],
  ) {
    const nested = parts.flatMap((p) => (p instanceof Sql ? p.jsonColumns : []));
    this.jsonColumns = [...jsonColumns, ...nested];
  }

  /** An `Sql` pasted into a plain string would lose its parameters: fail loudly instead. */
  toString(): string {
    throw new Error('an sql`` fragment was interpolated into a plain string; interpolate it into sql`` instead');
  }

  render(dialect: Dialect): { text: string; values: unknown[] } {
    const values: unknown[] = [];
    const text = this.renderInto(dialect, values);
    return { text, values };
  }

  private renderInto(dialect: Dialect, values: unknown[]): string {
    let text = '';
    for (const part of this.parts) {
      if (typeof part === 'string') text += part;
      else if (part instanceof Sql) text += part.renderInto(dialect, values);
      else if ('value' in part) {
        values.push(part.value);
        text += dialect === 'postgres' ? `$${values.length}` : '?';
      } else text += part[dialect].renderInto(dialect, values);
    }
    return text;
  }
}

/** A statement: interpolated values become parameters; interpolated `Sql` fragments are inlined. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  const parts: Part[] = [];
  strings.forEach((text, i) => {
    parts.push(text);
    if (i < values.length) {
      const value = values[i];
      parts.push(value instanceof Sql ? value : { value });
    }
  });
  return new Sql(parts);
}

/** Trusted SQL text (identifiers, column lists built from our own constants) — never user input. */
export function raw(text: string): Sql {
  return new Sql([text]);
}

/** One fragment per dialect. */
function dialects(choice: { [D in Dialect]: Sql | string }): Sql {
  const asSql = (s: Sql | string) => (typeof s === 'string' ? raw(s) : s);
  return new Sql([{ postgres: asSql(choice.postgres), mysql: asSql(choice.mysql) }]);
}

/** `Sql` fragments joined by `separator`. */
export function join(fragments: readonly Sql[], separator = ', '): Sql {
  const parts: Part[] = [];
  fragments.forEach((f, i) => {
    if (i > 0) parts.push(separator);
    parts.push(f);
  });
  return new Sql(parts);
}

/**
 * `x ${isAnyOf(vs)}`: PostgreSQL's `x = ANY($1)` with one array parameter (one statement text
 * whatever the length), MariaDB's `x IN (?, ?, …)`. An empty list matches nothing (and
 * `NOT (x ${isAnyOf([])})` everything), as `= ANY('{}')` does.
 */
export function isAnyOf(values: readonly unknown[]): Sql {
  const mysql =
    values.length === 0 ? raw('IN (SELECT NULL WHERE 1 = 0)') : sql`IN (${join(values.map((v) => sql`${v}`))})`;
  return dialects({ postgres: sql`= ANY(${[...values]})`, mysql });
}

/**
 * The values of one column of a subquery as an array, named `alias`: PostgreSQL's
 * `ARRAY(SELECT …)`, MariaDB's `JSON_ARRAYAGG` (decoded back into an array by the driver).
 * `from` is the rest of the subquery: `FROM … WHERE …`.
 */
export function arrayOf(alias: string, column: string, from: Sql | string, orderBy: string = column): Sql {
  const rest = typeof from === 'string' ? raw(from) : from;
  return new Sql(
    [
      dialects({
        postgres: sql`ARRAY(SELECT ${raw(column)} ${rest} ORDER BY ${raw(orderBy)})`,
        mysql: sql`(SELECT COALESCE(JSON_ARRAYAGG(${raw(column)} ORDER BY ${raw(orderBy)}), JSON_ARRAY()) ${rest})`,
      }),
      ` AS ${alias}`,
    ],
    [alias],
  );
}

/** The current time as a time-zone-less timestamp (iRedMail's columns have no zone). */
export const now = dialects({ postgres: 'NOW()::timestamp', mysql: 'NOW()' });

/** `now` plus (or minus, with a negative sign in `seconds`) a number of seconds given as a value or an expression. */
export function secondsFromNow(seconds: unknown, sign: '+' | '-' = '+'): Sql {
  const value = seconds instanceof Sql ? seconds : sql`${seconds}`;
  return dialects({
    postgres: sql`NOW()::timestamp ${raw(sign)} make_interval(secs => ${value})`,
    mysql: sql`NOW() ${raw(sign)} INTERVAL (${value}) SECOND`,
  });
}

/** A parameter PostgreSQL cannot type from context (`$1 IS NULL`, `$1 OR …`). */
export function typed(value: unknown, pgType: 'boolean' | 'int' | 'int8' | 'text'): Sql {
  return dialects({ postgres: sql`${value}::${raw(pgType)}`, mysql: sql`${value}` });
}

/** An expression as a JavaScript number: PostgreSQL's SUM of int8 is numeric (text in node-postgres). */
export function asNumber(expression: Sql | string): Sql {
  const e = typeof expression === 'string' ? raw(expression) : expression;
  return dialects({ postgres: sql`(${e})::int8`, mysql: e });
}

/** Seconds since the epoch of a timestamp column. */
export function epochOf(column: string): Sql {
  return dialects({ postgres: `EXTRACT(EPOCH FROM ${column})`, mysql: `UNIX_TIMESTAMP(${column})` });
}

/** `a IS DISTINCT FROM b` (NULL-safe inequality). */
export function distinctFrom(left: Sql | string, right: unknown): Sql {
  const l = typeof left === 'string' ? raw(left) : left;
  const r = right instanceof Sql ? right : sql`${right}`;
  return dialects({ postgres: sql`${l} IS DISTINCT FROM ${r}`, mysql: sql`NOT (${l} <=> ${r})` });
}

/**
 * `left = right` compared as PostgreSQL compares text: exactly. iRedMail's MySQL tables use
 * collations that ignore case and trailing spaces (`ops+Team@…` would equal `ops+team@… `), so
 * there the bytes are compared as well; the plain `=` keeps the index in use.
 */
export function equalsExactly(left: string, right: unknown): Sql {
  const l = raw(left);
  const r = right instanceof Sql ? right : sql`${right}`;
  return dialects({
    postgres: sql`${l} = ${r}`,
    mysql: sql`${l} = ${r} AND CAST(${l} AS BINARY) = CAST(${r} AS BINARY)`,
  });
}

/** A binary column (amavisd's `email`) read as text. */
export function textOfBytes(column: string): Sql {
  return dialects({ postgres: `convert_from(${column}, 'UTF8')`, mysql: `CONVERT(${column} USING utf8mb4)` });
}

/** `CURRENT_DATE` plus a number of days (null stays null). */
export function daysFromToday(days: number | null): Sql {
  return dialects({
    postgres: sql`CASE WHEN ${days}::int IS NULL THEN NULL ELSE CURRENT_DATE + ${days}::int END`,
    mysql: sql`CURRENT_DATE + INTERVAL ${days} DAY`,
  });
}

/**
 * An insert that skips a row whose key already exists, so `RETURNING` yields nothing for it:
 * `${insertSkippingDuplicates} INTO t (…) VALUES (…) ${onDuplicateSkip('key')} RETURNING key`.
 * (MariaDB's `INSERT IGNORE`: its `ON DUPLICATE KEY UPDATE k = k` would return the old row.)
 */
export const insertSkippingDuplicates = dialects({ postgres: 'INSERT', mysql: 'INSERT IGNORE' });
export function onDuplicateSkip(conflictColumns?: string): Sql {
  const target = conflictColumns ? ` (${conflictColumns})` : '';
  return dialects({ postgres: `ON CONFLICT${target} DO NOTHING`, mysql: '' });
}

/**
 * An upsert: on a duplicate key, `assignments` run against the existing row. In them,
 * `excluded(col)` is the value the insert proposed. MariaDB applies assignments left to right
 * (a later one sees an earlier one's result), PostgreSQL all at once: order them so that
 * does not matter.
 */
export function onDuplicateUpdate(conflictColumns: string, assignments: Sql | string): Sql {
  const a = typeof assignments === 'string' ? raw(assignments) : assignments;
  return dialects({
    postgres: sql`ON CONFLICT (${raw(conflictColumns)}) DO UPDATE SET ${a}`,
    mysql: sql`ON DUPLICATE KEY UPDATE ${a}`,
  });
}
export function excluded(column: string): Sql {
  return dialects({ postgres: `EXCLUDED.${column}`, mysql: `VALUES(${column})` });
}

/**
 * Serializes transactions on `key` until the transaction ends: PostgreSQL's transaction-scoped
 * advisory lock; MariaDB's named lock (64 characters at most, hence the hash), which the driver
 * releases when the transaction ends.
 */
export function transactionLock(key: string): Sql {
  const name = `iredadmin:${createHash('sha1').update(key).digest('hex')}`;
  const statement = dialects({
    postgres: sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`,
    mysql: sql`SELECT GET_LOCK(${name}, ${LOCK_WAIT_SECONDS}) AS granted`,
  });
  statement.takesLock = true;
  return statement;
}
const LOCK_WAIT_SECONDS = 60;
