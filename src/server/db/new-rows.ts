/**
 * New rows of iRedMail's vmail tables that keep `created` and `modified`: every INSERT into one
 * names its columns through `newRow`, which stamps both with the time of the insert. They are
 * never left to the column default: iRedMail's MySQL schema defaults them to 1970.
 */
import { IREDMAIL_TABLES } from './iredmail-tables';
import { join, now, raw, type Sql, sql } from './sql';

type VmailTables = typeof IREDMAIL_TABLES.vmail;
type ColumnOf<T extends keyof VmailTables> = VmailTables[T][number];
const STAMPS = ['created', 'modified'] as const;

/** The vmail tables with `created` and `modified`. */
export type StampedTable = {
  [T in keyof VmailTables]: (typeof STAMPS)[number] extends ColumnOf<T> ? T : never;
}[keyof VmailTables];

/** Column values of a new row; `created` and `modified` are newRow's. */
export type NewRowValues<T extends StampedTable> = Partial<
  Record<Exclude<ColumnOf<T>, (typeof STAMPS)[number]>, unknown>
>;

/**
 * `table (columns…, created, modified) VALUES (values…, NOW(), NOW())`, to follow `INSERT INTO`.
 * A value may be an `Sql` fragment (`now`, say); any other is a parameter.
 */
export function newRow<T extends StampedTable>(table: T, values: NewRowValues<T>): Sql {
  const known: readonly string[] = IREDMAIL_TABLES.vmail[table];
  const columns = Object.keys(values);
  // The names become SQL text: only the table's own columns, whatever reached here at run time.
  const stray = columns.find((column) => !known.includes(column) || (STAMPS as readonly string[]).includes(column));
  if (stray !== undefined) throw new Error(`not a column newRow writes in ${table}: ${stray}`);
  const params = Object.values(values).map((value) => sql`${value}`);
  return sql`${raw(table)} (${raw([...columns, ...STAMPS].join(', '))}) VALUES (${join([...params, now, now])})`;
}
