/** PUT /api/user/<mail>: applies every given parameter to a locked mailbox, inside the caller's transaction. */
import type { Queryable } from '../db/database';
import type { ServerSettings } from '../config';
import type { Actor } from '../auth/actor';
import { ApiFailure } from '../errors';
import { type DomainRow, passwordBounds } from '../model/domains/rows';
import { setMailboxGlobalAdmin } from '../model/users/admin-flags';
import {
  addAliasAddresses,
  assertAliasDomainsManaged,
  removeAliasAddresses,
  setForwardings,
  setUserBcc,
  userForwardings,
} from '../model/users/relations';
import { type MailboxRow, updateMailboxRow } from '../model/users/rows';
import { updateServices } from '../model/users/services';
import type { UpdateUserInput } from './users-input';
import { assertAdminLimits, quotaWithinDomain } from '../model/users/limits';
import { passwordToStore } from '../model/passwords';
import { statusToActive } from '../model/vocabulary';
import { storedMaildir } from '../model/users/maildir-location';

export interface UserUpdate {
  tx: Queryable;
  actor: Actor;
  settings: ServerSettings;
  domain: DomainRow;
  /** The mailbox row, locked. */
  row: MailboxRow;
  input: UpdateUserInput;
}

export async function applyUserUpdate({ tx, actor, settings, domain, row, input }: UserUpdate): Promise<void> {
  const user = row.username;
  const password = await passwordToStore(input, passwordBounds(domain, settings), settings.defaultPasswordScheme);
  // An unchanged quota is not checked again (the domain's limits may have moved since).
  const quota =
    input.quota === undefined || input.quota === Number(row.quota)
      ? input.quota
      : await quotaWithinDomain(tx, domain, input.quota, user);
  if (quota !== undefined && quota !== Number(row.quota)) await assertAdminLimits(tx, actor, 0, quota, user);
  // Only a global admin moves a mailbox on disk (checked before any write, by the route).
  const maildir = input.maildir === undefined ? undefined : storedMaildir(input.maildir, row);
  const newAliases = input.aliases ?? input.addAlias;
  if (newAliases?.length) await assertAliasDomainsManaged(tx, actor, newAliases);

  await updateMailboxRow(tx, user, {
    name: input.name ?? null,
    password: password ?? null,
    quota: quota ?? null,
    active: input.accountStatus ? statusToActive(input.accountStatus) : null,
    language: input.language ?? null,
    employeeid: input.employeeid ?? null,
    transport: input.transport ?? null,
    mailboxformat: input.mailboxFormat ?? null,
    mailboxfolder: input.mailboxFolder ?? null,
    maildir: maildir ?? null,
  });
  await updateServices(tx, user, row, input);
  await updateForwardings(tx, user, input);
  if (input.aliases !== undefined) {
    await removeAliasAddresses(tx, user, 'all');
    await addAliasAddresses(tx, user, input.aliases);
  }
  if (input.removeAlias) await removeAliasAddresses(tx, user, input.removeAlias);
  if (input.addAlias) await addAliasAddresses(tx, user, input.addAlias);
  if (input.senderBcc !== undefined) await setUserBcc(tx, 'sender', user, input.senderBcc);
  if (input.recipientBcc !== undefined) await setUserBcc(tx, 'recipient', user, input.recipientBcc);
  if (input.isGlobalAdmin !== undefined) {
    if (!actor.isGlobal) throw new ApiFailure('PERMISSION_DENIED');
    await setMailboxGlobalAdmin(tx, user, input.isGlobalAdmin);
  }
}

async function updateForwardings(tx: Queryable, user: string, input: UpdateUserInput): Promise<void> {
  if (input.forwarding) return setForwardings(tx, user, input.forwarding);
  if (!input.addForwarding && !input.removeForwarding) return;
  const current = new Set(await userForwardings(tx, user));
  // A user without real forwardings has only the self row; adding one must not keep a copy unasked.
  if (current.size === 1 && current.has(user) && input.addForwarding?.length) current.delete(user);
  for (const a of input.addForwarding ?? []) current.add(a);
  for (const a of input.removeForwarding ?? []) current.delete(a);
  await setForwardings(tx, user, current);
}
