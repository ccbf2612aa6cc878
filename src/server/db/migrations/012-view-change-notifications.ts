/**
 * Every change to a row that a user, domain or alias GET reads NOTIFYs `iredadmin_api_accounts`
 * (the session cache's channel, so one LISTEN connection hears both, in commit order) with
 * `:view:` and the address or domain whose views it changed; `:view:` alone means "any view may
 * have changed". Server instances cache those views in process (src/server/model/view-cache.ts)
 * and drop what a notification names. Triggers, not calls in our writers, so that changes made
 * by Dovecot (`used_quota`, `last_login`), iRedMail's scripts or psql count too.
 *
 * On a database iRedMail made they stay only with CHANGE_TRIGGERS, like 006's (reconciled at every
 * start: db/change-triggers.ts, which reads them from this text); without all of them no instance
 * caches sessions or views. Released: never edit, only follow.
 */
import type { Dialect } from '../sql';

/** Which columns of a changed row name the views it changes; `*` for "every view". */
interface ViewTrigger {
  name: string;
  table: string;
  events: string;
  when?: string;
  names: readonly string[];
}

const EVERY_VIEW = ['*'];

const TRIGGERS: readonly ViewTrigger[] = [
  // A user's own row; the domain's user count.
  { name: 'mailbox', table: 'mailbox', events: 'INSERT OR UPDATE OR DELETE', names: ['username', 'domain'] },
  // A user's aliases, lists and forwardings; an alias's members; a domain's catch-all.
  { name: 'forwardings', table: 'forwardings', events: 'INSERT OR UPDATE OR DELETE', names: ['address', 'forwarding'] },
  // Whether an alias or a list exists decides which of its members' forwardings a user view lists
  // (and the domain's counts): any user may be concerned, so every view goes.
  { name: 'alias_added_or_removed', table: 'alias', events: 'INSERT OR DELETE', names: EVERY_VIEW },
  {
    name: 'alias_renamed',
    table: 'alias',
    events: 'UPDATE',
    when: 'OLD.address IS DISTINCT FROM NEW.address OR OLD.domain IS DISTINCT FROM NEW.domain',
    names: EVERY_VIEW,
  },
  { name: 'alias_updated', table: 'alias', events: 'UPDATE', names: ['address'] },
  { name: 'maillists_added_or_removed', table: 'maillists', events: 'INSERT OR DELETE', names: EVERY_VIEW },
  {
    name: 'maillists_renamed',
    table: 'maillists',
    events: 'UPDATE',
    when: 'OLD.address IS DISTINCT FROM NEW.address OR OLD.domain IS DISTINCT FROM NEW.domain',
    names: EVERY_VIEW,
  },
  { name: 'moderators', table: 'moderators', events: 'INSERT OR UPDATE OR DELETE', names: ['address'] },
  { name: 'sender_bcc_user', table: 'sender_bcc_user', events: 'INSERT OR UPDATE OR DELETE', names: ['username'] },
  {
    name: 'recipient_bcc_user',
    table: 'recipient_bcc_user',
    events: 'INSERT OR UPDATE OR DELETE',
    names: ['username'],
  },
  { name: 'sender_bcc_domain', table: 'sender_bcc_domain', events: 'INSERT OR UPDATE OR DELETE', names: ['domain'] },
  {
    name: 'recipient_bcc_domain',
    table: 'recipient_bcc_domain',
    events: 'INSERT OR UPDATE OR DELETE',
    names: ['domain'],
  },
  // `account` is `@domain` for a domain's relay host (the leading `@` is dropped below).
  { name: 'sender_relayhost', table: 'sender_relayhost', events: 'INSERT OR UPDATE OR DELETE', names: ['account'] },
  // Written by Dovecot: on every delivery (quota) and every login.
  { name: 'used_quota', table: 'used_quota', events: 'INSERT OR UPDATE OR DELETE', names: ['username'] },
  { name: 'last_login', table: 'last_login', events: 'INSERT OR UPDATE OR DELETE', names: ['username'] },
  { name: 'domain', table: 'domain', events: 'INSERT OR UPDATE OR DELETE', names: ['domain'] },
  // A user's managed domains; a domain's admins.
  {
    name: 'domain_admins',
    table: 'domain_admins',
    events: 'INSERT OR UPDATE OR DELETE',
    names: ['username', 'domain'],
  },
];

const TABLES = [...new Set(TRIGGERS.map((t) => t.table))];

/** PostgreSQL only: MySQL has no NOTIFY, and a server on it keeps no view cache. */
export const viewChangeNotifications = (dialect: Dialect) => (dialect === 'postgres' ? POSTGRES : '');

const argument = (column: string) => `'${column}'`;

/** Prefixes every line of a PL/pgSQL fragment with `indent`. */
const indented = (indent: string, lines: readonly string[]) => lines.map((line) => `${indent}${line}`).join('\n');

/**
 * The function's first test: a truncation or a `*` trigger announces every view. Exported, with
 * the next, for 013's body of the same function (it must render here exactly as released).
 */
export const everyViewAnnounced = (indent: string) =>
  indented(indent, [
    "IF TG_OP = 'TRUNCATE' OR TG_ARGV[0] = '*' THEN",
    "  PERFORM pg_notify('iredadmin_api_accounts', ':view:');",
    '  RETURN NULL;',
    'END IF;',
  ]);

/** The trigger's arguments read as columns of the row through jsonb, old and new value each announced. */
export const argumentsAnnouncedThroughJsonb = (indent: string) =>
  indented(indent, [
    "IF TG_OP <> 'INSERT' THEN old_row := to_jsonb(OLD); END IF;",
    "IF TG_OP <> 'DELETE' THEN new_row := to_jsonb(NEW); END IF;",
    'FOR i IN 0 .. TG_NARGS - 1 LOOP',
    "  PERFORM pg_notify('iredadmin_api_accounts', ':view:' || named)",
    "    FROM (VALUES (ltrim(old_row ->> TG_ARGV[i], '@')), (ltrim(new_row ->> TG_ARGV[i], '@'))) AS n(named)",
    "    WHERE named <> '';",
    'END LOOP;',
  ]);

const POSTGRES = `
CREATE OR REPLACE FUNCTION iredadmin_api_view_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_row jsonb;
  new_row jsonb;
BEGIN
${everyViewAnnounced('  ')}
${argumentsAnnouncedThroughJsonb('  ')}
  RETURN NULL;
END
$$;
${TRIGGERS.map(
  (t) => `
CREATE TRIGGER iredadmin_api_view_${t.name} AFTER ${t.events} ON ${t.table}
  FOR EACH ROW ${t.when ? `WHEN (${t.when}) ` : ''}EXECUTE FUNCTION iredadmin_api_view_changed(${t.names.map(argument).join(', ')});`,
).join('')}
${TABLES.map(
  (table) => `
CREATE TRIGGER iredadmin_api_view_${table}_truncated AFTER TRUNCATE ON ${table}
  FOR EACH STATEMENT EXECUTE FUNCTION iredadmin_api_view_changed();`,
).join('')}
`;
