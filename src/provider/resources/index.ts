/** Every resource and data source of the provider: adding one means adding its file here. */
import type { IRedAdminClient } from '../../client';
import type { SomeDataSource, SomeResource } from '../framework';
import { domainDataSource, domainResource } from './domain';
import { adminDataSource, adminResource } from './admin';
import { domainAdminsResource } from './domain-admins';
import { userDataSource, userResource } from './user';
import { aliasDataSource, aliasResource } from './alias';
import { maillistDataSource, maillistResource } from './maillist';
import { throttleDataSource, throttleResource } from './throttle';
import { spamPolicyDataSource, spamPolicyResource } from './spampolicy';
import { ldifDataSource } from './ldif';
import { wblistDataSource, wblistResource } from './wblist';
import { greylistingDataSource, greylistingResource } from './greylisting';

export const RESOURCES: readonly SomeResource<IRedAdminClient>[] = [
  domainResource,
  userResource,
  aliasResource,
  maillistResource,
  adminResource,
  domainAdminsResource,
  throttleResource,
  spamPolicyResource,
  wblistResource,
  greylistingResource,
];
export const DATA_SOURCES: readonly SomeDataSource<IRedAdminClient>[] = [
  domainDataSource,
  userDataSource,
  aliasDataSource,
  maillistDataSource,
  adminDataSource,
  throttleDataSource,
  spamPolicyDataSource,
  ldifDataSource,
  wblistDataSource,
  greylistingDataSource,
];
