/**
 * `iredadmin adopt`: reads a running iRedAdmin-Pro server through the client and writes it as
 * Terraform configuration with import blocks (HCL) or a CDKTF stack. Exit codes: 0 done, 2 bad
 * usage, 3 server unreachable, 4 login refused, 5 no usable API at the URL, 6 permission denied,
 * 1 anything else.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { IRedAdminClient } from '../client';
import { ApiError, AuthError, NetworkError, TimeoutError, UnexpectedResponseError } from '../client/errors';
import { writeCdktf } from './cdktf';
import { writeFiles, type WriteResult } from './files';
import { writeHcl } from './hcl';
import type { WriterContext } from './layout';
import { readInventory, UsageError } from './inventory';
import { assignNames } from './names';

export const EXIT = {
  ok: 0,
  failed: 1,
  usage: 2,
  unreachable: 3,
  loginRefused: 4,
  noApi: 5,
  permissionDenied: 6,
} as const;

export interface CommandIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const HELP = `usage: iredadmin adopt --url URL --username ADMIN --out DIR [options]

Reads an existing iRedMail server through the iRedAdmin-Pro API and writes it as code: import
blocks plus readable configuration (HCL), or a CDKTF stack that imports everything.

  --url URL            iRedAdmin-Pro base URL (or IREDADMIN_URL), e.g. https://mail.example.com/iredadmin
  --username ADMIN     admin email (or IREDADMIN_USERNAME); the password comes from IREDADMIN_PASSWORD
  --domain DOMAIN      adopt only this domain (repeatable); default: every domain the admin manages
  --out DIR            where to write the files (created if missing)
  --format hcl|cdktf   default hcl
  --ca-cert FILE       PEM of a private CA to trust (written into the provider settings too)
  --insecure           skip TLS verification (testing only)
  --timeout SECONDS    per API answer (default 30)
  --max-concurrency N  API requests in flight at once (default 8)
  -h, --help           this text

Passwords are never read or written. Re-running is safe: files you edited are left alone and the
new version is written beside them as <file>.adopted.
Exit codes: 0 done, 2 bad usage, 3 server unreachable, 4 login refused, 5 no API at the URL,
6 permission denied, 1 other errors.
`;

interface Settings {
  url: string;
  username: string;
  password: string;
  domains: string[];
  out: string;
  format: 'hcl' | 'cdktf';
  caCertFile?: string;
  insecure: boolean;
  timeoutMs?: number;
  maxConcurrency?: number;
}

function positive(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${name} must be a whole number above 0, got "${raw}".`);
  return n;
}

function parse(argv: readonly string[], env: CommandIo['env']): Settings | 'help' {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      username: { type: 'string' },
      domain: { type: 'string', multiple: true },
      out: { type: 'string' },
      format: { type: 'string', default: 'hcl' },
      'ca-cert': { type: 'string' },
      insecure: { type: 'boolean', default: false },
      timeout: { type: 'string' },
      'max-concurrency': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  if (positionals.length !== 1 || positionals[0] !== 'adopt') {
    throw new UsageError(
      positionals.length
        ? `unknown command "${positionals.join(' ')}": the command is "adopt".`
        : 'missing the command: iredadmin adopt …',
    );
  }
  const url = values.url ?? env.IREDADMIN_URL;
  const username = values.username ?? env.IREDADMIN_USERNAME;
  const password = env.IREDADMIN_PASSWORD;
  if (!url) throw new UsageError('--url is required (or set IREDADMIN_URL).');
  if (!username) throw new UsageError('--username is required (or set IREDADMIN_USERNAME).');
  if (!password)
    throw new UsageError('IREDADMIN_PASSWORD is not set: the admin password is read from the environment only.');
  if (!values.out) throw new UsageError('--out is required: the directory to write the configuration to.');
  if (values.format !== 'hcl' && values.format !== 'cdktf')
    throw new UsageError(`--format must be hcl or cdktf, got "${values.format}".`);
  const caCertFile = values['ca-cert'] ? resolve(values['ca-cert']) : undefined;
  if (caCertFile && !existsSync(caCertFile)) throw new UsageError(`--ca-cert ${caCertFile}: no such file.`);
  return {
    url: url.replace(/\/+$/, ''),
    username,
    password,
    domains: values.domain ?? [],
    out: resolve(values.out),
    format: values.format,
    caCertFile,
    insecure: values.insecure,
    timeoutMs: (positive('--timeout', values.timeout) ?? 30) * 1000,
    maxConcurrency: positive('--max-concurrency', values['max-concurrency']),
  };
}

/**
 * `~> <major>.<minor>` of the provider package (or of the repository, run from a clone): the version
 * the provider is installed as.
 */
