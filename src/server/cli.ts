#!/usr/bin/env node
/**
 * iredadmin-server: an iRedAdmin-Pro-compatible RESTful API over iRedMail's SQL schema.
 * `--help` lists the flags and every environment setting (from ./config).
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { environmentSettings, settingsFromEnv } from './config';
import { startServer } from './server';

/** The flags, with what --help says of them. */
const flags = {
  host: { type: 'string', default: '127.0.0.1', value: '<address>', meaning: 'address to listen on' },
  port: { type: 'string', default: '8080', value: '<port>', meaning: 'port to listen on (0 = any free port)' },
  database: {
    type: 'string',
    value: '<postgres://… | mysql://… | dir | memory>',
    meaning:
      'PostgreSQL URL, MariaDB/MySQL URL (mysql:// or mariadb://), PGlite data directory, or memory (default: DATABASE_URL, else memory)',
  },
  'amavisd-database': {
    type: 'string',
    value: '<postgres://… | mysql://…>',
    meaning:
      "iRedMail's amavisd database when it is not the --database one (policy, users, mailaddr, wblist); " +
      'checked, never migrated (default: AMAVISD_DATABASE, else --database)',
  },
  'iredapd-database': {
    type: 'string',
    value: '<postgres://… | mysql://…>',
    meaning:
      "iRedAPD's iredapd database when it is not the --database one (throttle, greylisting, senderscore_cache); " +
      'checked, never migrated (default: IREDAPD_DATABASE, else --database)',
  },
  'read-only': {
    type: 'boolean',
    meaning: 'refuse every write: a safe trial on an existing iRedMail database (as READ_ONLY=true)',
  },
  'change-triggers': {
    type: 'boolean',
    meaning:
      "on an existing iRedMail database (PostgreSQL): add the triggers on iRedMail's tables that the " +
      'session and view caches need (as CHANGE_TRIGGERS=true)',
  },
  help: { type: 'boolean', short: 'h', meaning: 'print this help' },
} as const;

const MEMORY_NOTE =
  'note: no database given (--database or DATABASE_URL): the data lives in memory and is lost at exit; ' +
  'to keep it, pass --database <directory> (a PGlite data directory) or --database postgres://user:pass@host/db ' +
  'or mysql://user:pass@host/db (or set DATABASE_URL)\n';

function helpText(): string {
  const flagLines = Object.entries(flags).map(([name, flag]) => {
    const value = 'value' in flag ? ` ${flag.value}` : '';
    const fallback = 'default' in flag ? ` (default ${flag.default})` : '';
    return `  --${name}${value}\n      ${flag.meaning}${fallback}`;
  });
  const envLines = environmentSettings().map(
    (setting) => `  ${setting.name}${setting.default ? ` (default ${setting.default})` : ''}\n      ${setting.meaning}`,
  );
  return [
    'usage: iredadmin-server [--host 127.0.0.1] [--port 8080] [--database postgres://…|mysql://…|<dir>|memory]',
    '                        [--amavisd-database <url>] [--iredapd-database <url>] [--read-only] [--change-triggers]',
    '',
    'flags:',
    ...flagLines,
    '',
    'environment settings:',
    ...envLines,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: flags });
  if (values.help) {
    process.stdout.write(helpText());
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0–65535, got "${values.port}"`);
  const settings = settingsFromEnv();
  if (values['read-only']) settings.readOnly = true;
  if (values['change-triggers']) settings.changeTriggers = true;
  // Read-only creates nobody: log in with an admin the database already has.
  const email = settings.readOnly ? undefined : process.env.IREDADMIN_ADMIN;
  if (settings.readOnly)
    process.stderr.write(
      `note: read-only: every write is refused (READ_ONLY)${process.env.IREDADMIN_ADMIN ? '; IREDADMIN_ADMIN is not created' : ''}\n`,
    );
  // A bootstrap admin without a password gets a generated one, printed once below.
  const generated = email && !process.env.IREDADMIN_ADMIN_PASSWORD;
  const password = process.env.IREDADMIN_ADMIN_PASSWORD || (email ? generatePassword() : undefined);
  if (!settings.enableApi)
    process.stderr.write('note: ENABLE_RESTFUL_API is off; every /api call is refused (set ENABLE_RESTFUL_API=true)\n');
  const database = values.database ?? process.env.DATABASE_URL ?? 'memory';
  if (database === 'memory') process.stderr.write(MEMORY_NOTE);
  const server = await startServer({
    settings,
    database,
    separateDatabases: {
      amavisd: values['amavisd-database'] ?? process.env.AMAVISD_DATABASE,
      iredapd: values['iredapd-database'] ?? process.env.IREDAPD_DATABASE,
    },
    host: values.host,
    port,
    admin: email && password ? { email, password } : undefined,
  });
  if (email) process.stderr.write(`global admin: ${email}${generated ? ` password: ${password}` : ''}\n`);
  process.stdout.write(`listening on ${server.url}\n`);
  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

/** Meets the default password policy: letters of both cases, a digit and a special character. */
function generatePassword(): string {
  return `${randomBytes(12).toString('base64url')}-Aa1`;
}

main().catch((error: unknown) => {
  process.stderr.write(`iredadmin-server: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
