/**
 * Sets of addresses (members, moderators, owners, forwardings, alias addresses, catch-alls):
 * checked as email addresses at plan time and compared in canonical form, so `Jane@Example.COM`
 * in a configuration is no change from `jane@example.com` on the server.
 */
import { attributesFor, type AttributeBase, type AttributeSpec, type Sample } from '../framework';
import { canonicalEmails, emailSet } from './validators';

export interface AddressSetSpec<Data> {
  readonly samples: readonly [Sample<'stringSet'>, Sample<'stringSet'>];
  /** The server's set; none reads as `[]`. */
  readonly read: (data: Data) => string[] | null | undefined;
  /** Sent whole as this parameter, or through `write`. */
  readonly param?: string;
  readonly write?: AttributeBase<'stringSet', Data>['write'];
  readonly description: string;
  readonly errorCodes: readonly string[];
}

export const addressSet = <Data>({ read, ...spec }: AddressSetSpec<Data>): AttributeSpec<'stringSet', Data> =>
  attributesFor<Data>().stringSet({
    ...spec,
    optional: true,
    validators: [emailSet],
    normalize: canonicalEmails,
    read: (d) => read(d) ?? [],
  });
