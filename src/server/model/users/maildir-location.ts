/**
 * Where a mailbox's mail lives: Dovecot reads `<storagebasedirectory>/<storagenode>/<maildir>`.
 * A maildir set through the API must stay inside the user's own domain directory, so a mailbox
 * can never be pointed at another user's or another domain's mail (or the whole storage node).
 */
import { ApiFailure } from '../../errors';
import { domainOf } from '../../../common/mail-names';

interface StorageColumns {
  username: string;
  storagebasedirectory?: unknown;
  storagenode?: unknown;
}

const trimSlashes = (v: unknown) => String(v ?? '').replace(/^\/+|\/+$/g, '');

/**
 * The `maildir` column value for an absolute path (already checked for `.`/`..` segments):
 * the part below `<base>/<node>/`, which must start with `<domain>/` and name a directory in it.
 * INVALID_MAILDIR otherwise.
 */
export function storedMaildir(absolute: string, mailbox: StorageColumns): string {
  const root = `/${[trimSlashes(mailbox.storagebasedirectory), trimSlashes(mailbox.storagenode)].filter(Boolean).join('/')}/`;
  const domainDir = `${domainOf(mailbox.username)}/`;
  const path = absolute.endsWith('/') ? absolute : `${absolute}/`;
  if (!path.startsWith(root)) throw new ApiFailure('INVALID_MAILDIR');
  const relative = path.slice(root.length);
  if (!relative.startsWith(domainDir) || relative.length === domainDir.length) throw new ApiFailure('INVALID_MAILDIR');
  return relative;
}
