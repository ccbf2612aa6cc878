/** `account_status` of users, aliases, lists, domains and admins: `active` or `disabled`, sent as `accountStatus`. */
import type { AttributeSpec } from '../framework';
import { sharedSetting } from './shared-setting';
import { oneOf } from './validators';

const status = sharedSetting({
  param: 'accountStatus',
  validator: oneOf(['active', 'disabled']),
  errorCode: 'INVALID_ACCOUNT_STATUS',
  fallback: 'active',
});

/** `active` reads whether the API's object is active (`false` only when disabled). */
export const accountStatus = <Data>(
  active: (data: Data) => boolean | null | undefined,
  description: string,
): AttributeSpec<'string', Data> =>
  status<Data>((d) => (active(d) === false ? 'disabled' : 'active'), description, ['disabled', 'active']);
