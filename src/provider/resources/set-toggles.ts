/** Sets the API changes with add/remove parameter pairs (enableX / disableX), from old and new values. */
export function toggles(addParam: string, removeParam: string) {
  return (next: string[] | null, previous: string[] | null): Record<string, string[]> => {
    const want = new Set(next ?? []);
    const had = new Set(previous ?? []);
    const add = [...want].filter((v) => !had.has(v));
    const remove = [...had].filter((v) => !want.has(v));
    return { ...(add.length ? { [addParam]: add } : {}), ...(remove.length ? { [removeParam]: remove } : {}) };
  };
}

/** Keys of `params` that `keys` lists, and the rest. */
export function splitParams(
  params: Record<string, unknown>,
  keys: readonly string[],
): [Record<string, unknown>, Record<string, unknown>] {
  const picked: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) (keys.includes(k) ? picked : rest)[k] = v;
  return [picked, rest];
}
