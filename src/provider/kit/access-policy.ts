/** `access_policy` of aliases and mailing lists: who may send to them. */
import { ACCESS_POLICIES } from '../../common/access-policies';
import { attributesFor, type AttributeSpec, type Sample } from '../framework';
import { oneOf } from './validators';

/** The policies with what each means, for descriptions. */
export const ACCESS_POLICY_DOC =
  '`public` (anyone), `domain` (senders of the same domain), `subdomain` (the domain and its subdomains), ' +
  '`membersonly`, `moderatorsonly` or `membersandmoderatorsonly`';

export const accessPolicy = <Data>(spec: {
  readonly read: (data: Data) => string | null | undefined;
  readonly samples: readonly [Sample<'string'>, Sample<'string'>];
  readonly description: string;
}): AttributeSpec<'string', Data> =>
  attributesFor<Data>().string({
    samples: spec.samples,
    optional: true,
    param: 'accessPolicy',
    validators: [oneOf(ACCESS_POLICIES)],
    read: (d) => spec.read(d) ?? 'public',
    description: spec.description,
    errorCodes: ['INVALID_ACCESS_POLICY'],
  });
