/**
 * mlmmj mailing lists in iRedMail's SQL schema: a `maillists` row (transport `mlmmj:<domain>/<name>`,
 * a 36-character `mlid`), the list's own `forwardings` row with `is_maillist = 1` (Postfix accepts
 * the address through it), moderators in `moderators`, owners in the row's `settings` (`owners`),
 * and subscribers in iredadmin_api_maillist_subscribers (migration 004; they follow the list
 * here, not by a key on iRedMail's table: migration 009).
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../db/database';
import { newRow } from '../../db/new-rows';
import { removeAddressTraces } from '../account-traces';
import type { AccessPolicy } from '../../../common/access-policies';
import { domainOf } from '../../../common/mail-names';
import { formatSettings, parseSettings, setSettingList, settingList, settingsForApi } from '../settings-column';
import {
  arrayOf,
  excluded,
  insertSkippingDuplicates,
  isAnyOf,
  now,
  onDuplicateSkip,
  onDuplicateUpdate,
  sql,
} from '../../db/sql';

export const SUBSCRIPTIONS = ['normal', 'digest', 'nomail'] as const;
export type Subscription = (typeof SUBSCRIPTIONS)[number];

export interface ListRow {
  id: number;
  address: string;
  domain: string;
  accesspolicy: string;
  settings: string | null;
  active: number;
  [column: string]: unknown;
}

export interface Subscriber {
  mail: string;
  subscription: Subscription;
  confirmed: boolean;
}

const OWNERS_KEY = 'owners';

const VIEW_SQL = sql`SELECT l.*,
    ${arrayOf('moderators', 'moderator', 'FROM moderators WHERE address = l.address')}
  FROM maillists l`;

/** GET shape: the row (settings as an object) plus `owners`, `moderators` and, if asked, `subscribers`. */
function toView(row: ListRow & { moderators: string[] }): Record<string, unknown> {
  const settings = settingsForApi(row.settings);
  delete settings[OWNERS_KEY];
  return { ...row, settings, owners: readOwners(row), moderators: row.moderators };
}

export async function readList(
  q: Queryable,
  address: string,
  withSubscribers: boolean,
): Promise<Record<string, unknown> | null> {
  const rows = await q.query<ListRow & { moderators: string[] }>(sql`${VIEW_SQL} WHERE l.address = ${address}`);
  if (!rows[0]) return null;
  const view = toView(rows[0]);
  if (withSubscribers) view.subscribers = await readSubscribers(q, address);
  return view;
}

export async function readDomainLists(q: Queryable, domain: string): Promise<Record<string, unknown>[]> {
  const rows = await q.query<ListRow & { moderators: string[] }>(
    sql`${VIEW_SQL} WHERE l.domain = ${domain} ORDER BY l.address`,
  );
  return rows.map(toView);
}

export async function lockList(tx: Queryable, address: string): Promise<ListRow | null> {
  const rows = await tx.query<ListRow>(sql`SELECT * FROM maillists WHERE address = ${address} FOR UPDATE`);
  return rows[0] ?? null;
}

export interface ListFields {
  name?: string;
  active?: number;
  maxMessageSize?: number;
  accessPolicy?: AccessPolicy;
  isNewsletter?: boolean;
  newsletterDescription?: string;
}

/** mlmmj's transport for the list, `mlmmj:<domain>/<listname>` (Postfix pipes to mlmmj-receive with it). */
export function listTransport(address: string): string {
  return `mlmmj:${domainOf(address)}/${address.slice(0, address.lastIndexOf('@'))}`;
}

/** The `transport` column holds 255 characters; a longer address cannot become a list. */
export const MAX_TRANSPORT_LENGTH = 255;

