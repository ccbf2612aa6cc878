/** Client errors as diagnostics: what went wrong, and what to do about it. Never a secret. */
import {
  ApiError,
  AuthError,
  NetworkError,
  TimeoutError,
  UnexpectedResponseError,
  UnsupportedError,
  ValidationError,
} from '../../client/errors';
import type { ErrorDescription } from '../framework';

const HINTS: Record<string, string> = {
  LOGIN_REQUIRED: 'The session expired and logging in again failed; check the provider credentials.',
  INVALID_CREDENTIALS: 'Check the provider `username` and `password` (or IREDADMIN_USERNAME / IREDADMIN_PASSWORD).',
  PERMISSION_DENIED:
    'The admin in the provider configuration may not do this; use a global admin or one that manages the domain.',
  NOT_AUTHORIZED: "This machine's IP address is not in iRedAdmin-Pro's RESTFUL_API_CLIENTS.",
  ALREADY_EXISTS:
    'An account with this address exists already; import it (terraform import) or choose another address.',
  CAN_NOT_BE_LOCAL_DOMAIN:
    'A separate admin (iredadmin_admin) must not be in a domain this server hosts: give it an address outside ' +
    'them (e.g. it-admin@example.net), or make a mail user of the domain its admin with iredadmin_domain_admins.',
  EXCEEDED_DOMAIN_ACCOUNT_LIMIT:
    "The domain's account limit is reached; raise max_users / max_aliases / max_lists on the domain.",
  // The password policy: the server names every rule a password breaks.
  PW_EMPTY: 'Give a password (`password` or `password_wo`).',
  NO_PASSWORD: 'Give a password (`password` or `password_wo`).',
  PW_NON_ASCII: 'Use ASCII characters only (no accented letters, no emoji).',
  PW_SHORTER_THAN_MIN_LENGTH:
    "Make it longer: the domain's `min_password_length` (or the server's default) sets the minimum.",
  PW_GREATER_THAN_MAX_LENGTH:
    "Make it shorter: the domain's `max_password_length` (or the server's default) sets the maximum.",
  PW_NO_LETTER: 'Add a letter (a-z or A-Z).',
  PW_NO_UPPERCASE: 'Add an upper-case letter (A-Z).',
  PW_NO_DIGIT_NUMBER: 'Add a digit (0-9).',
  PW_NO_SPECIAL_CHAR: 'Add a special character, one of #$%&*+-,.:;!=<>\'"?@[]/(){}_\\`~',
};

const GENERIC_HINT = 'See the iRedAdmin API error codes in the provider documentation.';

/** One line per code the server gave, each with its fix; a single code keeps the one-line form. */
function hintsFor(codes: readonly string[]): string {
  if (codes.length <= 1) return (codes[0] && HINTS[codes[0]]) ?? GENERIC_HINT;
  return codes.map((code) => `- ${code}: ${HINTS[code] ?? GENERIC_HINT}`).join('\n');
}

export function describeError(error: unknown): ErrorDescription {
  if (error instanceof ApiError) {
    const code = error.normalizedCode ?? error.code;
    const summary =
      error.codes.length > 1
        ? `${error.codes.join(', ')} (${error.codes.length} problems)`
        : (code ?? 'the API refused the request');
    return { summary, detail: `${error.message}\n${hintsFor(error.codes)}`, code, codes: error.codes };
  }
  if (error instanceof AuthError)
    return { summary: 'login failed', detail: `${error.message}\n${HINTS.INVALID_CREDENTIALS}` };
  if (error instanceof TimeoutError)
    return {
      summary: 'the API did not answer in time',
      detail: `${error.message}\nRaise the provider's \`timeout\` or check the server.`,
    };
  if (error instanceof NetworkError && error.certificateRejected)
    return {
      summary: "the API server's TLS certificate is not trusted",
      detail:
        `${error.message}\nTrust the CA that signed it with the provider's \`ca_cert\` (or, for testing only, ` +
        'set `insecure = true`); check that `url` names the host the certificate is for.',
    };
  if (error instanceof NetworkError)
    return {
      summary: 'cannot reach the API',
      detail: `${error.message}\nCheck the provider \`url\` and that the server is running.`,
    };
  if (error instanceof UnexpectedResponseError)
    return {
      summary: 'the server did not answer like iRedAdmin-Pro',
      detail: `${error.message}\nIs the RESTful API enabled (ENABLE_RESTFUL_API) and \`url\` the iRedAdmin base URL?`,
    };
  if (error instanceof UnsupportedError) return { summary: 'not supported by this server', detail: error.message };
  if (error instanceof ValidationError) return { summary: 'invalid value', detail: error.message };
  return { summary: 'unexpected error', detail: error instanceof Error ? error.message : String(error) };
}
