/**
 * Ctrl-C during `terraform apply`: terraform stops after the requests in flight (the provider
 * ignores SIGINT and finishes them), saves state, and a second apply converges — no duplicate,
 * no account on the server that the state does not know (orphan), an empty plan afterwards.
 */
import { adminSession, type ApiSession } from '../support/api';
import { TerraformWorkspace, useProviderMirror } from '../support/terraform';
import { adminEnv, startTestServer, type TestServer } from '../support/test-server';
import { sql } from '../../src/server/db/sql';

const USERS = 40;
let server: TestServer;
let api: ApiSession;
let tf: TerraformWorkspace;

const mirror = useProviderMirror();

beforeAll(async () => {
  server = await startTestServer({ backend: 'postgres' });
  api = await adminSession(server);
  tf = TerraformWorkspace.create(mirror(), adminEnv(server));
});
afterAll(async () => {
  tf?.remove();
  await server?.close();
});

async function mailboxCount(): Promise<number> {
  const rows = await server.db.query<{ n: number }>(
    sql`SELECT COUNT(*) AS n FROM mailbox WHERE domain = 'sigint.example'`,
  );
  return rows[0]!.n;
}

test('an apply interrupted with SIGINT converges when run again', async () => {
  await api.ok('POST', '/api/domain/sigint.example');
  tf.write(`
resource "iredadmin_user" "u" {
  count    = ${USERS}
  email    = "user\${count.index}@sigint.example"
  password = "Interrupt-Me-1!"
}
`);
  await tf.init();

  // Apply with little parallelism, and interrupt it once some users exist.
  const child = tf.start(['apply', '-auto-approve', '-input=false', '-no-color', '-parallelism=2']);
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
  const deadline = Date.now() + 60_000;
  while ((await mailboxCount()) < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  child.kill('SIGINT');
  const code = await exited;
  expect(output).toContain('Interrupt received');
  expect(code).not.toBe(0);

  const created = await mailboxCount();
  expect(created).toBeGreaterThanOrEqual(5);
  expect(created).toBeLessThan(USERS);
  // Everything that exists on the server is in the state: the re-run must not hit ALREADY_EXISTS.
  const inState = Object.keys(await tf.state()).length;
  expect(inState).toBe(created);

  const rerun = await tf.apply();
  expect(rerun.stdout).toContain(`Apply complete! Resources: ${USERS - created} added, 0 changed, 0 destroyed.`);
  expect(await mailboxCount()).toBe(USERS);
  expect((await tf.plan()).code).toBe(0);
  await tf.destroy();
  expect(await mailboxCount()).toBe(0);
});
