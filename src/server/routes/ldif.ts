/**
 * LDIF export: GET /api/ldif/{domain,catchall}/<domain> and /api/ldif/{admin,user,maillist,alias}/<mail>.
 * iRedAdmin-Pro's SQL edition has no LDIF export (only the LDAP edition does); ours renders
 * the SQL data in iRedMail's LDAP schema. `_data` is the LDIF text.
 */
import type { Queryable } from '../db/database';
import { ApiFailure } from '../errors';
import { domainParam, emailParam } from '../http/fields';
import { readManagedAccount } from '../http/scope';
import { defineRoutes, route, type RoutePlugin } from '../http/routes';
import { adminEntry, aliasEntry, mailingListEntry, userEntry } from '../model/ldif/account-entries';
import { catchallEntry, domainEntries } from '../model/ldif/domain-entries';
import { type LdifEntry, renderLdif } from '../model/ldif/format';
import { getDomain } from '../model/domains/rows';

type AccountExport = (q: Queryable, mail: string) => Promise<LdifEntry | null>;

export const ldifRoutes: RoutePlugin = async (app, options) => {
  defineRoutes(app, options, '/api/ldif/domain/:domain', {
    GET: route('admin', async (ctx) => {
      const domain = domainParam(ctx.path.domain!);
      await ctx.actor.requireDomain(ctx.db, domain);
      const entries = await domainEntries(ctx.db, domain);
      if (!entries) throw new ApiFailure('NO_SUCH_DOMAIN');
      return renderLdif(entries);
    }),
  });

  defineRoutes(app, options, '/api/ldif/catchall/:domain', {
    GET: route('admin', async (ctx) => {
      const domain = domainParam(ctx.path.domain!);
      await ctx.actor.requireDomain(ctx.db, domain);
      if (!(await getDomain(ctx.db, domain))) throw new ApiFailure('NO_SUCH_DOMAIN');
      const entry = await catchallEntry(ctx.db, domain);
      if (!entry) throw new ApiFailure('NO_SUCH_ACCOUNT');
      return renderLdif([entry]);
    }),
  });

  // Admins are not tied to one domain: only a global admin may export them.
  defineRoutes(app, options, '/api/ldif/admin/:mail', {
    GET: route('global', async (ctx) => {
      const entry = await adminEntry(ctx.db, emailParam(ctx.path.mail!));
      if (!entry) throw new ApiFailure('NO_SUCH_ACCOUNT');
      return renderLdif([entry]);
    }),
  });

  const accountRoute = (kind: string, read: AccountExport) =>
    defineRoutes(app, options, `/api/ldif/${kind}/:mail`, {
      GET: route('admin', async (ctx) => renderLdif([await readManagedAccount(ctx, read)])),
    });
  accountRoute('user', userEntry);
  accountRoute('alias', aliasEntry);
  accountRoute('maillist', mailingListEntry);
};
