/**
 * The real provider build refuses to run unless launched by Terraform (the magic cookie), and
 * talks only to the Terraform that launched it: mutual TLS trusting exactly PLUGIN_CLIENT_CERT.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { buildProvider } from '../../scripts/build-provider';
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE, createSelfSignedCertificate } from '../../src/provider/protocol';

let dir: string;
let launcher: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'provider-launch-'));
  launcher = await buildProvider(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(launcher, [], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Bounded: a provider that started serving by mistake is killed.
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

test.each([
  ['no cookie', {}],
  ['a wrong cookie', { [MAGIC_COOKIE_KEY]: 'not-the-cookie' }],
])('with %s it prints nothing on stdout, explains on stderr and exits 1', async (_label, env) => {
  const result = await run({ PLUGIN_PROTOCOL_VERSIONS: '6', ...env });
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/plugin/i);
});

/** What a TLS client with `client` as its certificate (or none) gets from the provider. */
function tlsOutcome(
  port: number,
  client?: { keyPem: string; certPem: string },
): Promise<'refused' | 'answered' | 'silent'> {
  return new Promise((resolve) => {
    const socket = connect({
      host: '127.0.0.1',
      port,
      servername: 'localhost',
      rejectUnauthorized: false,
      ALPNProtocols: ['h2'],
      key: client?.keyPem,
      cert: client?.certPem,
    });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve('silent');
    }, 3000);
    // An HTTP/2 preface: a provider that accepted us would answer with a SETTINGS frame.
    socket.once('secureConnect', () =>
      socket.write('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\x00\x00\x00\x04\x00\x00\x00\x00\x00'),
    );
    socket.once('data', () => {
      clearTimeout(timer);
      socket.destroy();
      resolve('answered');
    });
    socket.once('error', () => {
      clearTimeout(timer);
      resolve('refused');
    });
    socket.once('close', () => {
      clearTimeout(timer);
      resolve('refused');
    });
  });
}

test('it serves mTLS that admits only the certificate Terraform passed', async () => {
  const terraform = createSelfSignedCertificate();
  const child = spawn(launcher, [], {
    env: {
      PATH: process.env.PATH,
      [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE,
      PLUGIN_PROTOCOL_VERSIONS: '6',
      PLUGIN_CLIENT_CERT: terraform.certPem,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) resolve(out.split('\n')[0]!);
      });
      child.once('exit', (code) => reject(new Error(`provider exited ${code}`)));
    });
    const [, , network, address] = line.split('|');
    expect(network).toBe('tcp');
    const port = Number(address!.split(':')[1]);
    expect(await tlsOutcome(port)).toBe('refused');
    expect(await tlsOutcome(port, createSelfSignedCertificate())).toBe('refused');
    expect(await tlsOutcome(port, terraform)).toBe('answered');
  } finally {
    child.kill('SIGKILL');
  }
});
