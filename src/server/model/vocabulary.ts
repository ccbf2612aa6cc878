/** Fixed vocabularies of the API (spec: "Available … are listed below"). */
export const ACCOUNT_STATUSES = ['active', 'disabled'] as const;

/** SQL edition domain services (LDAP-only names are accepted so LDAP-era clients keep working). */
export const DOMAIN_SERVICES = ['self-service', 'mail', 'domainalias', 'senderbcc', 'recipientbcc'] as const;

export { DOMAIN_PROFILES, USER_PREFERENCES, USER_PROFILES } from '../../common/domain-vocabulary';
/** Mail services of a user: each is the `enable<name>` column of `mailbox`. */
export { MAIL_SERVICES as USER_SERVICES } from '../../common/mail-services';

/** `active`/`disabled` ⇄ the `active` column. */
export const statusToActive = (status: (typeof ACCOUNT_STATUSES)[number]) => (status === 'active' ? 1 : 0);

/** Language codes as iRedAdmin stores them (`en_US`, `de`), at most 5 characters. */
export const LANGUAGE = /^[a-z]{2}(_[A-Z]{2})?$/;
