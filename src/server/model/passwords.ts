/**
 * The value to store in a `password` column from `password` (checked against the policy,
 * hashed with the server's scheme) or `password_hash` (stored as given, already validated).
 * Shared by mail users and admins.
 */
import type { Queryable } from '../db/database';
import { equalsExactly, sql } from '../db/sql';
import type { PasswordScheme } from '../config';
import { hashPassword } from '../auth/passwords';
import { type LengthBounds, passwordPolicyViolation } from '../auth/password-policy';
import { ApiFailure } from '../errors';

export async function passwordToStore(
  given: { password?: string | undefined; password_hash?: string | undefined },
  bounds: LengthBounds,
  scheme: PasswordScheme,
): Promise<string | undefined> {
  if (given.password_hash !== undefined) return given.password_hash;
  if (given.password === undefined) return undefined;
  const violation = passwordPolicyViolation(given.password, bounds);
  if (violation) throw new ApiFailure(violation);
  return hashPassword(given.password, scheme);
}

/** The password hash stored for a separate admin or a mail user; null when there is no such account. */
export async function storedPasswordHash(q: Queryable, kind: 'admin' | 'user', email: string): Promise<string | null> {
  const rows = await q.query<{ password: string }>(
    kind === 'admin'
      ? sql`SELECT password FROM admin WHERE ${equalsExactly('username', email)}`
      : sql`SELECT password FROM mailbox WHERE ${equalsExactly('username', email)}`,
  );
  return rows[0]?.password ?? null;
}
