/**
 * What POST and PUT of both list shapes (the SQL edition's /api/ml, the LDAP edition's
 * /api/maillist) do to one list inside the caller's transaction: profile, policy, owners,
 * moderators and subscribers. The route modules only translate their parameters into a ListWrite.
 */
import type { Queryable } from '../../db/database';
import type { Actor } from '../../auth/actor';
import { ApiFailure } from '../../errors';
import { assertAdminRoomFor } from '../admins/alias-and-list-limits';
import { addressInUse, assertRoomFor, requireDomainForAccount } from '../domains/rows';
import {
  addSubscribers,
  insertList,
  type ListFields,
  listTransport,
  MAX_TRANSPORT_LENGTH,
  type ListRow,
  lockList,
  readOwners,
  readSubscribers,
  removeSubscribers,
  type Subscription,
  updateList,
  writeOwners,
} from './store';
import { type PolicyInput, resolvePolicy } from './policy';
import type { AccessPolicy } from '../../../common/access-policies';
import { applyChange, incoming, isChange, type SetChange } from './members';
import { readModerators, writeModerators } from './moderators';
import { domainOf } from '../../../common/mail-names';

export interface ListWrite {
  fields: Omit<ListFields, 'accessPolicy'>;
  policy: PolicyInput;
  moderators: SetChange;
  owners: SetChange;
  subscribers: SetChange;
  subscription: Subscription;
  /** False when the subscriber still has to confirm (require_confirm=yes). */
  confirmed: boolean;
}

/** A list may not hold itself as subscriber, moderator or owner (mail would loop). */
export function assertNotSelf(address: string, write: ListWrite): void {
  if (incoming(write.subscribers).includes(address)) throw new ApiFailure('INVALID_SUBSCRIBER');
  if (incoming(write.moderators).includes(address)) throw new ApiFailure('INVALID_MODERATOR');
  if (incoming(write.owners).includes(address)) throw new ApiFailure('INVALID_OWNER');
}

export async function createList(
  tx: Queryable,
  actor: Actor,
  address: string,
  write: ListWrite,
  defaultPolicy: AccessPolicy,
): Promise<void> {
  if (listTransport(address).length > MAX_TRANSPORT_LENGTH) throw new ApiFailure('INVALID_MAIL');
  const domain = await requireDomainForAccount(tx, domainOf(address));
  if (await addressInUse(tx, address)) throw new ApiFailure('ALREADY_EXISTS');
  await assertRoomFor(tx, domain, 'lists');
  await assertAdminRoomFor(tx, actor, 'lists');
  const accessPolicy = resolvePolicy(defaultPolicy, write.policy) ?? defaultPolicy;
  if (!(await insertList(tx, address, { ...write.fields, accessPolicy }))) throw new ApiFailure('ALREADY_EXISTS');
  await applyRelations(tx, (await lockList(tx, address))!, write);
}

/** NO_SUCH_ACCOUNT when the list does not exist. */
export async function changeList(tx: Queryable, address: string, write: ListWrite): Promise<void> {
  const row = await lockList(tx, address);
  if (!row) throw new ApiFailure('NO_SUCH_ACCOUNT');
  await updateList(tx, address, { ...write.fields, accessPolicy: resolvePolicy(row.accesspolicy, write.policy) });
  await applyRelations(tx, row, write);
}

async function applyRelations(tx: Queryable, row: ListRow, write: ListWrite): Promise<void> {
  if (isChange(write.moderators))
    await writeModerators(tx, row.address, applyChange(await readModerators(tx, row.address), write.moderators));
  if (isChange(write.owners)) await writeOwners(tx, row, applyChange(readOwners(row), write.owners));
  if (isChange(write.subscribers)) await changeSubscribers(tx, row.address, write);
}

/**
 * `replace` keeps the subscription of subscribers already there; `add` (re)subscribes with the
 * given subscription; `remove` wins over both.
 */
async function changeSubscribers(tx: Queryable, address: string, write: ListWrite): Promise<void> {
  const { replace, add, remove } = write.subscribers;
  const current = (await readSubscribers(tx, address)).map((s) => s.mail);
  const removing = new Set(remove ?? []);
  let adding = add ?? [];
  if (replace) {
    for (const mail of current) if (!replace.includes(mail)) removing.add(mail);
    adding = replace.filter((mail) => !current.includes(mail));
  }
  await addSubscribers(
    tx,
    address,
    adding.filter((mail) => !removing.has(mail)),
    write.subscription,
    write.confirmed,
  );
  await removeSubscribers(tx, address, [...removing]);
}
