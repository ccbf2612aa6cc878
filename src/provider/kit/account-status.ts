/** `account_status` of users, aliases, lists, domains and admins: `active` or `disabled`, sent as `accountStatus`. */
import { attributesFor, type AttributeSpec } from '../framework';
import { oneOf } from './validators';

const STATUSES = ['active', 'disabled'];

/** `active` reads whether the API's object is active (`false` only when disabled). */
export const accountStatus = <Data>(
  active: (data: Data) => boolean | null | undefined,
  description: string,
): AttributeSpec<'string', Data> =>
  attributesFor<Data>().string({
    samples: ['disabled', 'active'],
    optional: true,
    param: 'accountStatus',
    validators: [oneOf(STATUSES)],
    read: (d) => (active(d) === false ? 'disabled' : 'active'),
    description,
    errorCodes: ['INVALID_ACCOUNT_STATUS'],
  });
