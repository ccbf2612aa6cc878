#!/usr/bin/env node
/**
 * iredadmin-server: an iRedAdmin-Pro-compatible RESTful API over iRedMail's SQL schema.
 *   --host 127.0.0.1  --port 8080 (0 = any free port)
 *   --database <postgres URL | PGlite data dir | memory>   (default: DATABASE_URL or memory)
 * IREDADMIN_ADMIN / IREDADMIN_ADMIN_PASSWORD create the first global admin.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { settingsFromEnv } from './config';
import { startServer } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '8080' },
      database: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write('usage: iredadmin-server [--host 127.0.0.1] [--port 8080] [--database postgres://…|<dir>|memory]\n');
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535, got "${values.port}"`);
  const settings = settingsFromEnv();
  const email = process.env.IREDADMIN_ADMIN;
  // A bootstrap admin without a password gets a generated one, printed once below.
  const generated = email && !process.env.IREDADMIN_ADMIN_PASSWORD;
  const password = process.env.IREDADMIN_ADMIN_PASSWORD || (email ? generatePassword() : undefined);
  if (!settings.enableApi) process.stderr.write('note: ENABLE_RESTFUL_API is off; every /api call is refused (set ENABLE_RESTFUL_API=true)\n');
  const server = await startServer({
    settings,
    database: values.database ?? process.env.DATABASE_URL ?? 'memory',
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
