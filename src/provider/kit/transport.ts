/**
 * `transport` of domains and users: a Postfix transport such as `dovecot` or `smtp:[192.0.2.1]:25`,
 * sent as `transport`. The API reads an empty one as "not given", so `""` is refused at plan time.
 */
import type { Validator } from '../framework';
import { sharedSetting } from './shared-setting';
import { notEmpty } from './validators';

/** Printable ASCII without spaces, as the server checks it. */
const postfixTransport: Validator<string> = (v) =>
  notEmpty(v) ??
  (/^[\x21-\x7e]+$/.test(v)
    ? undefined
    : `"${v}" is not a Postfix transport: no spaces, e.g. "dovecot" or "smtp:[192.0.2.1]:25".`);

export const transport = sharedSetting({
  param: 'transport',
  validator: postfixTransport,
  errorCode: 'INVALID_TRANSPORT',
  fallback: '',
});
