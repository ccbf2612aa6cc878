/** A separate admin as GET /api/admin/<mail> answers it: the `admin` row without password, plus its rights. */
import type { Queryable } from '../../db/database';
import { settingsForApi } from '../settings-column';
import { arrayOf, sql } from '../../db/sql';

export async function readAdmin(q: Queryable, email: string): Promise<Record<string, unknown> | null> {
  const rows = await q.query<Record<string, unknown> & { settings: string; is_global: boolean }>(sql`SELECT a.*,
       EXISTS (SELECT 1 FROM domain_admins d WHERE d.username = a.username AND d.domain = 'ALL') AS is_global,
       ${arrayOf('managed_domains', 'd.domain', "FROM domain_admins d WHERE d.username = a.username AND d.domain <> 'ALL'")}
     FROM admin a WHERE a.username = ${email}`);
  const row = rows[0];
  if (!row) return null;
  const { password: _hidden, is_global, ...rest } = row;
  return { ...rest, isglobaladmin: is_global ? 1 : 0, settings: settingsForApi(row.settings) };
}
