/**
 * Our migrations beside iRedMail's own schema files, for the shape tests
 * (test/server/iredmail-*-shapes.test.ts): one database made by each, on one backend, read
 * alike; and the check that every difference between them is listed as deliberate (with its
 * reason) and every deliberate one is still a difference.
 */
import type { Database } from '../../src/server/db/database';
import type { Dialect } from '../../src/server/db/sql';
import { createIredmailDatabase } from './iredmail-database';
import { type Backend, createTestDatabase } from './test-server';

/** What `read` makes of a database our migrations made and of one iRedMail's schema files made. */
export async function oursAndIredmails<T>(
  backend: Backend,
  read: (db: Database) => Promise<T>,
): Promise<{ ours: T; theirs: T; dialect: Dialect }> {
  const iredmail = await createIredmailDatabase(backend);
  const made = (await createTestDatabase(backend)).db;
  try {
    return { ours: await read(made), theirs: await read(iredmail), dialect: made.dialect };
  } finally {
    await iredmail.close();
    await made.close();
  }
}

/** A difference from iRedMail kept on purpose: the keys it covers, and why. */
export interface Deliberate {
  matches: RegExp;
  reason: string;
}

export interface Difference {
  key: string;
  text: string;
}

/** Fails on a difference no deliberate entry covers, and on a deliberate entry that covers none. */
export function expectOnlyDeliberate(differences: readonly Difference[], deliberate: readonly Deliberate[]): void {
  expect(differences.filter((d) => !deliberate.some((rule) => rule.matches.test(d.key))).map((d) => d.text)).toEqual(
    [],
  );
  const stale = deliberate.filter((rule) => !differences.some((d) => rule.matches.test(d.key)));
  expect(stale.map((rule) => `${rule.matches} is no longer a difference: ${rule.reason}`)).toEqual([]);
}
