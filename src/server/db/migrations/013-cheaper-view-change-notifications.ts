/**
 * Migration 012's view-change triggers, cheaper: the same triggers call a new body of their
 * function, which reads the columns each trigger names straight from OLD and NEW instead of
 * serialising the whole row to jsonb (some sixty columns of mailbox on every user write), and
 * announces an updated row's name once when it did not change. An update a `*` trigger already
 * announced as "every view" (an alias renamed) sends nothing more. The notifications are
 * otherwise those of 012: same channel, same payloads.
 *
 * The triggers stay as 012 made them (db/change-triggers.ts reconciles them from 012's text);
 * only the function, which is ours and on no table, changes. Released: never edit, only follow.
 */
import { splitStatements } from '../split-statements';
import type { Dialect } from '../sql';
import {
  argumentsAnnouncedThroughJsonb,
  everyViewAnnounced,
  viewChangeNotifications,
} from './012-view-change-notifications';

interface RowTrigger {
  name: string;
  table: string;
  events: string;
  when: string | undefined;
  /** The columns naming the views a row change touches; `*` for every view. */
  columns: string[];
}

/** A `CREATE TRIGGER … FOR EACH ROW` of 012: name, events, table, WHEN condition, arguments. */
const ROW_TRIGGER =
  /^CREATE TRIGGER (\w+) AFTER (.+?) ON (\w+)\s+FOR EACH ROW (?:WHEN \((.+)\) )?EXECUTE FUNCTION \w+\((.*)\)$/s;

/** 012's row triggers, read from its text (as change-triggers.ts reads them). */
const ROW_TRIGGERS: readonly RowTrigger[] = splitStatements(viewChangeNotifications('postgres')).flatMap((ddl) => {
  const match = ROW_TRIGGER.exec(ddl);
  if (!match) return [];
  const [, name = '', events = '', table = '', when, args = ''] = match;
  return [{ name, events, table, when, columns: args.split(', ').map((arg) => arg.replace(/^'|'$/g, '')) }];
});

const EVERY_VIEW = '*';

/** PostgreSQL only, as 012. */
export const cheaperViewChangeNotifications = (dialect: Dialect) => (dialect === 'postgres' ? POSTGRES : '');

const notify = (value: string) => `PERFORM pg_notify('iredadmin_api_accounts', ':view:' || ${value});`;

/** One column: its old value's views, and its new value's when that differs. */
const announceColumn = (column: string) => `
    view_name := ltrim(OLD.${column}, '@');
    IF view_name <> '' THEN ${notify('view_name')} END IF;
    IF NEW.${column} IS DISTINCT FROM OLD.${column} THEN
      view_name := ltrim(NEW.${column}, '@');
      IF view_name <> '' THEN ${notify('view_name')} END IF;
    END IF;`;

/** An update every view was already dropped for, by a `*` trigger with a WHEN on the same table. */
const alreadyAnnounced = (trigger: RowTrigger) =>
  ROW_TRIGGERS.filter(
    (other) =>
      other.table === trigger.table &&
      other.columns[0] === EVERY_VIEW &&
      other.when !== undefined &&
      other.events.includes('UPDATE') &&
      trigger.events.includes('UPDATE'),
  ).map(
    (other) => `
    IF TG_OP = 'UPDATE' AND (${other.when}) THEN RETURN NULL; END IF;`,
  );

const branches = ROW_TRIGGERS.filter((t) => t.columns[0] !== EVERY_VIEW).map(
  (t, i) => `
  ${i === 0 ? 'IF' : 'ELSIF'} TG_NAME = '${t.name}' THEN${alreadyAnnounced(t).join('')}${t.columns.map(announceColumn).join('')}`,
);

const POSTGRES = `
CREATE OR REPLACE FUNCTION iredadmin_api_view_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  view_name text;
  old_row jsonb;
  new_row jsonb;
BEGIN
${everyViewAnnounced('  ')}
  -- OLD reads as NULL on INSERT and NEW on DELETE, so each test below is false there.${branches.join('')}
  ELSE
    -- A trigger not known here: its columns read through jsonb, as 012 read every trigger's.
${argumentsAnnouncedThroughJsonb('    ')}
  END IF;
  RETURN NULL;
END
$$;
`;
