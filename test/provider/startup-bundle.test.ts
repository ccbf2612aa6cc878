/**
 * What every provider launch loads: provider.js (and the shared error classes). The API client
 * with undici and zod is required lazily, on ConfigureProvider, from a file of its own; a
 * static import of it anywhere on the start-up path would put them back into every launch.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Script } from 'node:vm';
import { wrap } from 'node:module';
import { bundleIredadminProvider } from '../../scripts/build-provider';
import type { Bundle } from '../../scripts/bundle-provider';

const packageOf = (input: string): string | undefined => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1];

describe('provider start-up bundle', () => {
  let dir: string;
  let bundle: Bundle;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-bundle-'));
    bundle = await bundleIredadminProvider(dir);
  }, 60_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('contains neither undici nor zod, nor the API client itself', () => {
    const packages = new Set(bundle.startupModules.map(packageOf).filter((p) => p !== undefined));
    expect([...packages].filter((p) => p === 'undici' || p === 'zod')).toEqual([]);
    // Plain data modules of the client may be shared (shared vocabularies live in src/common); the client may not.
    expect(
      bundle.startupModules.filter((m) => /src\/client\/(index|client|transport|api-caller)\.ts$/.test(m)),
    ).toEqual([]);
    // The metafile names real inputs: the provider's own code is there.
    expect(bundle.startupModules.some((m) => m.endsWith('src/provider/protocol/serve.ts'))).toBe(true);
  });

  it('leaves out the docs, which read examples/ at build time', () => {
    expect(bundle.startupModules.filter((m) => /src\/provider\/iredadmin\/docs\.ts$|(^|\/)scripts\//.test(m))).toEqual(
      [],
    );
  });

  it('keeps the client, with undici and zod, in the lazily required client.js', () => {
    const client = fs.readFileSync(path.join(dir, 'client.js'), 'utf8');
    expect(client).toMatch(/undici/i);
    expect(client).toContain('_zod');
    const startup = fs.readFileSync(bundle.script, 'utf8');
    expect(startup).not.toContain('_zod');
    expect(startup).toContain('require("./client.js")');
  });

  it("holds undici's Pool without its fetch, and zod with its English messages alone", () => {
    const client = fs.readFileSync(path.join(dir, 'client.js'), 'utf8');
    expect(client).not.toContain('fetch failed');
    expect(client).not.toContain('Ungültige Eingabe');
    expect(client).toContain('Invalid input');
  });

  it('gives client.js a code cache V8 accepts, made after loading it, so it holds more than the bare script', () => {
    const file = path.join(dir, 'client.js');
    const source = wrap(fs.readFileSync(file, 'utf8'));
    const cachedData = fs.readFileSync(`${file}.cache`);
    const script = new Script(source, { filename: file, cachedData });
    expect(script.cachedDataRejected).toBe(false);
    const bare = new Script(source, { filename: file }).createCachedData();
    expect(cachedData.length).toBeGreaterThan(bare.length * 1.2);
  });
});
