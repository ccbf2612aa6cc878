/** `name`: the display name of users, aliases, lists and admins, and a domain's short description. */
import type { AttributeSpec } from '../framework';
import { sharedSetting } from './shared-setting';
import { storedText } from './validators';

const name = sharedSetting({ param: 'name', validator: storedText(255), errorCode: 'INVALID_NAME', fallback: '' });

/** `samples[0]` is the example in the default description. */
export const displayName = <Data>(
  read: (data: Data) => string | null | undefined,
  samples: readonly [string, string],
  description = `Display name, e.g. \`${samples[0]}\`.`,
): AttributeSpec<'string', Data> => name(read, description, samples);
