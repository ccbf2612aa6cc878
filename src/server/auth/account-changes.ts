/**
 * How a server instance learns that a session or an account changed, wherever the change was
 * made. One implementation per database backend:
 * - PostgreSQL: triggers NOTIFY `iredadmin_api_accounts` in the transaction that changes
 *   sessions, admins, admin mailboxes or global rights (migration 006); each instance LISTENs on
 *   a connection of its own. When that connection is lost, the cache is switched off until
 *   LISTEN is back (changes made meanwhile were missed, so it comes back empty).
 * - PGlite: the same triggers; the database lives in this process, so a NOTIFY reaches the
 *   cache before the committing statement returns, and nothing can be lost.
 * - a database iRedMail made, without CHANGE_TRIGGERS: the triggers on iRedMail's tables are not
 *   there (db/change-triggers.ts), so no feed and no cache; said once at start. An instance
 *   that started with them stops caching when another start removes them (TRIGGERS_REMOVED).
 * - a backend without NOTIFY (MariaDB): no feed, so no cache; every request asks the database.
 * The same channel carries changes to user, domain and alias views (`:view:` payloads, migration
 * 012) to the view cache, switched on and off with the session cache: the switch above requires
 * 012's triggers too (db/change-triggers.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Database, Queryable, Unlisten } from '../db/database';
import type { ViewCache } from '../model/view-cache';
import type { SessionCache } from './session-cache';
import { ACCOUNT_CHANGES_CHANNEL, changeTriggersInstalled, TRIGGERS_REMOVED } from '../db/change-triggers';

const NO_TRIGGERS =
  "session cache off: our change triggers are not on iRedMail's tables (a database iRedMail made, " +
  'without CHANGE_TRIGGERS=true): every request reads its session and account from the database';

/**
 * Payloads no username can take (usernames are email addresses). A writer sends a marker; every
 * instance, on hearing it, answers that it heard it. Notifications reach a listener in commit
 * order, so an instance that heard the marker has dropped what the writer's change made stale.
 */
const MARKER_PREFIX = ':settle:';
const HEARD_PREFIX = ':heard:';
/** A view changed: followed by the address or domain it is named by, or nothing for "any view". */
const VIEW_PREFIX = ':view:';
/** How long a writer waits for every instance; one that slow is as good as lost. */
const SETTLE_TIMEOUT_MS = 2000;

/** Retries of a lost LISTEN connection: 0.5 s, doubling, at most every 10 s. */
const RETRY_FIRST_MS = 500;
const RETRY_MAX_MS = 10_000;

export interface AccountChangeFeed {
  /**
   * Resolves once every change committed so far has reached every instance listening (or after
   * SETTLE_TIMEOUT_MS): a writer that waits for this before answering has its change heard
   * everywhere before its client's next request arrives.
   */
  settled(): Promise<void>;
  close(): Promise<void>;
}

const NO_FEED: AccountChangeFeed = { settled: async () => undefined, close: async () => undefined };

/**
 * Keeps `cache` and `views` switched on exactly while the database's change notifications
 * arrive. Returns once the first LISTEN succeeded or failed (then it retries in the background,
 * caches off). `onNote` hears, once, why there is no cache at all on a database that could have one.
 */
