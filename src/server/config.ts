/**
 * Server settings. Names follow iRedAdmin-Pro's settings.py (ENABLE_RESTFUL_API,
 * RESTRICT_API_ACCESS, RESTFUL_API_CLIENTS) so an operator's knowledge carries over.
 */
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';

export type PasswordScheme = 'SSHA512' | 'SSHA' | 'BCRYPT' | 'PLAIN-MD5' | 'SHA512' | 'SHA' | 'MD5';

export interface ServerSettings {
  /** Off by default, as in iRedAdmin-Pro: every /api call is refused. */
  enableApi: boolean;
  /** When true only `apiClients` may call the API. */
  restrictApiAccess: boolean;
  /** IP addresses or CIDR networks. */
  apiClients: string[];
  /**
   * Whose X-Forwarded-For to believe: false (nobody), the addresses or CIDR networks of your own
   * proxies, or a number of proxy hops in front of the server. Never "everyone": the left-most
   * entry is whatever the client wrote.
   */
  trustProxy: false | number | string[];
  /** Session lifetime after the last request, in seconds. */
  sessionTtlSeconds: number;
  /** Failed logins from one client within the window before logins are refused. */
  maxLoginFailures: number;
  loginFailureWindowSeconds: number;
  defaultPasswordScheme: PasswordScheme;
  /** Global password length bounds; a domain's settings may narrow them. */
  minPasswordLength: number;
  maxPasswordLength: number;
  /** Mail storage layout written into new mailboxes (iRedMail defaults). */
  storageBaseDirectory: string;
  storageNode: string;
  /** Mark session cookies Secure (set when served behind HTTPS). */
  secureCookies: boolean;
  /**
   * Refuse every request that could write (see plugins/read-only-guard.ts): a safe trial on a
   * production iRedMail database. Logging in still works; sessions are the server's own table.
   */
  readOnly: boolean;
  /**
   * On a database iRedMail made (PostgreSQL): attach our NOTIFY triggers to iRedMail's `admin`,
   * `mailbox` and `domain_admins`, so each instance may keep sessions and accounts in memory.
   * Off (the default), nothing of ours is attached to iRedMail's tables and every request reads
   * its session from the database. A database our migrations made always has them.
   */
  changeTriggers: boolean;
}

export const DEFAULT_SETTINGS: ServerSettings = {
  enableApi: false,
  restrictApiAccess: false,
  apiClients: [],
  trustProxy: false,
  sessionTtlSeconds: 1800,
  maxLoginFailures: 10,
  loginFailureWindowSeconds: 900,
  defaultPasswordScheme: 'SSHA512',
  minPasswordLength: 8,
  maxPasswordLength: 0,
  storageBaseDirectory: '/var/vmail',
  storageNode: 'vmail1',
  secureCookies: false,
  readOnly: false,
  changeTriggers: false,
};

const TRUE_WORDS = new Set(['true', '1', 'yes', 'on']);
const SCHEMES: readonly PasswordScheme[] = ['SSHA512', 'SSHA', 'BCRYPT', 'PLAIN-MD5', 'SHA512', 'SHA', 'MD5'];

const envKeys: { [K in keyof ServerSettings]: string } = {
  enableApi: 'ENABLE_RESTFUL_API',
  restrictApiAccess: 'RESTRICT_API_ACCESS',
  apiClients: 'RESTFUL_API_CLIENTS',
  trustProxy: 'TRUST_PROXY',
  sessionTtlSeconds: 'SESSION_TTL_SECONDS',
  maxLoginFailures: 'MAX_LOGIN_FAILURES',
  loginFailureWindowSeconds: 'LOGIN_FAILURE_WINDOW_SECONDS',
  defaultPasswordScheme: 'DEFAULT_PASSWORD_SCHEME',
  minPasswordLength: 'MIN_PASSWORD_LENGTH',
  maxPasswordLength: 'MAX_PASSWORD_LENGTH',
  storageBaseDirectory: 'STORAGE_BASE_DIRECTORY',
  storageNode: 'STORAGE_NODE',
  secureCookies: 'SECURE_COOKIES',
  readOnly: 'READ_ONLY',
  changeTriggers: 'CHANGE_TRIGGERS',
};

/** One line of `iredadmin-server --help`: an environment setting, its default and what it does. */
export interface SettingHelp {
  name: string;
  default: string;
  meaning: string;
}

const settingMeanings: { [K in keyof ServerSettings]: string } = {
  enableApi: 'true/1/yes/on to enable the API; off, every /api call answers API_DISABLED',
  restrictApiAccess: 'only RESTFUL_API_CLIENTS may call the API',
  apiClients: 'comma-separated IP addresses or CIDR networks',
  trustProxy: 'whose X-Forwarded-For to believe: proxy addresses/networks or a hop count',
  sessionTtlSeconds: 'session lifetime after the last request, in seconds',
  maxLoginFailures: 'failed logins from one client before logins are refused',
  loginFailureWindowSeconds: 'window of MAX_LOGIN_FAILURES, in seconds',
  defaultPasswordScheme: `hash of new passwords: ${SCHEMES.join(', ')}`,
  minPasswordLength: 'server-wide minimum password length',
  maxPasswordLength: 'server-wide maximum password length (0 = none)',
  storageBaseDirectory: "where new mailboxes' maildirs live",
  storageNode: 'storage node of new mailboxes',
  secureCookies: 'mark the session cookie Secure (behind HTTPS)',
  readOnly: 'refuse every write (READ_ONLY); only GET, login and verify_password are answered (as --read-only)',
  changeTriggers:
    "on an existing iRedMail database (PostgreSQL), attach NOTIFY triggers to iRedMail's tables so sessions " +
    'and user, domain and alias views are cached in memory (as --change-triggers); off, they are removed',
};

