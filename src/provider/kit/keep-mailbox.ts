/**
 * `keep_mailbox_days` of users and domains: how long destroy keeps the mailboxes on disk. Sent
 * with the DELETE only, never read back.
 */
import { attributesFor, type AttributeSpec } from '../framework';
import { wholeNumber } from './validators';

export const keepMailboxDays = <Data>(description: string): AttributeSpec<'number', Data> =>
  attributesFor<Data>().number({
    samples: [30, 60],
    optional: true,
    validators: [wholeNumber],
    description: `${description} Unset: kept until removed by hand.`,
    errorCodes: ['INVALID_KEEP_MAILBOX_DAYS'],
  });

/** The DELETE's option: none when unset (iRedMail then keeps the mailboxes until removed by hand). */
export const keepMailboxOption = (v: { keep_mailbox_days: number | null }): { keepMailboxDays?: number } =>
  v.keep_mailbox_days === null ? {} : { keepMailboxDays: v.keep_mailbox_days };
