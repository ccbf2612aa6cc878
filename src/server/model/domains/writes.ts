/**
 * Writes to a domain's own rows: the `domain` row, its BCC rows, its catch-all and its outbound relay.
 * Callers hold the transaction and decide what changes; these functions only store it.
 */
import type { Queryable } from '../../db/database';
import { domainOf } from '../../../common/mail-names';

/** The columns a new `domain` row is given. */
export interface NewDomainRow {
  domain: string;
  description: string;
  maxquota: number;
  transport: string;
  mailboxes: number;
  aliases: number;
  maillists: number;
  settings: string;
}

/**
 * Inserts the domain; false when a concurrent create got there first (ON CONFLICT … RETURNING:
 * of two concurrent creates, the one whose insert did nothing is told so).
 */
export async function insertDomain(tx: Queryable, row: NewDomainRow): Promise<boolean> {
  const inserted = await tx.query(
    `INSERT INTO domain (domain, description, maxquota, transport, mailboxes, aliases, maillists, settings)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (domain) DO NOTHING RETURNING domain`,
    [row.domain, row.description, row.maxquota, row.transport, row.mailboxes, row.aliases, row.maillists, row.settings],
  );
  return inserted.length > 0;
}

/** Column changes of PUT /api/domain: null keeps a column as it is; `settings` is always written. */
export interface DomainColumnChanges {
  description: string | null;
  maxquota: number | null;
  transport: string | null;
  mailboxes: number | null;
  aliases: number | null;
  active: number | null;
  backupmx: number | null;
  settings: string;
}

export async function updateDomainRow(tx: Queryable, domain: string, changes: DomainColumnChanges): Promise<void> {
  await tx.query(
    `UPDATE domain SET
         description = COALESCE($2, description), maxquota = COALESCE($3, maxquota), transport = COALESCE($4, transport),
         mailboxes = COALESCE($5, mailboxes), aliases = COALESCE($6, aliases),
         active = COALESCE($7, active), backupmx = COALESCE($8, backupmx),
         settings = $9, modified = NOW()::timestamp
       WHERE domain = $1`,
    [
      domain,
      changes.description,
      changes.maxquota,
      changes.transport,
      changes.mailboxes,
      changes.aliases,
      changes.active,
      changes.backupmx,
      changes.settings,
    ],
  );
}

/** The domain's BCC addresses: undefined leaves one as it is, '' removes it. */
export interface DomainBcc {
  senderBcc?: string | undefined;
  recipientBcc?: string | undefined;
}

export async function setDomainBcc(tx: Queryable, domain: string, bcc: DomainBcc): Promise<void> {
  const tables: [string, string | undefined][] = [
    ['sender_bcc_domain', bcc.senderBcc],
    ['recipient_bcc_domain', bcc.recipientBcc],
  ];
  for (const [table, address] of tables) {
    if (address === undefined) continue;
    await tx.query(`DELETE FROM ${table} WHERE domain = $1`, [domain]);
    if (address) await tx.query(`INSERT INTO ${table} (domain, bcc_address) VALUES ($1, $2)`, [domain, address]);
  }
}

/** A catch-all is a `forwardings` row whose address is the bare domain. */
export async function setCatchall(tx: Queryable, domain: string, addresses: string[]): Promise<void> {
  await tx.query('DELETE FROM forwardings WHERE address = $1', [domain]);
  for (const address of addresses) {
    await tx.query(
      'INSERT INTO forwardings (address, forwarding, domain, dest_domain, is_forwarding) VALUES ($1, $2, $1, $3, 1)',
      [domain, address, domainOf(address)],
    );
  }
}

export async function setOutboundRelay(tx: Queryable, domain: string, relay: string): Promise<void> {
  await tx.query('DELETE FROM sender_relayhost WHERE account = $1', [`@${domain}`]);
  if (relay) await tx.query('INSERT INTO sender_relayhost (account, relayhost) VALUES ($1, $2)', [`@${domain}`, relay]);
}
