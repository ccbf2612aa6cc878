/** A domain as GET /api/domain answers it: its row, settings as an object, and related values. */
import type { Queryable } from '../../db/database';
import { settingsForApi } from '../settings-column';
import { DOMAIN_TEXT_COLUMNS, withEmptyText } from '../text-columns';
import type { DomainRow } from './rows';
import { arrayOf, sql } from '../../db/sql';

export async function readDomain(q: Queryable, domain: string): Promise<Record<string, unknown> | null> {
  const rows = await q.query<DomainRow & Record<string, unknown>>(sql`SELECT d.*,
       COALESCE((SELECT bcc_address FROM sender_bcc_domain WHERE domain = d.domain), '') AS sbcc_addr,
       COALESCE((SELECT bcc_address FROM recipient_bcc_domain WHERE domain = d.domain), '') AS rbcc_addr,
       COALESCE((SELECT relayhost FROM sender_relayhost WHERE account = '@' || d.domain), '') AS relayhost,
       ${arrayOf('catchall', 'forwarding', 'FROM forwardings WHERE address = d.domain')},
       (SELECT COUNT(*) FROM mailbox WHERE domain = d.domain) AS num_existing_users,
       (SELECT COUNT(*) FROM alias WHERE domain = d.domain) AS num_existing_aliases,
       (SELECT COUNT(*) FROM maillists WHERE domain = d.domain) AS num_existing_lists,
       ${arrayOf('admins', 'username', 'FROM domain_admins WHERE domain = d.domain')}
     FROM domain d WHERE d.domain = ${domain}`);
  const row = rows[0];
  if (!row) return null;
  return { ...withEmptyText(row, DOMAIN_TEXT_COLUMNS), settings: settingsForApi(row.settings) };
}