/** False when the address was taken meanwhile (the insert did nothing). */
export async function insertList(tx: Queryable, address: string, fields: ListFields): Promise<boolean> {
  const domain = domainOf(address);
  const active = fields.active ?? 1;
  const rows = await tx.query(
    sql`${insertSkippingDuplicates} INTO ${newRow('maillists', {
      address,
      domain,
      transport: listTransport(address),
      accesspolicy: fields.accessPolicy ?? 'public',
      maxmsgsize: fields.maxMessageSize ?? 0,
      name: fields.name ?? '',
      description: fields.newsletterDescription ?? '',
      mlid: randomUUID(),
      is_newsletter: fields.isNewsletter ? 1 : 0,
      settings: '',
      active,
    })} ${onDuplicateSkip('address')} RETURNING id`,
  );
  if (!rows.length) return false;
  // Left by a list of this address that iRedMail's tools deleted (no key ties them: migration 009).
  await tx.query(sql`DELETE FROM iredadmin_api_maillist_subscribers WHERE address = ${address}`);
  await tx.query(sql`${insertSkippingDuplicates} INTO forwardings (address, forwarding, domain, dest_domain, is_maillist, active)
      VALUES (${address}, ${address}, ${domain}, ${domain}, 1, ${active})
     ${onDuplicateSkip('address, forwarding')}`);
  return true;
}

export async function updateList(tx: Queryable, address: string, fields: ListFields): Promise<void> {
  const flag = (v?: boolean) => (v === undefined ? null : v ? 1 : 0);
  await tx.query(sql`UPDATE maillists SET name = COALESCE(${fields.name ?? null}, name), active = COALESCE(${fields.active ?? null},
      active), maxmsgsize = COALESCE(${fields.maxMessageSize ?? null}, maxmsgsize),
       accesspolicy = COALESCE(${fields.accessPolicy ?? null}, accesspolicy),
         is_newsletter = COALESCE(${flag(fields.isNewsletter)}, is_newsletter),
       description = COALESCE(${fields.newsletterDescription ?? null}, description), modified = ${now}
     WHERE address = ${address}`);
  if (fields.active !== undefined) {
    await tx.query(
      sql`UPDATE forwardings SET active = ${fields.active} WHERE address = ${address} AND is_maillist = 1`,
    );
  }
}

export function readOwners(row: Pick<ListRow, 'settings'>): string[] {
  return settingList(parseSettings(row.settings), OWNERS_KEY);
}

export async function writeOwners(tx: Queryable, row: ListRow, owners: readonly string[]): Promise<void> {
  const settings = parseSettings(row.settings);
  setSettingList(settings, OWNERS_KEY, owners);
  await tx.query(sql`UPDATE maillists SET settings = ${formatSettings(settings)} WHERE address = ${row.address}`);
}

export async function readSubscribers(q: Queryable, address: string): Promise<Subscriber[]> {
  const rows = await q.query<{ subscriber: string; subscription: Subscription; confirmed: number }>(
    sql`SELECT subscriber, subscription, confirmed FROM iredadmin_api_maillist_subscribers WHERE address = ${address} ORDER BY subscriber`,
  );
  return rows.map((r) => ({ mail: r.subscriber, subscription: r.subscription, confirmed: r.confirmed === 1 }));
}

/**
 * Subscribes `subscribers` (an existing subscriber moves to the given subscription). Without
 * mlmmj no confirmation mail is sent: `require_confirm` leaves the subscriber unconfirmed.
 */
export async function addSubscribers(
  tx: Queryable,
  address: string,
  subscribers: readonly string[],
  subscription: Subscription,
  confirmed: boolean,
): Promise<void> {
  for (const subscriber of subscribers) {
    await tx.query(sql`INSERT INTO iredadmin_api_maillist_subscribers (address, subscriber, domain, dest_domain, subscription, confirmed)
       VALUES (${address}, ${subscriber}, ${domainOf(address)}, ${domainOf(subscriber)}, ${subscription}, ${confirmed ? 1 : 0})
       ${onDuplicateUpdate('address, subscriber', sql`subscription = ${excluded('subscription')}`)}`);
  }
}

export async function removeSubscribers(tx: Queryable, address: string, subscribers: readonly string[]): Promise<void> {
  await tx.query(
    sql`DELETE FROM iredadmin_api_maillist_subscribers WHERE address = ${address} AND subscriber ${isAnyOf([...subscribers])}`,
  );
}

/**
 * Deletes the list and every trace of its address, its subscribers included;
 * an address that is no list is left alone.
 */
export async function deleteList(tx: Queryable, address: string): Promise<void> {
  if (!(await lockList(tx, address))) return;
  await tx.query(sql`DELETE FROM maillists WHERE address = ${address}`);
  await removeAddressTraces(tx, [address]);
}
