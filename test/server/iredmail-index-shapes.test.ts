/**
 * Our migrations on an empty database give iRedMail's tables the keys and indexes iRedMail's own
 * schema files give them (iredmail.*, amavisd.*, iredapd.* in test/fixtures/iredmail): for every
 * table both have, its primary key, unique keys (constraints or indexes alike) and ordinary
 * indexes, each as (table, kind, ordered columns), never by name (names differ between dialects
 * and tools). On MariaDB a prefix length counts as part of its column: a unique key on a prefix
 * refuses rows the whole column would take. The differences kept on purpose are listed with their
 * reasons, and each must still be a difference (a stale entry fails too).
 */
import type { Database } from '../../src/server/db/database';
import { type Dialect, sql } from '../../src/server/db/sql';
import { visibleSchema } from '../../src/server/db/schema-check';
import { type Deliberate, type Difference, expectOnlyDeliberate, oursAndIredmails } from '../support/iredmail-shapes';
import { SERVER_BACKENDS } from '../support/test-server';

const DELIBERATE: Record<Dialect, Deliberate[]> = {
  postgres: [],
  mysql: [
    {
      matches: /^deleted_mailboxes (primary|index) \(id\) only in /,
      reason:
        'a primary key on the AUTO_INCREMENT id, where iredmail.mysql has only an index: the ids are unique either ' +
        'way, and a table without a primary key is refused by Galera clusters and slow to replicate row by row',
    },
  ],
};

interface Indexes {
  tables: Set<string>;
  /** `table kind (column, column…)`, kind `primary`, `unique` or `index`; one entry per index. */
  shapes: string[];
}

/** The tables that are not ours and their keys and indexes, read from the catalog of each dialect. */
async function indexShapes(db: Database): Promise<Indexes> {
  const tables = await db.query<{ t: string }>(
    sql`SELECT table_name AS t FROM information_schema.tables
         WHERE table_schema ${visibleSchema(db.dialect)} AND table_name NOT LIKE 'iredadmin_api_%'`,
  );
  const rows = await db.query<{ t: string; kind: string; columns: string; method: string; predicate: string | null }>(
    db.dialect === 'postgres'
      ? sql`SELECT t.relname AS t,
              CASE WHEN x.indisprimary THEN 'primary' WHEN x.indisunique THEN 'unique' ELSE 'index' END AS kind,
              (SELECT string_agg(pg_get_indexdef(x.indexrelid, k, true), ', ' ORDER BY k)
                 FROM generate_series(1, x.indnkeyatts) AS k) AS columns,
              am.amname AS method, pg_get_expr(x.indpred, x.indrelid) AS predicate
             FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
             JOIN pg_am am ON am.oid = i.relam JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = ANY(current_schemas(false)) AND t.relname NOT LIKE 'iredadmin_api_%'`
      : sql`SELECT table_name AS t,
              CASE WHEN index_name = 'PRIMARY' THEN 'primary' WHEN non_unique = 0 THEN 'unique' ELSE 'index' END AS kind,
              GROUP_CONCAT(CONCAT(column_name, COALESCE(CONCAT('(', sub_part, ')'), ''))
                ORDER BY seq_in_index SEPARATOR ', ') AS columns,
              LOWER(index_type) AS method, NULL AS predicate
             FROM information_schema.statistics
            WHERE table_schema ${visibleSchema(db.dialect)} AND table_name NOT LIKE 'iredadmin_api_%'
            GROUP BY table_name, index_name, non_unique, index_type`,
  );
  return {
    tables: new Set(tables.map((r) => r.t)),
    shapes: rows.map(
      (r) =>
        `${r.t} ${r.kind} (${r.columns})` +
        (r.method === 'btree' ? '' : ` using ${r.method}`) +
        (r.predicate ? ` where ${r.predicate}` : ''),
    ),
  };
}

/** The entries of `shapes` that `others` lacks, counting repeats. */
function without(shapes: readonly string[], others: readonly string[]): string[] {
  const left = [...others];
  return shapes.filter((shape) => {
    const at = left.indexOf(shape);
    if (at < 0) return true;
    left.splice(at, 1);
    return false;
  });
}

describe.each(SERVER_BACKENDS)("iRedMail's keys and indexes as our migrations make them on %s", (backend) => {
  let ours: Indexes;
  let theirs: Indexes;
  let dialect: Dialect;

  beforeAll(async () => {
    ({ ours, theirs, dialect } = await oursAndIredmails(backend, indexShapes));
  });

  test("the tables both have carry iRedMail's primary keys, unique keys and indexes, but for the deliberate differences", () => {
    // Both catalogs were read: an empty pair would compare equal.
    for (const side of [ours, theirs]) expect(side.shapes).toContain('mailbox primary (username)');
    const inBoth = (shape: string) => ours.tables.has(shape.split(' ')[0]!) && theirs.tables.has(shape.split(' ')[0]!);
    const [oursOnly, theirsOnly] = [
      without(ours.shapes, theirs.shapes).filter(inBoth),
      without(theirs.shapes, ours.shapes).filter(inBoth),
    ];
    const differences: Difference[] = [
      ...oursOnly.map((shape) => ({ key: `${shape} only in ours`, text: `${shape}: ours has it, iRedMail not` })),
      ...theirsOnly.map((shape) => ({
        key: `${shape} only in iRedMail's`,
        text: `${shape}: iRedMail has it, ours not`,
      })),
    ].sort((a, b) => a.key.localeCompare(b.key));
    expectOnlyDeliberate(differences, DELIBERATE[dialect]);
  });
});
