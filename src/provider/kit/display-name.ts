/** `name`, the display name of users, aliases and lists. */
import type { AttributeSpec } from '../framework';
import { sharedSetting } from './shared-setting';
import { notEmpty } from './validators';

const name = sharedSetting({ param: 'name', validator: notEmpty, errorCode: 'INVALID_NAME', fallback: '' });

/** `samples[0]` is the example in the description. */
export const displayName = <Data>(
  read: (data: Data) => string | null | undefined,
  samples: readonly [string, string],
): AttributeSpec<'string', Data> => name(read, `Display name, e.g. \`${samples[0]}\`.`, samples);
