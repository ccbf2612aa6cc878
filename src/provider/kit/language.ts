/** `language` of users, domains and admins: a code such as `en_US`, sent as `language`. */
import { attributesFor, type AttributeSpec } from '../framework';
import { languageCode } from './validators';

/** `read` answers the server's language; none reads as `""` (the server's default). */
export const language = <Data>(
  read: (data: Data) => string | null | undefined,
  description: string,
): AttributeSpec<'string', Data> =>
  attributesFor<Data>().string({
    samples: ['de_DE', 'fr_FR'],
    optional: true,
    param: 'language',
    validators: [languageCode],
    read: (d) => read(d) ?? '',
    description,
    errorCodes: ['INVALID_LANGUAGE'],
  });
