/**
 * The storage seam: a tiny interface that both node-postgres and PGlite satisfy,
 * so every query is plain parameterized SQL and no ORM is needed.
 */
export type Row = Record<string, unknown>;

export interface Queryable {
  /** Runs one parameterized statement and returns its rows. */
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Database extends Queryable {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a script of several statements (migrations). */
  exec(script: string): Promise<void>;
  close(): Promise<void>;
  /** `postgres` or `pglite`, for logs and diagnostics. */
  readonly kind: 'postgres' | 'pglite';
}

/** PostgreSQL error codes we translate into API answers. */
export const PG_UNIQUE_VIOLATION = '23505';

export function pgErrorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/** Type OIDs whose text form we keep as-is (identical results from both drivers). */
export const OID = { int8: 20, timestamp: 1114, timestamptz: 1184, date: 1082, numeric: 1700 } as const;

/** `2026-01-02 03:04:05.678` → `2026-01-02T03:04:05` (Python's isoformat of a naive datetime, as iRedAdmin answers). */
export function isoDateTime(text: string): string {
  return text.replace(' ', 'T').replace(/\.\d+$/, '');
}
