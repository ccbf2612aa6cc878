/**
 * Where iRedMail puts a new mailbox on disk: `<domain>/<u>/<s>/<e>/<user>-<YYYY.MM.DD.HH.MM.SS>/`
 * relative to storagebasedirectory/storagenode. The three hash levels are the first three
 * characters of the local part (a shorter one repeats its last character), which spreads
 * mailboxes over directories; the timestamp keeps a re-created user from reusing old mail.
 *
 * A local part may hold `/` (iRedAdmin-Pro accepts it), which must not become a directory level:
 * `a/b@x` would otherwise get a folder inside `a@x`'s hash levels and `a/b-…` under a folder
 * named `a`. In the folder name a `/` is spelt `~` (no address may hold `~`, so two addresses never
 * share a name); a hash level that would be `/` or `.` is `_` (iRedMail's tools turn `.` into `_`).
 */
import { domainOf } from '../../../common/mail-names';

export function maildirPath(email: string, now: Date = new Date()): string {
  const local = email.slice(0, email.lastIndexOf('@')).toLowerCase();
  const hashed = [0, 1, 2].map((i) => hashLevel(local[Math.min(i, local.length - 1)]!)).join('/');
  return `${domainOf(email)}/${hashed}/${local.replaceAll('/', '~')}-${timestamp(now)}/`;
}

const hashLevel = (char: string): string => (char === '/' || char === '.' ? '_' : char);

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
