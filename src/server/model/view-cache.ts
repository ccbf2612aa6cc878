/**
 * GET answers of users, domains and aliases kept in process, so a repeated read needs no
 * database work. Correct only while something tells it every change to a table the views read
 * (triggers of migration 012, carried by account-changes.ts): it starts switched off, and is
 * switched off (and emptied) whenever that promise breaks. Authorization is not cached: the
 * routes check the caller before they ask the cache.
 */

/** What a cached answer is: a user, a domain or an alias view. */
export type ViewKind = 'user' | 'domain' | 'alias';

/** Bounds memory (a user view is ~1–2 kB); the oldest entry goes first. */
const MAX_ENTRIES = 20_000;

export class ViewCache {
  /** Keyed by the address or domain the trigger names; one entry per kind read under that name. */
  private readonly entries = new Map<string, Map<ViewKind, unknown>>();
  private size = 0;
  /** Bumped by every invalidation: a read that started before one must not be stored after it. */
  private generation = 0;
  private enabled = false;

  get isEnabled(): boolean {
    return this.enabled;
  }

  /**
   * The view of `kind` named `id`, from memory or from `load` (then remembered, unless a change
   * was announced while it ran). Nothing is remembered for "not found": a create announces itself
   * like any other change, but absent names are unbounded and cheap to ask again. The answer is
   * shared between requests: callers hand it on as it is and never change it.
   */
  async read<T extends object>(kind: ViewKind, id: string, load: () => Promise<T | null>): Promise<T | null> {
    const cached = this.entries.get(id)?.get(kind);
    if (cached !== undefined) return cached as T;
    const ticket = this.generation;
    const view = await load();
    if (view !== null && this.enabled && ticket === this.generation) this.put(kind, id, view);
    return view;
  }

  /** Drops every view named `id` (an address or a domain), or every view when null. */
  invalidate(id: string | null): void {
    this.generation++;
    if (id !== null) {
      this.drop(id);
      return;
    }
    this.entries.clear();
    this.size = 0;
  }

  /** On when changes are known to arrive, off (and empty) when they may not. */
  setEnabled(on: boolean): void {
    this.invalidate(null);
    this.enabled = on;
  }

  private put(kind: ViewKind, id: string, view: unknown): void {
    if (this.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.drop(oldest);
    }
    let views = this.entries.get(id);
    if (!views) this.entries.set(id, (views = new Map()));
    if (!views.has(kind)) this.size++;
    views.set(kind, view);
  }

  private drop(id: string): void {
    const views = this.entries.get(id);
    if (!views) return;
    this.size -= views.size;
    this.entries.delete(id);
  }
}
