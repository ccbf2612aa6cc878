/** Our server as a real child process (the CLI, bundled), for tests that kill it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { bundleEntry } from '../../support/bundle';
import { TEST_ADMIN } from '../../support/test-server';

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  exited: Promise<void>;
}

let script: Promise<string> | undefined;

export async function startServerProcess(database: string): Promise<ServerProcess> {
  script ??= bundleEntry('src/server/cli.ts', 'server-cli');
  const child = spawn(process.execPath, [await script, '--port', '0', '--database', database], {
    env: {
      PATH: process.env.PATH,
      ENABLE_RESTFUL_API: 'true',
      IREDADMIN_ADMIN: TEST_ADMIN.email,
      IREDADMIN_ADMIN_PASSWORD: TEST_ADMIN.password,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    void exited.then(() => reject(new Error(`server exited before listening: ${err}`)));
  });
  return { child, url, exited };
}
