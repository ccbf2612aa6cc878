/** `POST /api/verify_password/<kind>/<mail>`, shared by admins and users. */
import type { ApiCaller } from '../api-caller';
import { ApiError, AuthError } from '../errors';
import { pathWithMail } from './common';
import { password } from './fields';

/**
 * Codes that mean "wrong password". The real product answers a mismatch with a bare
 * `{"_success": false}`; other servers name it.
 */
const MISMATCH_CODES = new Set(['PW_MISMATCH', 'INVALID_CREDENTIALS', 'INVALID_PASSWORD']);

export async function verifyPassword(
  caller: ApiCaller,
  kind: 'admin' | 'user',
  email: string,
  candidate: string,
): Promise<boolean> {
  const site = { method: 'POST', path: `/api/verify_password/${kind}/<mail>` } as const;
  const path = pathWithMail(caller, site, email);
  const plain = caller.parseInput(site, password, candidate);
  try {
    // Checking a password changes nothing, so it may be repeated after a network failure.
    await caller.call({ method: 'POST', path, params: { password: plain }, idempotent: true, secrets: [plain] });
    return true;
  } catch (error) {
    if (
      error instanceof ApiError &&
      !(error instanceof AuthError) &&
      (error.code === undefined || MISMATCH_CODES.has(error.code))
    ) {
      return false;
    }
    throw error;
  }
}
