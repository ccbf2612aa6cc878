/**
 * hclog-style JSON lines on stderr. Terraform's plugin client parses them
 * (`@level`, `@message`, `@timestamp`, other keys as fields) and shows them
 * under TF_LOG at their level. Level from TF_LOG_PROVIDER, else TF_LOG;
 * neither set means no logging at all, as with Go providers.
 */
import { redact } from './redact';

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';
type Threshold = LogLevel | 'off';

const RANK: Record<Threshold, number> = { trace: 0, debug: 1, info: 2, warn: 3, error: 4, off: 5 };

export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  readonly level: Threshold;
  trace(message: string, fields?: LogFields): void;
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger that adds these fields to every line. */
  with(fields: LogFields): Logger;
  enabled(level: LogLevel): boolean;
}

/** Terraform's reading of a level variable: unknown non-empty values mean TRACE. */
export function parseLogLevel(value: string | undefined): Threshold {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '' || v === 'off') return 'off';
  if (v === 'trace' || v === 'debug' || v === 'info' || v === 'warn' || v === 'error') return v;
  return 'trace';
}

export function levelFromEnv(env: NodeJS.ProcessEnv = process.env): Threshold {
  return parseLogLevel(
    env.TF_LOG_PROVIDER !== undefined && env.TF_LOG_PROVIDER !== '' ? env.TF_LOG_PROVIDER : env.TF_LOG,
  );
}

/** hclog's timestamp: microseconds and a zone, which go-plugin parses strictly. */
export function hclogTimestamp(date: Date = new Date()): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

export interface LoggerOptions {
  readonly module?: string;
  readonly level?: Threshold;
  readonly write?: (line: string) => void;
  readonly fields?: LogFields;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? levelFromEnv();
  const write =
    options.write ??
    ((line: string) => {
      process.stderr.write(line);
    });
  const base = options.fields ?? {};
  const log = (at: LogLevel, message: string, fields?: LogFields): void => {
    if (RANK[at] < RANK[level]) return;
    const extra = redact({ ...base, ...fields }) as Record<string, unknown>;
    const entry: Record<string, unknown> = {
      '@level': at,
      '@message': message,
      '@timestamp': hclogTimestamp(),
      ...(options.module ? { '@module': options.module } : {}),
    };
    for (const [key, value] of Object.entries(extra)) if (!(key in entry)) entry[key] = value;
    write(`${JSON.stringify(entry, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}\n`);
  };
  return {
    level,
    trace: (m, f) => log('trace', m, f),
    debug: (m, f) => log('debug', m, f),
    info: (m, f) => log('info', m, f),
    warn: (m, f) => log('warn', m, f),
    error: (m, f) => log('error', m, f),
    with: (fields) => createLogger({ ...options, level, fields: { ...base, ...fields } }),
    enabled: (at) => RANK[at] >= RANK[level],
  };
}
