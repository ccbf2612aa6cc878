/**
 * Facts about admin accounts other modules need: an admin's own settings (limits of normal admins).
 */
import type { Queryable } from '../../db/database';
import { parseSettings, type SettingsMap } from '../settings-column';
import { sql } from '../../db/sql';

/**
 * The admin's settings column (separate admin or mail-user admin), row-locked so that two
 * concurrent creates by one admin in different domains cannot both pass its limits.
 */
export async function lockAdminSettings(tx: Queryable, username: string): Promise<SettingsMap> {
  const fromAdmin = await tx.query<{ settings: string }>(
    sql`SELECT settings FROM admin WHERE username = ${username} FOR UPDATE`,
  );
  if (fromAdmin[0]) return parseSettings(fromAdmin[0].settings);
  const fromMailbox = await tx.query<{ settings: string }>(
    sql`SELECT settings FROM mailbox WHERE username = ${username} FOR UPDATE`,
  );
  return parseSettings(fromMailbox[0]?.settings);
}

/** A positive number from an admin setting, or null when unset or 0 (no limit). */
export function limitOf(settings: SettingsMap, key: string): number | null {
  const n = Number(settings[key]);
  return Number.isFinite(n) && n > 0 ? n : null;
}

const MB_PER_UNIT: Readonly<Record<string, number>> = { TB: 1024 * 1024, GB: 1024, MB: 1 };

/**
 * A normal admin's quota budget in MB: `create_max_quota` in its `create_quota_unit` (MB when none);
 * null = no limit.
 */
export function quotaLimitMb(settings: SettingsMap): number | null {
  const amount = limitOf(settings, 'create_max_quota');
  if (amount === null) return null;
  return amount * (MB_PER_UNIT[(settings.create_quota_unit ?? 'MB').toUpperCase()] ?? 1);
}
