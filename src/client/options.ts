/** Client options, checked once at construction so a typo fails fast instead of at the first call. */
import { z } from 'zod';
import type { RetryOptions } from './api-caller';
import type { MailingListApiKind } from './api/mailing-lists';
import type { Logger } from './logger';
import type { TlsOptions } from './transport';

export interface IRedAdminClientOptions<K extends MailingListApiKind = 'sql'> {
  /** Where iRedAdmin-Pro answers, e.g. `https://mail.example.com/iredadmin` (`/api/...` is appended). */
  baseUrl: string;
  /** Admin username: a full email address. */
  username: string;
  password: string;
  /** Deadline of one HTTP exchange, ms (default 30000). */
  timeoutMs?: number;
  /**
   * Largest response body read, bytes (default 64 MiB): a longer or endless body, or a
   * Content-Length over it, fails the call with an `UnexpectedResponseError` instead of filling memory.
   */
  maxResponseBytes?: number;
  /** Most requests on the wire at once (default 8). */
  maxConcurrency?: number;
  /** Retries of a failed call: a count (default 3) or the full backoff settings. */
  retries?: number | Partial<RetryOptions>;
  tls?: TlsOptions;
  /** `sql` (default): mlmmj lists at `/api/ml/<mail>`; `ldap`: `/api/maillist/<mail>`. */
  mailingListApi?: K;
  /** Receives debug/info/warn entries (never secrets). */
  logger?: Logger;
  /**
   * Answer `users.get`, `aliases.get` and `domains.get` from one list request per domain until
   * the first write (default false). For a caller that reads many objects at once, such as a
   * Terraform refresh; see read-snapshots.ts for the rules.
   */
  batchReads?: boolean;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_CONCURRENCY = 8;
/** Room for a list of tens of thousands of accounts, far from what would strain memory. */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 2 ** 20;
export const DEFAULT_RETRY: RetryOptions = { retries: 3, baseDelayMs: 200, maxDelayMs: 5_000 };

const optionsSchema = z.object({
  baseUrl: z
    .url({ protocol: /^https?$/ })
    .refine((url) => {
      const parsed = new URL(url);
      return parsed.username === '' && parsed.password === '';
    }, 'must not carry a user name or password (user:password@); give them as username and password')
    .refine((url) => {
      const parsed = new URL(url);
      return parsed.search === '' && parsed.hash === '' && !/[?#]/.test(url);
    }, 'must not have a query string or fragment (`/api/...` is appended to its path)'),
  username: z.string().min(1),
  password: z.string().min(1),
  timeoutMs: z.number().int().positive().default(DEFAULT_TIMEOUT_MS),
  maxConcurrency: z.number().int().positive().default(DEFAULT_MAX_CONCURRENCY),
  maxResponseBytes: z.number().int().positive().default(DEFAULT_MAX_RESPONSE_BYTES),
  retries: z
    .union([
      z
        .number()
        .int()
        .nonnegative()
        .transform((retries) => ({ ...DEFAULT_RETRY, retries })),
      z
        .object({
          retries: z.number().int().nonnegative().optional(),
          baseDelayMs: z.number().nonnegative().optional(),
          maxDelayMs: z.number().nonnegative().optional(),
        })
        .transform((partial) => ({ ...DEFAULT_RETRY, ...partial })),
    ])
    .default(DEFAULT_RETRY),
  tls: z
    .object({
      ca: z.custom<NonNullable<TlsOptions['ca']>>((value) => value !== null && value !== undefined).optional(),
      insecure: z.boolean().optional(),
    })
    .optional(),
  mailingListApi: z.enum(['sql', 'ldap']).default('sql'),
  logger: z.custom<Logger>((value) => typeof value === 'function').optional(),
  batchReads: z.boolean().default(false),
});

export type ResolvedOptions = z.output<typeof optionsSchema>;

/** Validates options; the message lists fields, never values (the password is one of them). */
export function resolveOptions(options: IRedAdminClientOptions<MailingListApiKind>): ResolvedOptions {
  const parsed = optionsSchema.safeParse(options);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues
    .map((issue) => `${issue.path.join('.') || '(options)'}: ${issue.message}`)
    .join('; ');
  throw new TypeError(`Invalid IRedAdminClient options: ${fields}`);
}
