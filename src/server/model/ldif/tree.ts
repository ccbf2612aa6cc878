/**
 * Where iRedMail's LDAP edition keeps each account (its directory layout):
 *   o=domainAdmins,<base>                          separate admins
 *   domainName=<d>,o=domains,<base>                a domain, with containers
 *     ou=Users (mail users, the catch-all), ou=Groups (mailing lists), ou=Aliases (aliases)
 * The base DN comes from the LDAP_BASEDN environment variable (default dc=example,dc=com).
 */
import { escapeDnValue } from './format';

export const DOMAIN_CONTAINERS = ['Users', 'Groups', 'Aliases'] as const;
export type DomainContainer = (typeof DOMAIN_CONTAINERS)[number];

/** Read per request, so a changed environment needs no code path of its own. */
function ldapBaseDn(): string {
  return process.env.LDAP_BASEDN?.trim() || 'dc=example,dc=com';
}

export function domainDn(domain: string): string {
  return `domainName=${escapeDnValue(domain)},o=domains,${ldapBaseDn()}`;
}

export function containerDn(domain: string, container: DomainContainer): string {
  return `ou=${container},${domainDn(domain)}`;
}

export function accountDn(mail: string, domain: string, container: DomainContainer): string {
  return `mail=${escapeDnValue(mail)},${containerDn(domain, container)}`;
}

export function adminDn(mail: string): string {
  return `mail=${escapeDnValue(mail)},o=domainAdmins,${ldapBaseDn()}`;
}
