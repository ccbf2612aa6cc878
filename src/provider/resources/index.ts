/** Every resource and data source of the provider: adding one means adding its file here. */
import type { IRedAdminClient } from '../../client';
import type { SomeDataSource, SomeResource } from '../framework';
import type { Registration } from '../kit';
import { domainRegistration } from './domain';
import { adminRegistration } from './admin';
import { domainAdminsResource } from './domain-admins';
import { userRegistration } from './user';
import { aliasRegistration } from './alias';
import { maillistRegistration } from './maillist';
import { throttleRegistration } from './throttle';
import { spamPolicyRegistration } from './spampolicy';
import { ldifDataSource } from './ldif';
import { wblistRegistration } from './wblist';
import { greylistingDataSource, greylistingResource } from './greylisting';

/** In the order the docs list them. */
const REGISTRATIONS: readonly Registration<IRedAdminClient>[] = [
  domainRegistration,
  userRegistration,
  aliasRegistration,
  maillistRegistration,
  adminRegistration,
  { resource: domainAdminsResource },
  throttleRegistration,
  spamPolicyRegistration,
  { dataSource: ldifDataSource },
  wblistRegistration,
  { resource: greylistingResource, dataSource: greylistingDataSource },
];

export const RESOURCES: readonly SomeResource<IRedAdminClient>[] = REGISTRATIONS.flatMap((r) =>
  r.resource ? [r.resource] : [],
);
export const DATA_SOURCES: readonly SomeDataSource<IRedAdminClient>[] = REGISTRATIONS.flatMap((r) =>
  r.dataSource ? [r.dataSource] : [],
);
