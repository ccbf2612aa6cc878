/** `access_policy` of aliases and mailing lists: who may send to them. */
import { ACCESS_POLICIES } from '../../common/access-policies';
import type { AttributeSpec } from '../framework';
import { sharedSetting, type SettingSamples } from './shared-setting';
import { oneOf } from './validators';

/** The policies with what each means, for descriptions. */
export const ACCESS_POLICY_DOC =
  '`public` (anyone), `domain` (senders of the same domain), `subdomain` (the domain and its subdomains), ' +
  '`membersonly`, `moderatorsonly` or `membersandmoderatorsonly`';

const policy = sharedSetting({
  param: 'accessPolicy',
  validator: oneOf(ACCESS_POLICIES),
  errorCode: 'INVALID_ACCESS_POLICY',
  fallback: 'public',
});

export const accessPolicy = <Data>(spec: {
  readonly read: (data: Data) => string | null | undefined;
  readonly samples: SettingSamples;
  readonly description: string;
}): AttributeSpec<'string', Data> => policy(spec.read, spec.description, spec.samples);
