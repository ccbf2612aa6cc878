/**
 * Batched reads: answers many single reads (`users.get`, `aliases.get`, `domains.get`) from one
 * list request per scope (a domain's users, a domain's aliases, all domains), for a caller that
 * reads many objects and writes nothing in between — a provider's refresh. Rules:
 * - a scope is listed once its second read arrives (a lone object is cheaper to GET than its
 *   domain's list); every read of that scope then waits on the same request;
 * - the first write through the client ends it for good: every read after it is a single GET, so
 *   no answer ever predates a write (terraform runs plan and apply in separate provider processes);
 * - a list row answers a read only when it carries every key the single GET answers; a list of
 *   rows lacking one (the real product's rows are leaner than ours) switches that kind of list
 *   off; an object missing from the list, or a list that fails, is read with a single GET, so
 *   "not found" and every error still come from the GET.
 */

/** The second read of a scope requests its list. */
const LIST_FROM_READ = 2;

/** A list answer: complete rows by name, or `incomplete` when the rows lack keys the single GET carries. */
export type ListedRows = ReadonlyMap<string, Record<string, unknown>> | 'incomplete';

export class ReadSnapshots {
  readonly #enabled: boolean;
  #written = false;
  readonly #reads = new Map<string, number>();
  readonly #lists = new Map<string, Promise<ReadonlyMap<string, Record<string, unknown>> | null>>();
  /** Kinds of list whose rows lack what the single GET answers: never requested again. */
  readonly #incomplete = new Set<string>();

  constructor(enabled: boolean) {
    this.#enabled = enabled;
  }

  /** Called before every write: from now on reads are single GETs. */
  written(): void {
    this.#written = true;
    this.#lists.clear();
  }

  /**
   * The row named `name` from the list of `kind` in `scope`, or undefined when the caller must
   * read it with a single GET.
   */
  async row(
    kind: string,
    scope: string,
    name: string,
    load: () => Promise<ListedRows>,
  ): Promise<Record<string, unknown> | undefined> {
    if (!this.#enabled || this.#written || this.#incomplete.has(kind)) return undefined;
    const key = `${kind}\n${scope}`;
    let list = this.#lists.get(key);
    if (!list) {
      const reads = (this.#reads.get(key) ?? 0) + 1;
      this.#reads.set(key, reads);
      if (reads < LIST_FROM_READ) return undefined;
      list = this.#request(kind, load);
      this.#lists.set(key, list);
    }
    const rows = await list;
    // A write while the list was on its way: its answer may predate the write.
    if (this.#written) return undefined;
    return rows?.get(name);
  }

  async #request(kind: string, load: () => Promise<ListedRows>) {
    try {
      const rows = await load();
      if (rows !== 'incomplete') return rows;
      this.#incomplete.add(kind);
    } catch {
      // The single GET of each object reports whatever made the list fail.
    }
    return null;
  }
}

/**
 * Rows of a list answer by name; `incomplete` when a row lacks a key that `required(row)` names.
 * `_data` may be an array of rows or an object keyed by name (the product's domain list).
 */
export function rowsByName(
  data: unknown,
  nameKey: string,
  required: (row: Record<string, unknown>) => readonly string[],
): ListedRows {
  const entries: [string, unknown][] = Array.isArray(data)
    ? data.map((row) => [String(isRow(row) ? row[nameKey] : ''), row])
    : isRow(data)
      ? Object.entries(data).map(([name, row]) => [name, isRow(row) ? { [nameKey]: name, ...row } : row])
      : [];
  const rows = new Map<string, Record<string, unknown>>();
  for (const [name, row] of entries) {
    if (!isRow(row) || typeof row[nameKey] !== 'string') return 'incomplete';
    if (required(row).some((key) => !(key in row))) return 'incomplete';
    rows.set(name, row);
  }
  return rows;
}

function isRow(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
