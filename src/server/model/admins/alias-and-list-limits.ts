/**
 * A normal admin's own account limits for aliases and mailing lists (`create_max_aliases`,
 * `create_max_lists` in the admin's settings), shared by every domain the admin manages.
 * Absent or 0 means unlimited. The domain limits are checked separately (assertRoomFor).
 */
import type { Queryable } from '../../db/database';
import type { Actor } from '../../auth/actor';
import { ApiFailure } from '../../errors';
import { parseSettings } from '../settings-column';
import { raw, sql } from '../../db/sql';

const RULES = {
  aliases: { key: 'create_max_aliases', table: 'alias', code: 'EXCEED_LIMIT_ALIASES' },
  lists: { key: 'create_max_lists', table: 'maillists', code: 'EXCEED_LIMIT_LISTS' },
} as const;

export async function assertAdminRoomFor(tx: Queryable, actor: Actor, kind: keyof typeof RULES): Promise<void> {
  if (actor.isGlobal) return;
  const rule = RULES[kind];
  // Locking the admin's row serializes this admin's creates across domains, so two
  // concurrent creates in different domains cannot both take the last free place.
  let rows = await tx.query<{ settings: string }>(
    sql`SELECT settings FROM admin WHERE username = ${actor.username} FOR UPDATE`,
  );
  if (!rows.length) {
    rows = await tx.query<{ settings: string }>(
      sql`SELECT settings FROM mailbox WHERE username = ${actor.username} FOR UPDATE`,
    );
  }
  const max = Number(parseSettings(rows[0]?.settings)[rule.key] ?? 0);
  if (!(max > 0)) return;
  const count = await tx.query<{ n: number }>(sql`SELECT COUNT(*) AS n FROM ${raw(rule.table)}
      WHERE domain IN (SELECT domain FROM domain_admins WHERE username = ${actor.username})`);
  if ((count[0]?.n ?? 0) >= max) throw new ApiFailure(rule.code);
}