/** Read by the CLI or elsewhere in the server, not part of ServerSettings. */
const processSettings: SettingHelp[] = [
  { name: 'DATABASE_URL', default: 'memory', meaning: 'as --database when the flag is not given' },
  {
    name: 'AMAVISD_DATABASE',
    default: 'the --database one',
    meaning: "as --amavisd-database when the flag is not given: iRedMail's amavisd database",
  },
  {
    name: 'IREDAPD_DATABASE',
    default: 'the --database one',
    meaning: "as --iredapd-database when the flag is not given: iRedAPD's iredapd database",
  },
  { name: 'IREDADMIN_ADMIN', default: '', meaning: 'email of a global admin created at start when it does not exist' },
  {
    name: 'IREDADMIN_ADMIN_PASSWORD',
    default: 'generated, printed once',
    meaning: 'password of IREDADMIN_ADMIN when it is created',
  },
  { name: 'IREDADMIN_SETTINGS_FILE', default: '', meaning: 'JSON file of these settings (the environment wins)' },
  { name: 'LDAP_BASEDN', default: 'dc=example,dc=com', meaning: 'base DN of LDIF exports' },
];

function describeDefault(value: ServerSettings[keyof ServerSettings]): string {
  if (value === false) return 'off';
  if (value === true) return 'on';
  return Array.isArray(value) ? value.join(',') : String(value);
}

/** Every environment setting the server reads, for --help; derived from the same tables settingsFromEnv uses. */
export function environmentSettings(): SettingHelp[] {
  const fromSettings = (Object.keys(envKeys) as (keyof ServerSettings)[]).map((key) => ({
    name: envKeys[key],
    default: describeDefault(DEFAULT_SETTINGS[key]),
    meaning: settingMeanings[key],
  }));
  return [...fromSettings, ...processSettings];
}

/** Environment variables first, then an optional JSON settings file (IREDADMIN_SETTINGS_FILE). */
export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): ServerSettings {
  const file = env.IREDADMIN_SETTINGS_FILE
    ? (JSON.parse(readFileSync(env.IREDADMIN_SETTINGS_FILE, 'utf8')) as Record<string, unknown>)
    : {};
  const settings: ServerSettings = { ...DEFAULT_SETTINGS };
  for (const [key, envName] of Object.entries(envKeys) as [keyof ServerSettings, string][]) {
    const raw = env[envName] ?? file[envName] ?? file[key];
    if (raw === undefined || raw === '') continue;
    assign(settings, key, raw, envName);
  }
  return settings;
}

function assign(settings: ServerSettings, key: keyof ServerSettings, raw: unknown, name: string): void {
  const current = settings[key];
  const text = Array.isArray(raw) ? raw.join(',') : String(raw);
  if (key === 'trustProxy') {
    settings.trustProxy = parseTrustProxy(text, name);
  } else if (typeof current === 'boolean') {
    (settings as unknown as Record<string, unknown>)[key] = TRUE_WORDS.has(text.trim().toLowerCase());
  } else if (typeof current === 'number') {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number ≥ 0, got "${text}"`);
    (settings as unknown as Record<string, unknown>)[key] = n;
  } else if (Array.isArray(current)) {
    (settings as unknown as Record<string, unknown>)[key] = text.split(/[\s,]+/).filter(Boolean);
  } else if (key === 'defaultPasswordScheme') {
    const scheme = text.toUpperCase() as PasswordScheme;
    if (!SCHEMES.includes(scheme)) throw new Error(`${name} must be one of ${SCHEMES.join(', ')}, got "${text}"`);
    settings.defaultPasswordScheme = scheme;
  } else {
    (settings as unknown as Record<string, unknown>)[key] = text;
  }
}

const FALSE_WORDS = new Set(['false', '0', 'no', 'off', '']);

/** TRUST_PROXY: off, a hop count, or proxy addresses/networks; `true` is refused (it trusted any client). */
function parseTrustProxy(text: string, name: string): false | number | string[] {
  const value = text.trim();
  if (FALSE_WORDS.has(value.toLowerCase())) return false;
  if (/^\d+$/.test(value)) return Number(value);
  if (TRUE_WORDS.has(value.toLowerCase())) {
    throw new Error(
      `${name} must name your proxies (IP addresses or CIDR networks) or a hop count, got "${text}": ` +
        'trusting every hop lets any client choose its address with X-Forwarded-For',
    );
  }
  const entries = value.split(/[\s,]+/).filter(Boolean);
  for (const entry of entries) {
    const [address, prefix, extra] = entry.split('/');
    const family = isIP(address ?? '');
    const bits = family === 6 ? 128 : 32;
    const prefixOk = prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= bits);
    if (!family || !prefixOk || extra !== undefined)
      throw new Error(`${name}: "${entry}" is not an IP address or CIDR network`);
  }
  return entries;
}
