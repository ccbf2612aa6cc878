/**
 * Migration 006's triggers that sit on iRedMail's own tables (`admin`, `mailbox`,
 * `domain_admins`): they NOTIFY the session cache of changed admin accounts; and 012's, on every
 * table a cached user, domain or alias view reads: they NOTIFY the view cache. On a database our
 * migrations made they are part of its schema. On a database iRedMail made they are attached
 * only when the operator opts in (CHANGE_TRIGGERS): whether they belong there is a setting that
 * may change between starts, not a schema step, so every start reconciles them here instead of a
 * migration doing it once. 006 and 012 stay as released; their text is the one definition of the
 * triggers (012's trigger function, rewritten by 013, is ours, not on a table: it stays either way).
 * PostgreSQL (and PGlite) only: MySQL has no NOTIFY, and 006 adds nothing there.
 */
import type { Queryable } from './database';
import { accountChangeNotifications } from './migrations/006-account-change-notifications';
import { viewChangeNotifications } from './migrations/012-view-change-notifications';
import { splitStatements } from './split-statements';
import { sql } from './sql';

/** The channel 006's triggers NOTIFY. */
export const ACCOUNT_CHANGES_CHANNEL = 'iredadmin_api_accounts';
/**
 * Sent when a start removed the triggers: instances still caching must stop, as nothing tells
 * them of account changes any more. No username looks like it (usernames are email addresses).
 */
export const TRIGGERS_REMOVED = ':change-triggers-removed:';

interface ChangeTrigger {
  name: string;
  table: string;
  ddl: string;
}

/**
 * The migrations whose triggers NOTIFY a cache of changes to iRedMail's tables. Another cache fed
 * by triggers on iRedMail's tables adds its migration here, and stays off unless
 * changeTriggersInstalled says they are there.
 */
const CHANGE_TRIGGER_MIGRATIONS = [accountChangeNotifications, viewChangeNotifications];

/** Those migrations' `CREATE TRIGGER` statements whose table is not one of ours. */
const IREDMAIL_TABLE_TRIGGERS: readonly ChangeTrigger[] = CHANGE_TRIGGER_MIGRATIONS.flatMap((ddl) =>
  splitStatements(ddl('postgres')),
).flatMap((ddl) => {
  const match = /^CREATE TRIGGER (\w+)\b[\s\S]*?\bON (\w+)/.exec(ddl);
  return match && !match[2]!.startsWith('iredadmin_api_') ? [{ name: match[1]!, table: match[2]!, ddl }] : [];
});

const IREDMAIL_TABLE_TRIGGER_DDL = new Set(IREDMAIL_TABLE_TRIGGERS.map((t) => t.ddl));

/**
 * Whether a migration statement is one of those triggers: on a database iRedMail made, migrate
 * leaves them to reconcileChangeTriggers, so without the setting they never touch its tables,
 * not even for the length of the first start's transaction.
 */
export function isIredmailTableTrigger(statement: string): boolean {
  return IREDMAIL_TABLE_TRIGGER_DDL.has(statement);
}

/** How a trigger is told apart from the others: its table and its name. */
const triggerKey = (trigger: { name: string; table: string }) => `${trigger.table}.${trigger.name}`;

/** Our (`iredadmin_api_*`) triggers on tables that are not ours, in the schemas names resolve to. */
async function ourTriggersOnIredmailTables(q: Queryable): Promise<{ name: string; table: string }[]> {
  return q.query<{ name: string; table: string }>(
    sql`SELECT t.tgname AS name, c.relname AS "table" FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
         WHERE NOT t.tgisinternal AND pg_table_is_visible(c.oid)
           AND t.tgname LIKE 'iredadmin\\_api\\_%' AND c.relname NOT LIKE 'iredadmin\\_api\\_%'`,
  );
}

/** Whether every change trigger is on iRedMail's tables: only then may an instance cache accounts. */
export async function changeTriggersInstalled(q: Queryable): Promise<boolean> {
  if (q.dialect !== 'postgres') return false;
  const present = new Set((await ourTriggersOnIredmailTables(q)).map(triggerKey));
  return IREDMAIL_TABLE_TRIGGERS.every((t) => present.has(triggerKey(t)));
}

/**
 * Adds the missing change triggers (`wanted`) or removes every one of ours from iRedMail's
 * tables (not wanted), in the caller's transaction. A removal is announced on the channel.
 */
export async function reconcileChangeTriggers(tx: Queryable, wanted: boolean): Promise<void> {
  if (tx.dialect !== 'postgres') return;
  const installed = await ourTriggersOnIredmailTables(tx);
  if (wanted) {
    const present = new Set(installed.map(triggerKey));
    for (const trigger of IREDMAIL_TABLE_TRIGGERS) if (!present.has(triggerKey(trigger))) await tx.query(trigger.ddl);
    return;
  }
  if (installed.length === 0) return;
  for (const trigger of installed) await tx.query(`DROP TRIGGER ${quoted(trigger.name)} ON ${quoted(trigger.table)}`);
  await tx.query(sql`SELECT pg_notify(${ACCOUNT_CHANGES_CHANNEL}, ${TRIGGERS_REMOVED})`);
}

/** A PostgreSQL identifier as it is, whatever its characters. */
function quoted(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}
