/**
 * Reading `forwardings` rows of one kind (`is_forwarding`, `is_alias`, `is_list`) from either
 * side: where an address forwards to, or which addresses forward to it.
 */
import type { Queryable } from '../db/database';
import { raw, sql } from '../db/sql';

export type ForwardingKind = 'is_forwarding' | 'is_alias' | 'is_list';

/** The `forwarding` column of the address's rows of this kind, sorted. */
export function destinationsOf(q: Queryable, address: string, kind: ForwardingKind): Promise<string[]> {
  return otherSide(q, { known: 'address', wanted: 'forwarding' }, address, kind);
}

/** The `address` column of the rows of this kind that forward to `forwarding`, sorted. */
export function sourcesOf(q: Queryable, forwarding: string, kind: ForwardingKind): Promise<string[]> {
  return otherSide(q, { known: 'forwarding', wanted: 'address' }, forwarding, kind);
}

type Column = 'address' | 'forwarding';

async function otherSide(
  q: Queryable,
  columns: { known: Column; wanted: Column },
  value: string,
  kind: ForwardingKind,
): Promise<string[]> {
  const rows = await q.query<{ value: string }>(
    sql`SELECT ${raw(columns.wanted)} AS value FROM forwardings WHERE ${raw(columns.known)} = ${value}
       AND ${raw(kind)} = 1 ORDER BY ${raw(columns.wanted)}`,
  );
  return rows.map((r) => r.value);
}
