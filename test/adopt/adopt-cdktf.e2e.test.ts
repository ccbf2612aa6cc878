/**
 * `iredadmin adopt --format cdktf` on the realistic installation: the written stack type-checks
 * under a strict tsconfig, `cdktf diff` shows only imports, deploy imports everything, and the
 * next diff is empty — offline, the provider from a filesystem mirror.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mirrorCliConfig, offlineArgs, offlineEnv, runCdktf } from '../../scripts/cdktf-cli';
import { typeCheckStack, writeCdktfApp } from '../support/cdktf-app';
import { useProviderMirror } from '../support/terraform';
import { adminEnv, BACKENDS, startTestServer, type TestServer } from '../support/test-server';
import { adopt } from './run-adopt';
import { PASSWORD, SEEDED_OBJECTS, seedInstallation } from './seed';

const ROOT = join(__dirname, '..', '..');

const mirror = useProviderMirror();

describe.each(BACKENDS)('adopt --format cdktf on %s', (backend) => {
  let server: TestServer;
  let home: string;
  let work: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    server = await startTestServer({ backend });
    await seedInstallation(server);
    home = mkdtempSync(join(tmpdir(), 'iredadmin-adopt-cdktf-'));
    writeFileSync(join(home, '.terraformrc'), mirrorCliConfig(mirror()));
    // Inside the project, so `cdktf` and `constructs` resolve from node_modules.
    mkdirSync(join(ROOT, '.tmp'), { recursive: true });
    work = mkdtempSync(join(ROOT, '.tmp', 'adopt-cdktf-'));
    env = {
      ...offlineEnv(join(home, '.terraformrc'), home),
      ...adminEnv(server),
    };
  });
  afterAll(async () => {
    await server?.close();
    for (const dir of [work, home]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function cdktf(...args: string[]): Promise<string> {
    const { code, out } = await runCdktf(args, work, env);
    if (code !== 0) throw new Error(`cdktf ${args.join(' ')} exited ${code}\n${out}`);
    return out;
  }

  test('writes a typed stack with importFrom, data modules per domain and no passwords', async () => {
    const run = await adopt(['--out', work, '--format', 'cdktf'], env as Record<string, string>);
    expect(run.code).toBe(0);
    const main = readFileSync(join(work, 'main.ts'), 'utf8');
    expect(main).toContain(`this.addUsers(corpExample, 'corp.example', corpExampleData.users);`);
    expect(main).toContain(
      [
        `new DomainAdmins(this, 'shop_example_admins', {`,
        `      domain: shopExample.domain,`,
        `      admins: [helpdeskAdminsExample.email, this.address('jane.000@corp.example')],`,
        `    })`,
      ].join('\n'),
    );
    expect(main).toContain(
      `new Throttle(this, 'jane_000_corp_example_outbound', { target: this.address('jane.000@corp.example'), ` +
        `direction: 'outbound', period: 3600, maxMsgs: 50 })`,
    );
    const corp = readFileSync(join(work, 'corp_example.ts'), 'utf8');
    expect(corp).toContain(`export const users: Adopted<UserConfig>[] = [`);
    expect(corp).toContain(`{ id: 'jane_010_corp_example', localPart: 'jane.010', name: 'Jane 10', quota: 2048 },`);
    for (const text of [main, corp]) {
      expect(text).not.toContain(PASSWORD);
      expect(
        text
          .split('\n')
          .filter((l) => !l.trimStart().startsWith('//'))
          .join('\n'),
      ).not.toMatch(/password/i);
    }

    // The stack type-checks as written (cdktf's strict settings), the package's constructs standing in
    // for the npm import.
    expect(typeCheckStack(work)).toEqual({ output: '', status: 0 });
  });

  // Each cdktf run synthesizes and plans ~240 resources: minutes on a loaded two-core CI machine.
  const CDKTF_STEP_MS = 480_000;

  test(
    'cdktf diff shows only imports',
    async () => {
      writeCdktfApp(work, join(work, 'main.ts'));
      expect(await cdktf(...offlineArgs('diff'))).toContain(
        `Plan: ${SEEDED_OBJECTS} to import, 0 to add, 0 to change, 0 to destroy.`,
      );
    },
    CDKTF_STEP_MS,
  );

  test(
    'cdktf deploy imports everything and changes nothing',
    async () => {
      expect(await cdktf(...offlineArgs('deploy'))).toMatch(
        new RegExp(`Apply complete! Resources: ${SEEDED_OBJECTS} imported, 0 added, 0 changed, 0 destroyed`),
      );
    },
    CDKTF_STEP_MS,
  );

  test(
    'after the deploy, cdktf diff shows no changes',
    async () => {
      expect(await cdktf(...offlineArgs('diff'))).toContain('No changes.');
    },
    CDKTF_STEP_MS,
  );
});
