/**
 * mlmmj mailing lists in iRedMail's SQL schema: a `maillists` row (transport `mlmmj:<domain>/<name>`,
 * a 36-character `mlid`), the list's own `forwardings` row with `is_maillist = 1` (Postfix accepts
 * the address through it), moderators in `moderators`, owners in the row's `settings` (`owners`),
 * and subscribers in iredadmin_api_maillist_subscribers (migration 004).
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../db/database';
import { removeAddressTraces } from '../account-traces';
import type { AccessPolicy } from '../../../common/access-policies';
import { domainOf } from '../../../common/mail-names';
import { formatSettings, parseSettings, setSettingList, settingList, settingsForApi } from '../settings-column';

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

const VIEW_SQL = `SELECT l.*,
    ARRAY(SELECT moderator FROM moderators WHERE address = l.address ORDER BY moderator) AS moderators
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
  const rows = await q.query<ListRow & { moderators: string[] }>(`${VIEW_SQL} WHERE l.address = $1`, [address]);
  if (!rows[0]) return null;
  const view = toView(rows[0]);
  if (withSubscribers) view.subscribers = await readSubscribers(q, address);
  return view;
}

export async function readDomainLists(q: Queryable, domain: string): Promise<Record<string, unknown>[]> {
  const rows = await q.query<ListRow & { moderators: string[] }>(`${VIEW_SQL} WHERE l.domain = $1 ORDER BY l.address`, [
    domain,
  ]);
  return rows.map(toView);
}

export async function lockList(tx: Queryable, address: string): Promise<ListRow | null> {
  const rows = await tx.query<ListRow>('SELECT * FROM maillists WHERE address = $1 FOR UPDATE', [address]);
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
    `INSERT INTO maillists (address, domain, transport, accesspolicy, maxmsgsize, name, description, mlid, is_newsletter, settings, active)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, '', $10)
     ON CONFLICT (address) DO NOTHING RETURNING id`,
    [
      address,
      domain,
      listTransport(address),
      fields.accessPolicy ?? 'public',
      fields.maxMessageSize ?? 0,
      fields.name ?? '',
      fields.newsletterDescription ?? '',
      randomUUID(),
      fields.isNewsletter ? 1 : 0,
      active,
    ],
  );
  if (!rows.length) return false;
  await tx.query(
    `INSERT INTO forwardings (address, forwarding, domain, dest_domain, is_maillist, active) VALUES ($1, $1, $2, $2, 1, $3)
     ON CONFLICT (address, forwarding) DO NOTHING`,
    [address, domain, active],
  );
  return true;
}

export async function updateList(tx: Queryable, address: string, fields: ListFields): Promise<void> {
  const flag = (v?: boolean) => (v === undefined ? null : v ? 1 : 0);
  await tx.query(
    `UPDATE maillists SET name = COALESCE($2, name), active = COALESCE($3, active), maxmsgsize = COALESCE($4, maxmsgsize),
       accesspolicy = COALESCE($5, accesspolicy), is_newsletter = COALESCE($6, is_newsletter),
       description = COALESCE($7, description), modified = NOW()::timestamp
     WHERE address = $1`,
    [
      address,
      fields.name ?? null,
      fields.active ?? null,
      fields.maxMessageSize ?? null,
      fields.accessPolicy ?? null,
      flag(fields.isNewsletter),
      fields.newsletterDescription ?? null,
    ],
  );
  if (fields.active !== undefined) {
    await tx.query('UPDATE forwardings SET active = $2 WHERE address = $1 AND is_maillist = 1', [
      address,
      fields.active,
    ]);
  }
}

export function readOwners(row: Pick<ListRow, 'settings'>): string[] {
  return settingList(parseSettings(row.settings), OWNERS_KEY);
}

export async function writeOwners(tx: Queryable, row: ListRow, owners: readonly string[]): Promise<void> {
  const settings = parseSettings(row.settings);
  setSettingList(settings, OWNERS_KEY, owners);
  await tx.query('UPDATE maillists SET settings = $2 WHERE address = $1', [row.address, formatSettings(settings)]);
}

export async function readSubscribers(q: Queryable, address: string): Promise<Subscriber[]> {
  const rows = await q.query<{ subscriber: string; subscription: Subscription; confirmed: number }>(
    'SELECT subscriber, subscription, confirmed FROM iredadmin_api_maillist_subscribers WHERE address = $1 ORDER BY subscriber',
    [address],
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
    await tx.query(
      `INSERT INTO iredadmin_api_maillist_subscribers (address, subscriber, domain, dest_domain, subscription, confirmed)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (address, subscriber) DO UPDATE SET subscription = EXCLUDED.subscription`,
      [address, subscriber, domainOf(address), domainOf(subscriber), subscription, confirmed ? 1 : 0],
    );
  }
}

export async function removeSubscribers(tx: Queryable, address: string, subscribers: readonly string[]): Promise<void> {
  await tx.query('DELETE FROM iredadmin_api_maillist_subscribers WHERE address = $1 AND subscriber = ANY($2)', [
    address,
    [...subscribers],
  ]);
}

/**
 * Deletes the list (its subscribers follow by the table's key) and every trace of its address;
 * an address that is no list is left alone.
 */
export async function deleteList(tx: Queryable, address: string): Promise<void> {
  if (!(await lockList(tx, address))) return;
  await tx.query('DELETE FROM maillists WHERE address = $1', [address]);
  await removeAddressTraces(tx, [address]);
}
