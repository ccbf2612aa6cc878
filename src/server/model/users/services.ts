/**
 * A user's mail services: each name in USER_SERVICES is the `enable<name>` column of `mailbox`.
 * iRedMail stores SOGo's webmail/calendar/ActiveSync switches as VARCHAR(1) 'y'/'n' (SOGo reads
 * those letters) and every other switch as INT2 1/0.
 */
import type { Queryable } from '../../db/database';
import { USER_SERVICES } from '../vocabulary';
import { join, raw, sql } from '../../db/sql';

export type UserService = (typeof USER_SERVICES)[number];

const LETTER_SWITCHES: ReadonlySet<UserService> = new Set(['sogowebmail', 'sogocalendar', 'sogoactivesync']);

/** 1 or SOGo's letter y: the column's service is on. */
export function isSwitchOn(value: unknown): boolean {
  return value === 'y' || Number(value) === 1;
}

function switchValue(service: UserService, on: boolean): string | number {
  if (LETTER_SWITCHES.has(service)) return on ? 'y' : 'n';
  return on ? 1 : 0;
}

export interface ServiceChange {
  /** Exactly these enabled, every other one disabled. */
  services?: UserService[] | undefined;
  addService?: UserService[] | undefined;
  removeService?: UserService[] | undefined;
}

/** Applies a change to the (locked) mailbox row; nothing when no service parameter was given. */
export async function updateServices(
  tx: Queryable,
  user: string,
  row: Record<string, unknown>,
  change: ServiceChange,
): Promise<void> {
  if (!change.services && !change.addService && !change.removeService) return;
  const enabled = new Set<UserService>(change.services ?? USER_SERVICES.filter((s) => isSwitchOn(row[`enable${s}`])));
  for (const s of change.addService ?? []) enabled.add(s);
  for (const s of change.removeService ?? []) enabled.delete(s);
  // Column names come from the fixed vocabulary, never from input.
  const assignments = USER_SERVICES.map((s) => sql`${raw(`"enable${s}"`)} = ${switchValue(s, enabled.has(s))}`);
  await tx.query(sql`UPDATE mailbox SET ${join(assignments)} WHERE username = ${user}`);
}
