/**
 * Address sets of aliases and mailing lists (members, moderators, owners, subscribers):
 * a change replaces a set or adds to / removes from it; the rules the sets share.
 */

export interface SetChange {
  replace?: string[];
  add?: string[];
  remove?: string[];
}

export function isChange(change: SetChange): boolean {
  return change.replace !== undefined || change.add !== undefined || change.remove !== undefined;
}

/** The set after the change: replaced, or extended and then reduced (remove wins over add). */
export function applyChange(current: readonly string[], change: SetChange): string[] {
  const result = new Set(change.replace ?? current);
  for (const address of change.add ?? []) result.add(address);
  for (const address of change.remove ?? []) result.delete(address);
  return [...result].sort();
}

/** Addresses the change would newly put into the set (used to refuse the account itself). */
export function incoming(change: SetChange): string[] {
  return [...(change.replace ?? []), ...(change.add ?? [])];
}
