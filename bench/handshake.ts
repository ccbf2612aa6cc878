/**
 * (a) Provider start to handshake line, against a bare `node -e 0` start. Terraform launches
 * the provider 3–5 times per command, so this cost multiplies.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProvider } from '../scripts/build-provider';
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE, createSelfSignedCertificate } from '../src/provider/protocol';
import { summarize, toRow, type Row } from './stats';
import { timeToExit, timeToFirstLine } from './processes';

export async function benchHandshake(starts = 20): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-provider-'));
  try {
    const launcher = await buildProvider(dir);
    // Terraform's environment for a launch: cookie, protocol versions, its client certificate.
    const env = {
      PATH: process.env.PATH,
      [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE,
      PLUGIN_PROTOCOL_VERSIONS: '6',
      PLUGIN_CLIENT_CERT: createSelfSignedCertificate().certPem,
    };
    const ours: number[] = [];
    const bare: number[] = [];
    // Two warm-up starts each (page cache), then interleaved so drift hits both sides alike.
    for (let i = 0; i < starts + 2; i++) {
      const b = await timeToExit(process.execPath, ['-e', '0'], { PATH: process.env.PATH });
      const { ms, line } = await timeToFirstLine(launcher, [], env);
      if (!/^1\|6\|(tcp|unix)\|/.test(line)) throw new Error(`not a handshake line: ${line}`);
      if (i >= 2) {
        bare.push(b);
        ours.push(ms);
      }
    }
    return [
      toRow({
        name: 'provider start to handshake',
        unit: 'ms',
        ours: summarize(ours),
        baseline: summarize(bare),
        goal: { kind: 'lower', limit: 2.0 },
        note: `median of ${starts} starts through the launcher vs bare node -e 0`,
      }),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
