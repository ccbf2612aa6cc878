/**
 * TEXT columns iRedMail's PostgreSQL schema declares `NOT NULL DEFAULT ''` and its MySQL schema
 * leaves nullable: rows its tools insert on MySQL hold NULL there. Answered as PostgreSQL's `''`,
 * so a GET reads the same on every backend.
 */
export const DOMAIN_TEXT_COLUMNS = ['description', 'disclaimer'] as const;
export const MAILBOX_TEXT_COLUMNS = ['disclaimer'] as const;

/** `row` with NULL in `columns` read as `''`. */
export function withEmptyText<T extends Record<string, unknown>>(row: T, columns: readonly string[]): T {
  const out: Record<string, unknown> = { ...row };
  for (const column of columns) if (column in out && out[column] === null) out[column] = '';
  return out as T;
}
