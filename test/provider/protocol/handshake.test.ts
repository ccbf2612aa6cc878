import { spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { encodeMsgpack, t } from '../../../src/provider/protocol';
import { SERVICE_NAMES } from '../../../src/provider/protocol/serve';
import type { WireMessage } from '../../../src/provider/protocol/wire/protobuf';
import { buildFixture, call, connect, launchProvider, type LaunchedProvider } from './support/fixture-process';

describe('fixture provider launched as Terraform launches it', () => {
  let script: string;
  let provider: LaunchedProvider;

  beforeAll(async () => {
    script = await buildFixture();
    provider = await launchProvider(script);
  });

  afterAll(() => {
    if (provider.child.exitCode === null) provider.child.kill('SIGKILL');
    fs.rmSync(path.dirname(script), { recursive: true, force: true });
  });

  const tls = (): { serverCertDer: Buffer; client: LaunchedProvider['clientCertificate'] } => ({
    serverCertDer: provider.handshake.certificateDer,
    client: provider.clientCertificate,
  });

  it('prints exactly one go-plugin handshake line with an unpadded base64 certificate', () => {
    expect(provider.handshake.line).toMatch(/^1\|6\|tcp\|127\.0\.0\.1:\d+\|grpc\|[A-Za-z0-9+/]+$/);
    const cert = new X509Certificate(provider.handshake.certificateDer);
    expect(cert.subjectAltName).toContain('DNS:localhost');
    expect(provider.stdout()).toBe(`${provider.handshake.line}\n`);
  });

  it('answers health for service "plugin" over mTLS', async () => {
    const health = connect(SERVICE_NAMES.health, provider.handshake.address, tls());
    await expect(call(health, 'Check', { service: 'plugin' })).resolves.toEqual({ status: 1 });
    health.close();
  });

  it('refuses a client without a certificate', async () => {
    const health = connect(SERVICE_NAMES.health, provider.handshake.address, {
      serverCertDer: provider.handshake.certificateDer,
    });
    await expect(call(health, 'Check', { service: 'plugin' }, 2000)).rejects.toThrow();
    health.close();
  });

  it('serves GetProviderSchema and validation diagnostics with attribute paths', async () => {
    const client = connect(SERVICE_NAMES.provider, provider.handshake.address, tls());
    const schema = await call(client, 'GetProviderSchema');
    const note = (schema.resource_schemas as Record<string, WireMessage>).fixture_note;
    const attributes = ((note.block as WireMessage).attributes as WireMessage[]).map((a) => [
      a.name,
      Buffer.from(a.type as Uint8Array).toString(),
    ]);
    expect(attributes).toEqual([
      ['id', '"string"'],
      ['text', '"string"'],
    ]);
    expect(schema.server_capabilities).toEqual({
      plan_destroy: true,
      get_provider_schema_optional: true,
      move_resource_state: false,
    });
    // console.log went to stderr, not stdout; the pipe may deliver it a moment after the answer.
    await until(() => provider.stderr().includes('fixture: schema requested'), 5000);
    await until(() => provider.stderr().includes('fixture: written to process.stdout'), 5000);
    expect(provider.stdout()).toBe(`${provider.handshake.line}\n`);

    const noteType = t.object({ id: t.string, text: t.string });
    const invalid = await call(client, 'ValidateResourceConfig', {
      type_name: 'fixture_note',
      config: { msgpack: encodeMsgpack({ id: null, text: '' }, noteType) },
    });
    expect(invalid.diagnostics).toEqual([
      {
        severity: 1,
        summary: 'Empty note',
        detail: 'text must not be empty',
        attribute: { steps: [{ attribute_name: 'text' }] },
      },
    ]);
    const unimplemented = await call(client, 'MoveResourceState', { target_type_name: 'fixture_note' });
    expect((unimplemented.diagnostics as WireMessage[])[0].summary).toBe('MoveResourceState is not implemented');
    client.close();
  });

  it('keeps running on SIGINT (Terraform sends StopProvider instead)', async () => {
    provider.child.kill('SIGINT');
    const client = connect(SERVICE_NAMES.provider, provider.handshake.address, tls());
    await expect(call(client, 'StopProvider')).resolves.toEqual({ Error: '' });
    client.close();
  });

  it('exits promptly after GRPCController/Shutdown', async () => {
    const controller = connect(SERVICE_NAMES.controller, provider.handshake.address, tls());
    const asked = Date.now();
    await call(controller, 'Shutdown');
    const { code, at } = await provider.exited;
    controller.close();
    expect(code).toBe(0);
    expect(at - asked).toBeLessThan(1000);
  });

  it('refuses to start without the magic cookie: exit 1, a message on stderr, nothing on stdout', async () => {
    const child = spawn(process.execPath, [script], {
      env: { PATH: process.env.PATH },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/plugin/i);
  });

  it('refuses a Terraform that does not offer protocol 6', async () => {
    const child = spawn(process.execPath, [script], {
      env: {
        PATH: process.env.PATH,
        TF_PLUGIN_MAGIC_COOKIE: 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2',
        PLUGIN_PROTOCOL_VERSIONS: '5',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(out).toBe('');
  });
});

describe('fixture provider transports: plaintext TCP, unix socket', () => {
  it('serves plaintext with an empty certificate field', async () => {
    const script = await buildFixture();
    const provider = await launchProvider(script, { TF_DISABLE_PLUGIN_TLS: '1', PLUGIN_CLIENT_CERT: '' });
    try {
      expect(provider.handshake.line).toMatch(/^1\|6\|tcp\|127\.0\.0\.1:\d+\|grpc\|$/);
      const health = connect(SERVICE_NAMES.health, provider.handshake.address);
      await expect(call(health, 'Check', { service: 'plugin' })).resolves.toEqual({ status: 1 });
      health.close();
      provider.child.kill('SIGTERM');
      await expect(provider.exited).resolves.toMatchObject({ code: 0 });
    } finally {
      if (provider.child.exitCode === null) provider.child.kill('SIGKILL');
      fs.rmSync(path.dirname(script), { recursive: true, force: true });
    }
  });

  it('serves on a unix socket with mTLS and removes the socket when it exits', async () => {
    const script = await buildFixture();
    const provider = await launchProvider(script, { FIXTURE_TRANSPORT: 'unix' });
    try {
      expect(provider.handshake.network).toBe('unix');
      expect(fs.existsSync(provider.handshake.address)).toBe(true);
      const health = connect(SERVICE_NAMES.health, `unix:${provider.handshake.address}`, {
        serverCertDer: provider.handshake.certificateDer,
        client: provider.clientCertificate,
      });
      await expect(call(health, 'Check', { service: 'plugin' })).resolves.toEqual({ status: 1 });
      health.close();
      provider.child.kill('SIGTERM');
      await provider.exited;
      expect(fs.existsSync(provider.handshake.address)).toBe(false);
    } finally {
      if (provider.child.exitCode === null) provider.child.kill('SIGKILL');
      fs.rmSync(path.dirname(script), { recursive: true, force: true });
    }
  });
});

describe('fixture provider whose parent dies without a word', () => {
  const isRunning = (pid: number): boolean => {
    try {
      return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
    } catch {
      return false;
    }
  };

  it('exits within a few seconds of its parent being SIGKILLed', async () => {
    const script = await buildFixture();
    const shell = spawn('/bin/sh', ['-c', `"${process.execPath}" "${script}" & echo "pid:$!" >&2; wait`], {
      env: {
        PATH: process.env.PATH,
        TF_PLUGIN_MAGIC_COOKIE: 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2',
        TF_DISABLE_PLUGIN_TLS: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const pid = await new Promise<number>((resolve) => {
        let err = '';
        shell.stderr.on('data', (d: Buffer) => {
          err += d.toString();
          const m = /pid:(\d+)/.exec(err);
          if (m) resolve(Number(m[1]));
        });
      });
      await new Promise<void>((resolve) => shell.stdout.once('data', () => resolve())); // handshake printed
      shell.kill('SIGKILL');
      const deadline = Date.now() + 8000; // the watch runs every second; generous for a loaded machine
      while (isRunning(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(isRunning(pid)).toBe(false);
    } finally {
      fs.rmSync(path.dirname(script), { recursive: true, force: true });
    }
  });
});

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
