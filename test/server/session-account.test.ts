/**
 * Every authenticated request resolves its session and admin account in one statement
 * (it took two round trips before the GET benchmark showed the cost, twice on PGlite).
 */
import { createTestDatabase, TEST_ADMIN } from '../support/test-server';
import type { Database, Queryable } from '../../src/server/db/database';
import { SessionStore } from '../../src/server/auth/sessions';
import { findAdminAccount } from '../../src/server/auth/accounts';
import { ensureGlobalAdmin } from '../../src/server/bootstrap';
import { sql } from '../../src/server/db/sql';

let db: Database;
beforeAll(async () => {
  db = (await createTestDatabase('pglite')).db;
  await ensureGlobalAdmin(db, TEST_ADMIN.email, TEST_ADMIN.password, 'SSHA512');
});
afterAll(() => db?.close());

test('a session resolves to its account in a single statement', async () => {
  let statements = 0;
  const counting: Database = {
    ...db,
    kind: db.kind,
    query: ((sql: string, params?: readonly unknown[]) => {
      statements++;
      return db.query(sql, params);
    }) as Queryable['query'],
  };
  const store = new SessionStore(counting, 3600);
  const token = await store.create((await findAdminAccount(db, TEST_ADMIN.email))!);
  statements = 0;
  expect(await store.resolveAccount(token)).toMatchObject({
    username: TEST_ADMIN.email,
    active: true,
    isGlobal: true,
    kind: 'admin',
  });
  expect(statements).toBe(1);
  expect(await store.resolveAccount('not-a-token')).toBeNull();
  await db.query(sql`UPDATE admin SET active = 0 WHERE username = ${TEST_ADMIN.email}`);
  expect(await store.resolveAccount(token)).toMatchObject({ active: false });
  await db.query(sql`UPDATE admin SET active = 1 WHERE username = ${TEST_ADMIN.email}`);
  await db.query(sql`DELETE FROM admin WHERE username = ${TEST_ADMIN.email}`);
  expect(await store.resolveAccount(token)).toBeNull();
});
