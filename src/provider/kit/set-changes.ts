/** Set-valued attributes the API changes by difference: what to add and what to remove. */

/** What to remove and what to add to turn `have` into `want` (both in canonical form). */
export function setChanges(have: readonly string[], want: readonly string[]): { add: string[]; remove: string[] } {
  const had = new Set(have);
  const wanted = new Set(want);
  return { add: [...wanted].filter((v) => !had.has(v)), remove: [...had].filter((v) => !wanted.has(v)) };
}

/** A `write` for a set the API changes with a parameter pair (enableX / disableX, addMember / removeMember). */
export function toggles(addParam: string, removeParam: string) {
  return (next: string[] | null, previous: string[] | null): Record<string, string[]> => {
    // Null (unset): nothing to change; the server's set stays.
    if (next === null) return {};
    const { add, remove } = setChanges(previous ?? [], next);
    return { ...(add.length ? { [addParam]: add } : {}), ...(remove.length ? { [removeParam]: remove } : {}) };
  };
}