function versionConstraint(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if ((pkg.name === 'terraform-provider-iredadmin' || pkg.name === 'iredadmin-workspace') && pkg.version)
      return `~> ${pkg.version.split('.').slice(0, 2).join('.')}`;
  }
  return '>= 0.1';
}

function describeFailure(error: unknown, url: string): { code: number; message: string } {
  if (error instanceof UsageError) return { code: EXIT.usage, message: error.message };
  // The real product answers a 404 HTML page when the API is off; our server a JSON API_DISABLED.
  if (error instanceof ApiError && (error.code === 'API_DISABLED' || error.status === 404)) {
    return {
      code: EXIT.noApi,
      message:
        `the API is disabled at ${url} (${error.code ?? `HTTP ${error.status}`}): ` +
        'enable it (ENABLE_RESTFUL_API = True) or check the URL.',
    };
  }
  if (error instanceof AuthError)
    return {
      code: EXIT.loginRefused,
      message:
        `login refused at ${url} (${error.code ?? 'no code'}): ` +
        'check --username and IREDADMIN_PASSWORD, and that this machine may use the API.',
    };
  if (error instanceof NetworkError && error.certificateRejected)
    return {
      code: EXIT.unreachable,
      message:
        `the TLS certificate of ${url} is not trusted: ${error.message}; ` +
        'give its CA with --ca-cert FILE (or --insecure, for testing only).',
    };
  if (error instanceof NetworkError || error instanceof TimeoutError)
    return { code: EXIT.unreachable, message: `cannot reach ${url}: ${error.message}` };
  if (error instanceof UnexpectedResponseError) {
    return {
      code: EXIT.noApi,
      message:
        `no iRedAdmin-Pro API answers at ${url} (HTTP ${error.status}): ` +
        'check the URL, and that the API is enabled (ENABLE_RESTFUL_API = True).',
    };
  }
  if (error instanceof ApiError && error.isPermissionDenied()) {
    return {
      code: EXIT.permissionDenied,
      message:
        `permission denied (${error.code}): ${error.message}. A normal admin adopts only the domains it manages ` +
        '(--domain).',
    };
  }
  return { code: EXIT.failed, message: error instanceof Error ? error.message : String(error) };
}

function summary(result: WriteResult, out: string, counts: Map<string, number>): string {
  const lines = [`adopted: ${[...counts].map(([type, n]) => `${n} ${type}`).join(', ') || 'nothing'}`];
  lines.push(`written to ${out}: ${result.written.length} file(s) written, ${result.unchanged.length} unchanged`);
  for (const { file, beside } of result.keptBeside)
    lines.push(`kept ${file}: it was edited since adopt wrote it; the new version is in ${beside}`);
  return `${lines.join('\n')}\n`;
}

export async function runAdopt(argv: readonly string[], io: CommandIo): Promise<number> {
  let settings: Settings | 'help';
  try {
    settings = parse(argv, io.env);
  } catch (error) {
    io.stderr(`iredadmin: ${error instanceof Error ? error.message : String(error)}\n\n${HELP}`);
    return EXIT.usage;
  }
  if (settings === 'help') {
    io.stdout(HELP);
    return EXIT.ok;
  }
  const s = settings;
  const ca = s.caCertFile ? readFileSync(s.caCertFile, 'utf8') : undefined;
  const client = new IRedAdminClient({
    baseUrl: s.url,
    username: s.username,
    password: s.password,
    timeoutMs: s.timeoutMs,
    maxConcurrency: s.maxConcurrency,
    tls: ca || s.insecure ? { ca, insecure: s.insecure } : undefined,
    retries: 1,
  });
  try {
    io.stderr(`reading ${s.url} as ${s.username}…\n`);
    const inventory = await readInventory(client, { domains: s.domains, progress: (line) => io.stderr(`  ${line}\n`) });
    assignNames(inventory.objects);
    const ctx: WriterContext = {
      inventory,
      url: s.url,
      provider: { insecure: s.insecure, caCertFile: s.caCertFile },
      versionConstraint: versionConstraint(),
    };
    const files = s.format === 'hcl' ? writeHcl(ctx) : writeCdktf(ctx);
    const result = writeFiles(s.out, files);
    const counts = new Map<string, number>();
    for (const o of inventory.objects) counts.set(o.type, (counts.get(o.type) ?? 0) + 1);
    for (const note of inventory.notes) io.stderr(`note: ${note}\n`);
    io.stderr(summary(result, s.out, counts));
    return EXIT.ok;
  } catch (error) {
    const { code, message } = describeFailure(error, s.url);
    io.stderr(`iredadmin adopt: ${message}\n`);
    return code;
  } finally {
    await client.close();
  }
}
