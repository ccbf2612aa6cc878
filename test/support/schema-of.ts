/**
 * A database's schema as sorted lines, to compare two databases or one before and after: every
 * column (type, default, nullability), index, trigger and constraint.
 */
import type { Database } from '../../src/server/db/database';
import { visibleSchema } from '../../src/server/db/schema-check';
import { raw, sql } from '../../src/server/db/sql';

/** iRedMail's tables only, or every table (ours, `iredadmin_api_*`, too). */
export type Tables = 'iredmail' | 'all';

/** A table of iRedMail's, on PostgreSQL (pg_class as `r`): visible, not ours. */
export const IREDMAIL_RELATION =
  "pg_table_is_visible(r.oid) AND r.relkind = 'r' AND r.relname NOT LIKE 'iredadmin\\_api\\_%'";
const ANY_RELATION = "pg_table_is_visible(r.oid) AND r.relkind = 'r'";

const notOurs = (tables: Tables, column: string) =>
  raw(tables === 'all' ? '' : `AND ${column} NOT LIKE 'iredadmin_api_%'`);

/**
 * Every column, index, trigger and constraint of the tables asked for: triggers of any name (ours,
 * `iredadmin_api_*`, included; on PostgreSQL also TRUNCATE triggers and the internal ones a foreign
 * key puts on the table it references) and constraints of any table that are on, or refer to, one
 * of those tables.
 */
export async function schemaOf(db: Database, tables: Tables = 'iredmail'): Promise<string[]> {
  const type = raw(db.dialect === 'postgres' ? 'data_type' : 'column_type');
  const columns = await db.query<{ d: string }>(
    sql`SELECT table_name || '.' || column_name || ' ' || ${type} || ' ' || COALESCE(column_default, '-') || ' ' || is_nullable AS d
       FROM information_schema.columns WHERE table_schema ${visibleSchema(db.dialect)} ${notOurs(tables, 'table_name')}`,
  );
  return [
    ...columns,
    ...(await indexesOf(db, tables)),
    ...(await triggersOf(db, tables)),
    ...(await constraintsOf(db, tables)),
  ]
    .map((r) => r.d)
    .sort();
}

/** Every index of the tables asked for, by name, with its columns. */
export function indexesOf(db: Database, tables: Tables = 'iredmail'): Promise<{ d: string }[]> {
  return db.query<{ d: string }>(
    db.dialect === 'postgres'
      ? sql`SELECT indexdef AS d FROM pg_indexes WHERE schemaname = 'public' ${notOurs(tables, 'tablename')}`
      : sql`SELECT table_name || ' ' || index_name || ' ' || seq_in_index || ' ' || column_name || ' ' || non_unique AS d
              FROM information_schema.statistics
             WHERE table_schema ${visibleSchema(db.dialect)} ${notOurs(tables, 'table_name')}`,
  );
}

function triggersOf(db: Database, tables: Tables): Promise<{ d: string }[]> {
  return db.query<{ d: string }>(
    db.dialect === 'postgres'
      ? sql`SELECT 'trigger ' || r.relname || ' ' || CASE WHEN t.tgisinternal
                 THEN 'internal, of constraint ' || (SELECT conname FROM pg_constraint WHERE oid = t.tgconstraint)
                 ELSE pg_get_triggerdef(t.oid) END AS d
              FROM pg_trigger t JOIN pg_class r ON r.oid = t.tgrelid WHERE ${relation(tables)}`
      : sql`SELECT 'trigger ' || event_object_table || ' ' || trigger_name || ' ' || action_timing || ' ' || event_manipulation AS d
              FROM information_schema.triggers
             WHERE event_object_schema = DATABASE() ${notOurs(tables, 'event_object_table')}`,
  );
}

function constraintsOf(db: Database, tables: Tables): Promise<{ d: string }[]> {
  return db.query<{ d: string }>(
    db.dialect === 'postgres'
      ? sql`SELECT 'constraint ' || c.conrelid::regclass::text || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) AS d
              FROM pg_constraint c
             WHERE EXISTS (SELECT 1 FROM pg_class r WHERE r.oid IN (c.conrelid, c.confrelid) AND ${relation(tables)})`
      : sql`SELECT 'constraint ' || table_name || ' ' || constraint_name || ' ' || constraint_type AS d
              FROM information_schema.table_constraints
             WHERE constraint_schema = DATABASE() ${notOurs(tables, 'table_name')}
            UNION ALL
            SELECT 'foreign key ' || table_name || ' ' || constraint_name || ' -> ' || referenced_table_name AS d
              FROM information_schema.referential_constraints
             WHERE constraint_schema = DATABASE() ${notOurs(tables, 'referenced_table_name')}`,
  );
}

const relation = (tables: Tables) => raw(tables === 'all' ? ANY_RELATION : IREDMAIL_RELATION);
