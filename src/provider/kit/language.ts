/** `language` of users, domains and admins: a code such as `en_US`, sent as `language`. */
import type { AttributeSpec } from '../framework';
import { sharedSetting } from './shared-setting';
import { languageCode } from './validators';

/** None on the server reads as `""` (the server's default). */
const setting = sharedSetting({
  param: 'language',
  validator: languageCode,
  errorCode: 'INVALID_LANGUAGE',
  fallback: '',
});

export const language = <Data>(
  read: (data: Data) => string | null | undefined,
  description: string,
): AttributeSpec<'string', Data> => setting(read, description, ['de_DE', 'fr_FR']);
