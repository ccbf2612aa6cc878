/**
 * Attempt counters whose window has passed are deleted as attempts are counted, so rotating
 * client addresses cannot grow `iredadmin_api_login_failures` without bound, while live counts
 * refuse exactly as before (README, Security: "Login throttling").
 */
import { EXPIRED_ATTEMPTS_PER_COUNT } from '../../src/server/auth/login-attempts';
import { DEFAULT_SETTINGS } from '../../src/server/config';
import { join, secondsFromNow, sql } from '../../src/server/db/sql';
import { ApiSession } from '../support/api';
import { SERVER_BACKENDS, type TestServer } from '../support/test-server';
import { useTestServer } from '../support/use-test-server';

const MAX = 3;
const WINDOW = DEFAULT_SETTINGS.loginFailureWindowSeconds;

describe.each(SERVER_BACKENDS)('expired login-failure counters on %s', (backend) => {
  let server: TestServer;
  useTestServer(backend, (started) => ({ server } = started), { settings: { maxLoginFailures: MAX } });
  beforeEach(() => server.db.query(sql`DELETE FROM iredadmin_api_login_failures`));

  const login = (password: string) =>
    new ApiSession(server.url).login(server.admin.email, password).then((answer) => answer._msg ?? 'OK');

  /** `count` counters of other clients, each far over the allowance, whose window ended `ageSeconds - WINDOW` ago. */
  async function insertExpired(prefix: string, count: number, ageSeconds = 2 * WINDOW): Promise<void> {
    const rows = Array.from(
      { length: count },
      (_, i) => sql`(${`${prefix}${i}`}, ${99}, ${secondsFromNow(ageSeconds, '-')})`,
    );
    await server.db.query(
      sql`INSERT INTO iredadmin_api_login_failures (client, failures, window_start) VALUES ${join(rows)}`,
    );
  }

  const clientsLike = async (prefix: string) =>
    (
      await server.db.query<{ client: string }>(
        sql`SELECT client FROM iredadmin_api_login_failures WHERE client LIKE ${`${prefix}%`} ORDER BY client`,
      )
    ).map((row) => row.client);

  const countersOfOthers = async () =>
    server.db.query<{ client: string; failures: number }>(
      sql`SELECT client, failures FROM iredadmin_api_login_failures WHERE client NOT LIKE ${'expired %'}`,
    );

  test('a counted attempt deletes counters whose window has passed; the live count still refuses', async () => {
    for (let i = 0; i < MAX; i++) expect(await login(`wrong-${i}`)).toBe('INVALID_CREDENTIALS');
    await insertExpired('expired ', 30);
    expect(await clientsLike('expired ')).toHaveLength(30);

    expect(await login(server.admin.password)).toBe('TOO_MANY_LOGIN_FAILURES');
    expect(await clientsLike('expired ')).toEqual([]);
    expect((await countersOfOthers()).map((row) => Number(row.failures))).toEqual([MAX + 1]);
  });

  test('one attempt deletes at most EXPIRED_ATTEMPTS_PER_COUNT counters, the oldest first', async () => {
    await insertExpired('expired old ', EXPIRED_ATTEMPTS_PER_COUNT, 3 * WINDOW);
    await insertExpired('expired newer ', 5);

    expect(await login('wrong')).toBe('INVALID_CREDENTIALS');
    expect(await clientsLike('expired old ')).toEqual([]);
    expect(await clientsLike('expired newer ')).toHaveLength(5);

    expect(await login('wrong')).toBe('INVALID_CREDENTIALS');
    expect(await clientsLike('expired ')).toEqual([]);
  });

  test('a counter still inside its window is kept', async () => {
    await insertExpired('expired ', 3, WINDOW / 2);
    expect(await login('wrong')).toBe('INVALID_CREDENTIALS');
    expect(await clientsLike('expired ')).toHaveLength(3);
  });

  test('failures at once are counted exactly while expired counters are deleted', async () => {
    await insertExpired('expired ', 3 * EXPIRED_ATTEMPTS_PER_COUNT);
    const guesses = 20;
    const answers = await Promise.all(Array.from({ length: guesses }, (_, i) => login(`wrong-${i}`)));

    expect(answers.filter((a) => a === 'INVALID_CREDENTIALS')).toHaveLength(MAX);
    expect(answers.filter((a) => a === 'TOO_MANY_LOGIN_FAILURES')).toHaveLength(guesses - MAX);
    expect((await countersOfOthers()).map((row) => Number(row.failures))).toEqual([guesses]);
    expect(await clientsLike('expired ')).toEqual([]);
  });
});
