/** The `iredadmin` provider: its configuration, its API client, its resources and data sources. */
import type { IRedAdminClient } from '../../client';
import { attributesFor, type ProviderDefinition, type Values } from '../framework';
import { DATA_SOURCES, RESOURCES } from '../resources';
import { describeError } from './describe-error';
import { oneOf, wholeNumber } from '../kit/validators';

const a = attributesFor<never>();

const providerAttributes = {
  url: a.string({
    optional: true,
    description:
      'Base URL of iRedAdmin-Pro (the part before `/api/…`), e.g. `https://mail.example.com/iredadmin`. Falls ' +
      'back to `IREDADMIN_URL`.',
  }),
  username: a.string({
    optional: true,
    description: 'Admin email address to log in with. Falls back to `IREDADMIN_USERNAME`.',
  }),
  password: a.string({
    optional: true,
    sensitive: true,
    description:
      'Admin password. Falls back to `IREDADMIN_PASSWORD`; prefer the variable, so it stays out of configuration ' +
      'files.',
  }),
  insecure: a.bool({ optional: true, description: 'Skip TLS certificate verification. Only for testing.' }),
  ca_cert: a.string({ optional: true, description: 'PEM certificate(s) of a private CA to trust for the API.' }),
  timeout: a.number({
    optional: true,
    validators: [wholeNumber],
    description: 'Seconds to wait for one API answer. Defaults to 30.',
  }),
  max_concurrency: a.number({
    optional: true,
    validators: [wholeNumber],
    description: 'Most API requests in flight at once. Defaults to 8.',
  }),
  mailing_list_api: a.string({
    optional: true,
    validators: [oneOf(['sql', 'ldap'])],
    description:
      'Which mailing-list API the server has: `sql` (iRedAdmin-Pro SQL edition, `/api/ml`) or `ldap` ' +
      '(`/api/maillist`). Defaults to `sql`.',
  }),
};

type ProviderConfig = Values<typeof providerAttributes>;

function setting(config: ProviderConfig, key: 'url' | 'username' | 'password', env: string): string {
  const value = config[key] ?? process.env[env];
  if (!value)
    throw new Error(`The provider needs \`${key}\`: set it in the provider block or the ${env} environment variable.`);
  return value;
}

export const iredadminProvider: ProviderDefinition<IRedAdminClient> = {
  description:
    'Manage iRedMail mail domains, admins, users, aliases, mailing lists, throttles and spam policies through ' +
    'the iRedAdmin-Pro RESTful API.',
  attributes: providerAttributes,
  async configure(raw) {
    const config = raw as ProviderConfig;
    // One client per provider process: it logs in once, on first use, and keeps the session.
    // Loaded here, not at start-up: terraform launches the provider 3–5 times per command and
    // most launches (schema, validation) never talk to the API.
    const { IRedAdminClient: Client } = require('../../client') as typeof import('../../client');
    return new Client({
      baseUrl: setting(config, 'url', 'IREDADMIN_URL'),
      username: setting(config, 'username', 'IREDADMIN_USERNAME'),
      password: setting(config, 'password', 'IREDADMIN_PASSWORD'),
      timeoutMs: (config.timeout ?? 30) * 1000,
      maxConcurrency: config.max_concurrency || undefined,
      tls: { insecure: config.insecure ?? false, ...(config.ca_cert ? { ca: config.ca_cert } : {}) },
      mailingListApi: (config.mailing_list_api as 'sql' | 'ldap' | null) ?? 'sql',
      // A refresh reads every object: one list per domain answers them (until this process writes).
      batchReads: true,
    });
  },
  resources: RESOURCES,
  dataSources: DATA_SOURCES,
  describeError,
};
