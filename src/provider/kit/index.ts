/**
 * The resource kit: the iRedAdmin vocabulary resources are written in — keys (email, domain,
 * policy target), the shared attributes (account status, bcc pair, password trio, access policy),
 * plan-time checks and canonical forms, and the shapes of writes. A resource file is its
 * attribute table plus a few one-line handlers; what two resources share lives here.
 */
export * from './access-policy';
export * from './address-set';
export * from './amount';
export * from './account-status';
export * from './bcc';
export * from './data-source';
export * from './display-name';
export * from './keep-mailbox';
export * from './keys';
export * from './language';
export * from './password';
export * from './policy-target';
export * from './sender-sets';
export * from './set-changes';
export * from './transport';
export * from './shared-setting';
export * from './validators';
export * from './writes';
export { nullIfGone } from '../../client/errors';
