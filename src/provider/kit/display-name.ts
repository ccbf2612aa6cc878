/** `name`, the display name of users, aliases and lists. */
import { attributesFor, type AttributeSpec } from '../framework';
import { notEmpty } from './validators';

/** `samples[0]` is the example in the description. */
export const displayName = <Data>(
  read: (data: Data) => string | null | undefined,
  samples: readonly [string, string],
): AttributeSpec<'string', Data> =>
  attributesFor<Data>().string({
    samples,
    optional: true,
    param: 'name',
    validators: [notEmpty],
    read: (d) => read(d) ?? '',
    description: `Display name, e.g. \`${samples[0]}\`.`,
    errorCodes: ['INVALID_NAME'],
  });
