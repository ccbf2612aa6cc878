/** Writes a new mail user the way iRedMail expects it: the mailbox row and its self-forwarding row. */
import type { Queryable } from '../../db/database';
import type { ServerSettings } from '../../config';
import { maildirPath } from './maildir-layout';
import { domainOf } from '../../../common/mail-names';
import { setForwardings } from './relations';

export interface NewMailbox {
  email: string;
  passwordValue: string;
  name: string;
  language: string;
  quota: number;
}

/** False when the username was taken meanwhile (the caller answers ALREADY_EXISTS). */
export async function insertMailbox(tx: Queryable, settings: ServerSettings, box: NewMailbox): Promise<boolean> {
  const inserted = await tx.query(
    `INSERT INTO mailbox (username, password, name, language, quota, domain, storagebasedirectory, storagenode, maildir,
                          passwordlastchange)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, NOW()::timestamp)
     ON CONFLICT (username) DO NOTHING RETURNING username`,
    [
      box.email,
      box.passwordValue,
      box.name,
      box.language,
      box.quota,
      domainOf(box.email),
      settings.storageBaseDirectory,
      settings.storageNode,
      maildirPath(box.email),
    ],
  );
  if (!inserted.length) return false;
  // Postfix delivers through forwardings; the self row means "into the mailbox".
  await setForwardings(tx, box.email, [box.email]);
  return true;
}
