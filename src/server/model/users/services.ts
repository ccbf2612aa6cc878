/** A user's mail services: each name in USER_SERVICES is the `enable<name>` column of `mailbox`. */
import type { Queryable } from '../../db/database';
import { USER_SERVICES } from '../vocabulary';

export type UserService = (typeof USER_SERVICES)[number];

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
  const enabled = new Set<UserService>(change.services ?? USER_SERVICES.filter((s) => Number(row[`enable${s}`]) === 1));
  for (const s of change.addService ?? []) enabled.add(s);
  for (const s of change.removeService ?? []) enabled.delete(s);
  // Column names come from the fixed vocabulary, never from input.
  const assignments = USER_SERVICES.map((s, i) => `enable${s} = $${i + 2}`).join(', ');
  await tx.query(`UPDATE mailbox SET ${assignments} WHERE username = $1`, [
    user,
    ...USER_SERVICES.map((s) => (enabled.has(s) ? 1 : 0)),
  ]);
}
