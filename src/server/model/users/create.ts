/** Writes a new mail user the way iRedMail expects it: the mailbox row and its self-forwarding row. */
import type { Queryable } from '../../db/database';
import type { ServerSettings } from '../../config';
import { maildirPath } from './maildir-layout';
import { domainOf } from '../../../common/mail-names';
import { newRow } from '../../db/new-rows';
import { insertSkippingDuplicates, now, onDuplicateSkip, onDuplicateUpdate, type Sql, sql } from '../../db/sql';

export interface NewMailbox {
  email: string;
  passwordValue: string;
  name: string;
  language: string;
  quota: number;
}

/**
 * False when the username was taken meanwhile (the caller answers ALREADY_EXISTS). One statement
 * (a bulk create pays it per user): the mailbox row, and its self-forwarding row, through which
 * Postfix delivers into the mailbox, in place of any other forwarding left at the address.
 */
export async function insertMailbox(tx: Queryable, settings: ServerSettings, box: NewMailbox): Promise<boolean> {
  if (tx.dialect === 'mysql') return insertMailboxInSteps(tx, settings, box);
  const inserted = await tx.query(sql`WITH box AS (
       ${insertSkippingDuplicates} INTO ${mailboxRow(settings, box)} ${onDuplicateSkip('username')} RETURNING username, domain),
     stale AS (
       DELETE FROM forwardings f USING box
        WHERE f.address = box.username AND f.is_forwarding = 1 AND f.forwarding <> box.username)
     INSERT INTO forwardings (address, forwarding, domain, dest_domain, is_forwarding)
     SELECT username, username, domain, domain, 1 FROM box
     ${onDuplicateUpdate('address, forwarding', sql`is_forwarding = 1`)}
     RETURNING address`);
  return inserted.length > 0;
}

/** The new user's `mailbox` row. */
function mailboxRow(settings: ServerSettings, box: NewMailbox): Sql {
  return newRow('mailbox', {
    username: box.email,
    password: box.passwordValue,
    name: box.name,
    language: box.language,
    quota: box.quota,
    domain: domainOf(box.email),
    storagebasedirectory: settings.storageBaseDirectory,
    storagenode: settings.storageNode,
    maildir: maildirPath(box.email),
    passwordlastchange: now,
  });
}

/** The same on MariaDB, which has no data-modifying CTE: three statements. */
async function insertMailboxInSteps(tx: Queryable, settings: ServerSettings, box: NewMailbox): Promise<boolean> {
  const domain = domainOf(box.email);
  const inserted = await tx.query(
    sql`${insertSkippingDuplicates} INTO ${mailboxRow(settings, box)} ${onDuplicateSkip('username')} RETURNING username`,
  );
  if (inserted.length === 0) return false;
  await tx.query(
    sql`DELETE FROM forwardings WHERE address = ${box.email} AND is_forwarding = 1 AND forwarding <> ${box.email}`,
  );
  await tx.query(sql`INSERT INTO forwardings (address, forwarding, domain, dest_domain, is_forwarding)
       VALUES (${box.email}, ${box.email}, ${domain}, ${domain}, 1)
       ${onDuplicateUpdate('address, forwarding', sql`is_forwarding = 1`)}`);
  return true;
}
