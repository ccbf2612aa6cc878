/**
 * Where iRedMail puts a new mailbox on disk: `<domain>/<u>/<s>/<e>/<user>-<YYYY.MM.DD.HH.MM.SS>/`
 * relative to storagebasedirectory/storagenode. The three hash levels are the first three
 * characters of the local part (a shorter one repeats its last character), which spreads
 * mailboxes over directories; the timestamp keeps a re-created user from reusing old mail.
 */
import { domainOf } from '../../../common/mail-names';

export function maildirPath(email: string, now: Date = new Date()): string {
  const local = email.slice(0, email.lastIndexOf('@')).toLowerCase();
  const hashed = [0, 1, 2].map((i) => local[Math.min(i, local.length - 1)]).join('/');
  return `${domainOf(email)}/${hashed}/${local}-${timestamp(now)}/`;
}

function timestamp(d: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return [
    d.getFullYear(),
    two(d.getMonth() + 1),
    two(d.getDate()),
    two(d.getHours()),
    two(d.getMinutes()),
    two(d.getSeconds()),
  ].join('.');
}
