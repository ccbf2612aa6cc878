/**
 * Writes to a domain's own rows: the `domain` row, its BCC rows, its catch-all and its outbound relay.
 * Callers hold the transaction and decide what changes; these functions only store it.
 */
import type { Queryable } from '../../db/database';
import { domainOf } from '../../../common/mail-names';
import { newRow } from '../../db/new-rows';
import { insertSkippingDuplicates, now, onDuplicateSkip, raw, sql } from '../../db/sql';

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
    sql`${insertSkippingDuplicates} INTO ${newRow('domain', row)} ${onDuplicateSkip('domain')} RETURNING domain`,
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
  await tx.query(sql`UPDATE domain SET
         description = COALESCE(${changes.description}, description), maxquota = COALESCE(${changes.maxquota},
           maxquota), transport = COALESCE(${changes.transport}, transport),
         mailboxes = COALESCE(${changes.mailboxes}, mailboxes), aliases = COALESCE(${changes.aliases}, aliases),
         active = COALESCE(${changes.active}, active), backupmx = COALESCE(${changes.backupmx}, backupmx),
         settings = ${changes.settings}, modified = ${now}
       WHERE domain = ${domain}`);
}

/** The domain's BCC addresses: undefined leaves one as it is, '' removes it. */
export interface DomainBcc {
  senderBcc?: string | undefined;
  recipientBcc?: string | undefined;
}

export async function setDomainBcc(tx: Queryable, domain: string, bcc: DomainBcc): Promise<void> {
  const tables: ['sender_bcc_domain' | 'recipient_bcc_domain', string | undefined][] = [
    ['sender_bcc_domain', bcc.senderBcc],
    ['recipient_bcc_domain', bcc.recipientBcc],
  ];
  for (const [table, address] of tables) {
    if (address === undefined) continue;
    await tx.query(sql`DELETE FROM ${raw(table)} WHERE domain = ${domain}`);
    if (address) await tx.query(sql`INSERT INTO ${newRow(table, { domain, bcc_address: address })}`);
  }
}

/** A catch-all is a `forwardings` row whose address is the bare domain. */
export async function setCatchall(tx: Queryable, domain: string, addresses: string[]): Promise<void> {
  await tx.query(sql`DELETE FROM forwardings WHERE address = ${domain}`);
  for (const address of addresses) {
    await tx.query(
      sql`INSERT INTO forwardings (address, forwarding, domain, dest_domain, is_forwarding) VALUES (${domain}, ${address}, ${domain},
          ${domainOf(address)}, 1)`,
    );
  }
}

export async function setOutboundRelay(tx: Queryable, domain: string, relay: string): Promise<void> {
  await tx.query(sql`DELETE FROM sender_relayhost WHERE account = ${`@${domain}`}`);
  if (relay) await tx.query(sql`INSERT INTO sender_relayhost (account, relayhost) VALUES (${`@${domain}`}, ${relay})`);
}