export async function feedAccountChanges(
  db: Database,
  cache: SessionCache,
  onError: (message: string, error: unknown) => void,
  onNote: (message: string) => void = () => undefined,
  views?: ViewCache,
): Promise<AccountChangeFeed> {
  if (!db.listen) return NO_FEED;
  if (!(await changeTriggersInstalled(db))) {
    onNote(NO_TRIGGERS);
    return NO_FEED;
  }
  const listen = db.listen.bind(db);
  /** Markers this instance sent, each with what to call when one more instance heard it. */
  const markers = new Map<string, () => void>();
  // PGlite runs in this process and hands a NOTIFY to its listeners before the COMMIT returns.
  const deliveredAtCommit = db.kind === 'pglite';
  let unlisten: Unlisten | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let retryMs = RETRY_FIRST_MS;
  let closed = false;

  /** Both caches on or off (and emptied) together: one feed tells both of every change. */
  const setCaching = (on: boolean) => {
    cache.setEnabled(on);
    views?.setEnabled(on);
  };

  const triggersRemoved = () => {
    setCaching(false);
    onNote(NO_TRIGGERS);
  };

  const deliver = (payload: string) => {
    if (payload === TRIGGERS_REMOVED) {
      triggersRemoved();
    } else if (payload.startsWith(VIEW_PREFIX)) {
      views?.invalidate(payload.slice(VIEW_PREFIX.length) || null);
    } else if (payload.startsWith(MARKER_PREFIX)) {
      // Heard (and the caches already rid of what preceded it): say so to the writer, which
      // counts its own instance without the round trip.
      const id = payload.slice(MARKER_PREFIX.length);
      const ownMarker = markers.get(id);
      if (ownMarker) return ownMarker();
      db.query('SELECT pg_notify($1, $2)', [ACCOUNT_CHANGES_CHANNEL, HEARD_PREFIX + id]).catch(() => undefined);
    } else if (payload.startsWith(HEARD_PREFIX)) {
      markers.get(payload.slice(HEARD_PREFIX.length))?.();
    } else {
      cache.invalidate(payload === '' ? null : payload);
    }
  };

  const lost = (error: unknown) => {
    setCaching(false);
    // This instance hears nothing now: its writers' waits end by their timeout.
    unlisten = undefined;
    onError('session cache off: lost the database notification connection, reconnecting', error);
    scheduleRetry();
  };

  const scheduleRetry = () => {
    if (closed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void start();
    }, retryMs);
    retryTimer.unref();
    retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
  };

  const start = async () => {
    try {
      const stop = await listen(ACCOUNT_CHANGES_CHANNEL, deliver, lost);
      if (closed) return void (await stop());
      unlisten = stop;
      retryMs = RETRY_FIRST_MS;
      // Checked once LISTEN took effect: a removal after this is heard (TRIGGERS_REMOVED).
      if (!(await changeTriggersInstalled(db))) return triggersRemoved();
      // Empty: whatever changed before LISTEN took effect was never announced to these caches.
      setCaching(true);
    } catch (error) {
      // The check failed on a connection that LISTENs: start again from scratch.
      await unlisten?.().catch(() => undefined);
      unlisten = undefined;
      onError('session cache off: cannot LISTEN for account changes, retrying', error);
      scheduleRetry();
    }
  };

  await start();
  return {
    async settled() {
      if (!unlisten || deliveredAtCommit) return;
      const id = randomUUID();
      let timer: NodeJS.Timeout | undefined;
      let heard = 0;
      let expected = Number.POSITIVE_INFINITY;
      let allHeard: () => void = () => undefined;
      const settledEverywhere = new Promise<void>((resolve) => {
        allHeard = resolve;
        markers.set(id, () => {
          if (++heard >= expected) resolve();
        });
        timer = setTimeout(resolve, SETTLE_TIMEOUT_MS);
      });
      try {
        // Counted while the marker goes out, in parallel: one round trip for both.
        const [listeners] = await Promise.all([
          db.countListeners?.(),
          db.query('SELECT pg_notify($1, $2)', [ACCOUNT_CHANGES_CHANNEL, MARKER_PREFIX + id]),
        ]);
        // Every instance's listener, this one's included; at least this one.
        expected = Math.max(1, listeners ?? 1);
        if (heard >= expected) allHeard();
        await settledEverywhere;
      } finally {
        clearTimeout(timer);
        markers.delete(id);
      }
    },
    async close() {
      closed = true;
      setCaching(false);
      if (retryTimer) clearTimeout(retryTimer);
      const stop = unlisten;
      unlisten = undefined;
      await stop?.();
    },
  };
}

/** Transactions that ended sessions: their writer waits for the change to be heard. */
const revoking = new WeakSet<Queryable>();

/** Marks `tx` as ending sessions (endSessions does): see settlingTransactions. */
export function markRevoking(tx: Queryable): void {
  revoking.add(tx);
}

/**
 * `db` whose transactions that ended sessions (a password change, a disable, a rights change, a
 * delete) answer only once `feed` has carried the change out, so the writer's client cannot
 * reach another instance that has not heard of it yet. While `views` are cached, every
 * transaction waits so: its next GET, on any instance, must not be answered from a stale view.
 * Otherwise other writes do not wait: a change that revokes nothing (a new admin, rights
 * granted) is heard moments later all the same.
 */
export function settlingTransactions(db: Database, feed: AccountChangeFeed, views?: ViewCache): Database {
  const settling: Database = {
    ...db,
    // The vmail database (where every cached table is) reached through `database` settles too.
    database: (name) => {
      const target = db.database(name);
      return target === db ? settling : target;
    },
    async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      let revoked = false;
      const result = await db.transaction(async (tx) => {
        const value = await work(tx);
        revoked = revoking.has(tx);
        return value;
      });
      if (revoked || views?.isEnabled) await feed.settled();
      return result;
    },
  };
  return settling;
}
