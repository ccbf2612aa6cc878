/**
 * The password trio of users and admins: `password` (sensitive, kept in state), `password_wo`
 * (write-only, Terraform ≥ 1.11) and `password_wo_version` (bump it to send `password_wo` again),
 * with the API's password error codes and the rules that bind them.
 */
import { attributesFor, type Issue, type Validator } from '../framework';

/** Every code the API answers about a password: diagnostics point at the password attribute. */
const PASSWORD_CODES = [
  'NO_PASSWORD',
  'INVALID_PASSWORD',
  'PW_EMPTY',
  'PW_SHORTER_THAN_MIN_LENGTH',
  'PW_GREATER_THAN_MAX_LENGTH',
  'PW_NO_LETTER',
  'PW_NO_UPPERCASE',
  'PW_NO_DIGIT_NUMBER',
  'PW_NO_SPECIAL_CHAR',
  'PW_NON_ASCII',
];

const nonEmptyPassword: Validator<string> = (v) =>
  v === '' ? 'An empty password is not allowed: give a password, or remove the attribute.' : undefined;

/** The three attributes, for `a user` or `an admin`. */
export function passwordTrio<Data>(account: 'a user' | 'an admin') {
  const a = attributesFor<Data>();
  const noun = account.slice(account.indexOf(' ') + 1);
  return {
    password: a.string({
      samples: ['Round-Trip-1', 'Round-Trip-2'],
      optional: true,
      sensitive: true,
      param: 'password',
      validators: [nonEmptyPassword],
      errorCodes: PASSWORD_CODES,
      description:
        'Password (sensitive; stored in state but never read back, so a change made elsewhere is not detected). ' +
        `Creating ${account} needs \`password\` or \`password_wo\` (a plan-time error otherwise); an imported ` +
        `${noun} needs neither. ` +
        'The server checks its policy (length, a letter, an upper-case letter, a digit, a special character). ' +
        'Conflicts with `password_wo`.',
    }),
    password_wo: a.string({
      samples: ['Round-Trip-Wo-1', 'Round-Trip-Wo-2'],
      optional: true,
      writeOnly: true,
      sensitive: true,
      param: 'password',
      sendWhenChanged: 'password_wo_version',
      errorCodes: PASSWORD_CODES,
      description:
        'Write-only password (Terraform ≥ 1.11): sent on create and whenever `password_wo_version` changes, ' +
        'never stored in state or plan. Conflicts with `password`.',
    }),
    password_wo_version: a.number({
      samples: [1, 2],
      sampleWith: () => ({ password_wo: 'Round-Trip-Wo-1' }),
      optional: true,
      description: 'Change it (e.g. increment) to send `password_wo` again: the way to rotate a write-only password.',
    }),
  };
}

/** A new account needs one of the two passwords (an imported one needs neither). */
export const PASSWORD_ON_CREATE = [['password', 'password_wo']] as const;

/** `password` and `password_wo` both set: an error on `password_wo`. */
export function passwordConflict(v: { password: string | null; password_wo: string | null }): Issue[] {
  if (v.password === null || v.password_wo === null) return [];
  return [
    {
      attribute: 'password_wo',
      summary: 'Conflicting password attributes',
      detail: 'Set either `password` or `password_wo`, not both.',
    },
  ];
}
