/**
 * Every change to a row that a session's account is read from NOTIFYs `iredadmin_api_accounts`
 * with the username concerned (an empty payload: "anything may have changed"). Server instances
 * cache sessions and accounts in process and LISTEN on that channel to drop what changed.
 * Triggers, not calls in our writers, so that no writer can forget one and changes made by
 * other tools (iRedMail's scripts, psql, another admin panel on the same database) count too.
 * A NOTIFY is delivered at commit, never for a rolled-back change, and repeats of one payload
 * in a transaction are sent once. Only what the account lookup reads fires: a plain mail user
 * (no admin flag) is not an account, so bulk user writes send nothing.
 */
import type { Dialect } from '../sql';

/** PostgreSQL only: MySQL has no NOTIFY, and a server on it keeps no session cache. */
export const accountChangeNotifications = (dialect: Dialect) => (dialect === 'postgres' ? POSTGRES : '');

const POSTGRES = `
CREATE OR REPLACE FUNCTION iredadmin_api_account_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM pg_notify('iredadmin_api_accounts', '');
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM pg_notify('iredadmin_api_accounts', OLD.username);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM pg_notify('iredadmin_api_accounts', NEW.username);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER iredadmin_api_sessions_changed AFTER DELETE ON iredadmin_api_sessions
  FOR EACH ROW EXECUTE FUNCTION iredadmin_api_account_changed();
-- Sliding a session's expiry forward (every few minutes per session) changes nothing cached.
CREATE TRIGGER iredadmin_api_sessions_updated AFTER UPDATE ON iredadmin_api_sessions
  FOR EACH ROW WHEN (OLD.username IS DISTINCT FROM NEW.username OR OLD.token_hash IS DISTINCT FROM NEW.token_hash
                     OR OLD.created IS DISTINCT FROM NEW.created OR NEW.expires < OLD.expires)
  EXECUTE FUNCTION iredadmin_api_account_changed();

CREATE TRIGGER iredadmin_api_admin_added_or_removed AFTER INSERT OR DELETE ON admin
  FOR EACH ROW EXECUTE FUNCTION iredadmin_api_account_changed();
CREATE TRIGGER iredadmin_api_admin_updated AFTER UPDATE ON admin
  FOR EACH ROW WHEN (OLD.username IS DISTINCT FROM NEW.username OR OLD.password IS DISTINCT FROM NEW.password
                     OR OLD.active IS DISTINCT FROM NEW.active OR OLD.created IS DISTINCT FROM NEW.created)
  EXECUTE FUNCTION iredadmin_api_account_changed();

CREATE TRIGGER iredadmin_api_mailbox_admin_added AFTER INSERT ON mailbox
  FOR EACH ROW WHEN (NEW.isadmin = 1 OR NEW.isglobaladmin = 1)
  EXECUTE FUNCTION iredadmin_api_account_changed();
CREATE TRIGGER iredadmin_api_mailbox_admin_removed AFTER DELETE ON mailbox
  FOR EACH ROW WHEN (OLD.isadmin = 1 OR OLD.isglobaladmin = 1)
  EXECUTE FUNCTION iredadmin_api_account_changed();
CREATE TRIGGER iredadmin_api_mailbox_admin_updated AFTER UPDATE ON mailbox
  FOR EACH ROW WHEN ((OLD.isadmin = 1 OR OLD.isglobaladmin = 1 OR NEW.isadmin = 1 OR NEW.isglobaladmin = 1)
                     AND (OLD.username IS DISTINCT FROM NEW.username OR OLD.password IS DISTINCT FROM NEW.password
                          OR OLD.active IS DISTINCT FROM NEW.active OR OLD.created IS DISTINCT FROM NEW.created
                          OR OLD.isadmin IS DISTINCT FROM NEW.isadmin
                          OR OLD.isglobaladmin IS DISTINCT FROM NEW.isglobaladmin))
  EXECUTE FUNCTION iredadmin_api_account_changed();

-- Global rights are a domain_admins row for ALL: any row change is rare and cheap to pass on.
CREATE TRIGGER iredadmin_api_domain_admins_changed AFTER INSERT OR UPDATE OR DELETE ON domain_admins
  FOR EACH ROW EXECUTE FUNCTION iredadmin_api_account_changed();

CREATE TRIGGER iredadmin_api_sessions_truncated AFTER TRUNCATE ON iredadmin_api_sessions
  FOR EACH STATEMENT EXECUTE FUNCTION iredadmin_api_account_changed();
CREATE TRIGGER iredadmin_api_admin_truncated AFTER TRUNCATE ON admin
  FOR EACH STATEMENT EXECUTE FUNCTION iredadmin_api_account_changed();
CREATE TRIGGER iredadmin_api_mailbox_truncated AFTER TRUNCATE ON mailbox
  FOR EACH STATEMENT EXECUTE FUNCTION iredadmin_api_account_changed();
CREATE TRIGGER iredadmin_api_domain_admins_truncated AFTER TRUNCATE ON domain_admins
  FOR EACH STATEMENT EXECUTE FUNCTION iredadmin_api_account_changed();
`;
