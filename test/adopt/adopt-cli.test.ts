/** `iredadmin adopt`'s command line: help, usage errors, and a clear exit code for each way a server cannot be read. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT } from '../../src/adopt/command';
import { BACKENDS, startTestServer, type TestServer } from '../support/test-server';
import { startFakeServer } from '../client/fake-server';
import { selfSigned } from '../client/self-signed';
import { adopt } from './run-adopt';

let out: string;
beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'adopt-cli-'));
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

test('--help describes the command and exits 0', async () => {
  const run = await adopt(['--help'], {});
  expect(run.code).toBe(EXIT.ok);
  expect(run.stdout).toContain('usage: iredadmin adopt --url URL --username ADMIN --out DIR');
  expect(run.stdout).toContain('--format hcl|cdktf');
});

test.each([
  [['--username', 'a@b.example', '--out', 'x'], { IREDADMIN_PASSWORD: 'p' }, '--url is required'],
  [['--url', 'http://127.0.0.1:1', '--out', 'x'], { IREDADMIN_PASSWORD: 'p' }, '--username is required'],
  [['--url', 'http://127.0.0.1:1', '--username', 'a@b.example', '--out', 'x'], {}, 'IREDADMIN_PASSWORD is not set'],
  [['--url', 'http://127.0.0.1:1', '--username', 'a@b.example'], { IREDADMIN_PASSWORD: 'p' }, '--out is required'],
  [
    ['--url', 'http://127.0.0.1:1', '--username', 'a@b.example', '--out', 'x', '--format', 'json'],
    { IREDADMIN_PASSWORD: 'p' },
    '--format must be hcl or cdktf',
  ],
])('bad usage %j exits 2 naming the fix', async (args, env, message) => {
  const run = await adopt(args, env);
  expect(run.code).toBe(EXIT.usage);
  expect(run.stderr).toContain(message);
});

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

test('an unreachable server exits 3 and writes nothing', async () => {
  const url = `http://127.0.0.1:${await closedPort()}`;
  const run = await adopt(['--url', url, '--username', 'a@b.example', '--out', out], { IREDADMIN_PASSWORD: 'p' });
  expect(run.code).toBe(EXIT.unreachable);
  expect(run.stderr).toContain(`cannot reach ${url}`);
  expect(readdirSync(out)).toEqual([]);
});

test('a server whose certificate is not trusted exits 3, naming --ca-cert, and writes nothing', async () => {
  const impostor = await startFakeServer(undefined, selfSigned(out, 'impostor', 'IP:127.0.0.1'));
  try {
    const run = await adopt(['--url', impostor.url, '--username', 'a@b.example', '--out', join(out, 'hcl')], {
      IREDADMIN_PASSWORD: 'p',
    });
    expect(run.code).toBe(EXIT.unreachable);
    expect(run.stderr).toContain(`the TLS certificate of ${impostor.url} is not trusted`);
    expect(run.stderr).toContain('--ca-cert FILE');
    expect(impostor.requests).toHaveLength(0);
    expect(readdirSync(out).filter((name) => name === 'hcl')).toEqual([]);
  } finally {
    await impostor.close();
  }
});

describe.each(BACKENDS)('a server on %s', (backend) => {
  let server: TestServer;
  let disabled: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ backend });
    disabled = await startTestServer({ backend, settings: { enableApi: false } });
  });
  afterAll(async () => {
    await server?.close();
    await disabled?.close();
  });

  test('a refused login exits 4', async () => {
    const run = await adopt(['--url', server.url, '--username', server.admin.email, '--out', out], {
      IREDADMIN_PASSWORD: 'Wrong-pa55!',
    });
    expect(run.code).toBe(EXIT.loginRefused);
    expect(run.stderr).toContain('login refused');
    expect(run.stderr).not.toContain('Wrong-pa55!');
    expect(readdirSync(out)).toEqual([]);
  });

  test('a URL where no API answers exits 5', async () => {
    const run = await adopt(['--url', `${server.url}/not-iredadmin`, '--username', server.admin.email, '--out', out], {
      IREDADMIN_PASSWORD: server.admin.password,
    });
    expect(run.code).toBe(EXIT.noApi);
    expect(run.stderr).toContain(`${server.url}/not-iredadmin`);
  });

  test('the provider settings given (--insecure, --ca-cert) are written into providers.tf', async () => {
    const ca = join(out, 'ca.pem');
    writeFileSync(ca, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    const run = await adopt(
      ['--url', server.url, '--username', server.admin.email, '--out', join(out, 'tf'), '--insecure', '--ca-cert', ca],
      { IREDADMIN_PASSWORD: server.admin.password },
    );
    expect(run.code).toBe(EXIT.ok);
    const providers = readFileSync(join(out, 'tf', 'providers.tf'), 'utf8');
    expect(providers).toContain(`  url      = "${server.url}"\n  insecure = true\n  ca_cert  = file("${ca}")\n`);
    expect(providers).not.toContain(server.admin.password);
  });

  test('a disabled API exits 5 and says how to enable it', async () => {
    const run = await adopt(['--url', disabled.url, '--username', disabled.admin.email, '--out', out], {
      IREDADMIN_PASSWORD: disabled.admin.password,
    });
    expect(run.code).toBe(EXIT.noApi);
    expect(run.stderr).toContain('ENABLE_RESTFUL_API');
  });
});
