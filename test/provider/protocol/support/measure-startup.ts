/**
 * Measures the fixture provider's start-to-handshake time against a bare
 * `node -e 0`, interleaved so machine load affects both alike.
 *
 * Run: npx esbuild test/provider/protocol/support/measure-startup.ts --bundle --platform=node \
 *        --packages=external --outfile=.tmp/measure-startup.js && node .tmp/measure-startup.js [runs]
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE, createSelfSignedCertificate } from '../../../../src/provider/protocol';
import { buildFixture } from './fixture-process';

function timeRun(args: string[], env: NodeJS.ProcessEnv, untilStdout: boolean): Promise<number> {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'ignore'] });
    const done = (): void => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      child.kill('SIGKILL');
      resolve(ms);
    };
    if (untilStdout) child.stdout.once('data', done);
    else child.once('exit', done);
  });
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 10);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-startup-'));
  const script = await buildFixture(dir);
  const env = {
    PATH: process.env.PATH,
    [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE,
    PLUGIN_PROTOCOL_VERSIONS: '5,6',
    PLUGIN_CLIENT_CERT: createSelfSignedCertificate().certPem,
  };
  const bare: number[] = [];
  const provider: number[] = [];
  for (let i = 0; i < runs; i++) {
    bare.push(await timeRun(['-e', '0'], { PATH: process.env.PATH }, false));
    provider.push(await timeRun([script], env, true));
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const b = median(bare);
  const p = median(provider);
  process.stdout.write(
    `node -e 0: median ${b.toFixed(1)} ms\n` +
      `provider start-to-handshake (mTLS): median ${p.toFixed(1)} ms\n` +
      `ratio ${(p / b).toFixed(2)}\n`,
  );
}

void main();
