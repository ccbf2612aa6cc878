/**
 * Live sessions and their accounts, kept in process so an authenticated request needs no
 * database work. Correct only while something tells it every change (see account-changes.ts):
 * it starts switched off, and is switched off (and emptied) whenever that promise breaks.
 */
import type { AdminAccount } from './accounts';

interface Entry {
  account: AdminAccount;
  /** performance.now() after which the database must be asked again. */
  freshUntil: number;
}

/** Bounds memory whatever the number of sessions; the oldest entry goes first. */
const MAX_ENTRIES = 10_000;

export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private readonly tokensByUser = new Map<string, Set<string>>();
  /** Bumped by every invalidation: a read that started before one must not be stored after it. */
  private generation = 0;
  private enabled = false;

  get isEnabled(): boolean {
    return this.enabled;
  }

  get(tokenHash: string): AdminAccount | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (performance.now() < entry.freshUntil) return entry.account;
    this.remove(tokenHash, entry.account.username);
    return undefined;
  }

  /** Taken before reading the database; `put` stores the read only if nothing changed since. */
  ticket(): number {
    return this.generation;
  }

  put(ticket: number, tokenHash: string, account: AdminAccount, freshForMs: number): void {
    if (!this.enabled || ticket !== this.generation || freshForMs <= 0) return;
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.entries().next().value;
      if (oldest) this.remove(oldest[0], oldest[1].account.username);
    }
    this.entries.set(tokenHash, { account, freshUntil: performance.now() + freshForMs });
    let tokens = this.tokensByUser.get(account.username);
    if (!tokens) this.tokensByUser.set(account.username, (tokens = new Set()));
    tokens.add(tokenHash);
  }

  /** Drops the sessions of `username`, or every session when null. */
  invalidate(username: string | null): void {
    this.generation++;
    if (username === null) {
      this.entries.clear();
      this.tokensByUser.clear();
      return;
    }
    for (const token of this.tokensByUser.get(username) ?? []) this.entries.delete(token);
    this.tokensByUser.delete(username);
  }

  /** On when changes are known to arrive, off (and empty) when they may not. */
  setEnabled(on: boolean): void {
    this.invalidate(null);
    this.enabled = on;
  }

  private remove(tokenHash: string, username: string): void {
    this.entries.delete(tokenHash);
    const tokens = this.tokensByUser.get(username);
    tokens?.delete(tokenHash);
    if (tokens?.size === 0) this.tokensByUser.delete(username);
  }
}
