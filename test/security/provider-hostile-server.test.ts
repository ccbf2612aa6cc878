/**
 * The provider against a hostile or broken server (a fake one): real terraform with `TF_LOG=trace`
 * while the server echoes the login form in a debug page, or redirects off the configured origin
 * with the session cookie in the target. Terraform fails with a diagnostic naming what came back,
 * and nothing it or the provider prints — plan, error, trace log — shows the password or the
 * session cookie, in any spelling.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FakeServer, sendHtml, sendJson, startFakeServer } from '../client/fake-server';
import { secretSpellings } from '../client/secret-spellings';
import { selfSigned } from '../client/self-signed';
import { TerraformWorkspace, useProviderMirror } from '../support/terraform';

jest.setTimeout(120_000);

const PASSWORD = `Pr0vider&<pass>"w'rd %+#`;
const SESSION = 'c0ffee5e55i0n7d';

const spellings = (secret: string) => Object.values(secretSpellings(secret));

const mirror = useProviderMirror();
let server: FakeServer;
let elsewhere: FakeServer;
let tf: TerraformWorkspace;

beforeAll(async () => {
  [server, elsewhere] = await Promise.all([startFakeServer(), startFakeServer()]);
  tf = TerraformWorkspace.create(mirror(), { IREDADMIN_USERNAME: 'postmaster@x.io', IREDADMIN_PASSWORD: PASSWORD });
  tf.write(`
variable "url" {
  type = string
}

provider "iredadmin" {
  url = var.url
}

data "iredadmin_domain" "x" {
  domain = "x.io"
}
`);
  await tf.init();
});

afterAll(async () => {
  tf?.remove();
  await Promise.all([server?.close(), elsewhere?.close()]);
});

async function tracedPlan(url = server.url): Promise<string> {
  const run = await tf.run(['plan', '-input=false', '-no-color'], { TF_LOG: 'trace', TF_VAR_url: url });
  expect(run.code).toBe(1);
  // The log was really written, the provider's lines included.
  expect(run.stderr).toMatch(/provider\.terraform-provider-iredadmin/);
  // Terraform wraps a diagnostic's lines: joined again, so that neither a match nor a secret is split.
  return `${run.stdout}\n${run.stderr}`.replace(/\s+/g, ' ');
}

function expectNoSecret(output: string): void {
  for (const spelling of [...spellings(PASSWORD), SESSION]) expect(output).not.toContain(spelling);
}

test('a login answered by a debug page quoting the form: the diagnostic names the status, shows no password', async () => {
  server.handle((request, res) =>
    sendHtml(res, 500, `<pre>POST data: ${request.body}\npassword=${spellings(PASSWORD).join(' ')}</pre>`),
  );
  const output = await tracedPlan();
  expect(output).toMatch(/HTTP 500/);
  expect(output).toMatch(/POST data: username=postmaster%40x\.io&password=\*\*\*/);
  expectNoSecret(output);
});

test('a redirect off the origin carrying the session cookie: not followed, named, no secret shown', async () => {
  server.handle((request, res) => {
    if (request.path === '/api/login')
      return sendJson(res, { _success: true }, 200, { 'set-cookie': `iRedAdmin-Pro-PGSQL=${SESSION}; Path=/` });
    sendHtml(res, 302, `<a>${request.cookie}</a>`, { location: `${elsewhere.url}/steal/${SESSION}?pw=${PASSWORD}` });
  });
  const output = await tracedPlan();
  expect(output).toContain(`redirected to ${elsewhere.url}/steal/***, off the configured URL's origin`);
  expect(elsewhere.requests).toHaveLength(0);
  expectNoSecret(output);
});

test('terminal escapes and bidi controls in a free-text _msg reach terraform escaped, and bounded', async () => {
  server.handle((request, res) => {
    if (request.path === '/api/login') return sendJson(res, { _success: true });
    sendJson(res, { _success: false, _msg: `\u001b[2J\u001b[32mAll good\u001b[0m\u202e${'A'.repeat(1_000_000)}` });
  });
  const output = await tracedPlan();
  expect(output).toContain('\\u001b[2J\\u001b[32mAll good');
  expect(output).not.toMatch(/[\u001b\u202e]/);
  expect(output).not.toContain('A'.repeat(1_001));
});

test('a self-signed certificate: refused, the diagnostic says how to trust it, no secret shown', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'provider-tls-'));
  const impostor = await startFakeServer(
    (request, res) => sendHtml(res, 200, request.body),
    selfSigned(dir, 'impostor', 'IP:127.0.0.1'),
  );
  try {
    const output = await tracedPlan(impostor.url);
    expect(output).toContain("the API server's TLS certificate is not trusted");
    expect(output).toMatch(/DEPTH_ZERO_SELF_SIGNED_CERT/);
    expect(output).toContain('`ca_cert`');
    expect(impostor.requests).toHaveLength(0);
    expectNoSecret(output);
  } finally {
    await impostor.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
