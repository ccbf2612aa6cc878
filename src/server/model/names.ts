/** Mail names are shared with the provider (plan-time validation): one definition in src/common. */
export { domainOf, normalizeDomain, normalizeEmail } from '../../common/mail-names';
