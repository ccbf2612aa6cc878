/**
 * What a route acts on, checked alike everywhere: the account in the URL's `:mail` or the domain
 * in its `:domain`, within the actor's domains. PERMISSION_DENIED comes before NO_SUCH_*, so an
 * admin learns nothing about domains that are not its own.
 */
import type { Queryable } from '../db/database';
import { ApiFailure } from '../errors';
import { getDomain } from '../model/domains/rows';
import { domainOf } from '../../common/mail-names';
import { domainParam, emailParam } from './fields';
import type { RouteContext } from './routes';

/** The address in `:mail`, in a domain the actor manages. */
async function managedMail(ctx: RouteContext): Promise<string> {
  const mail = emailParam(ctx.path.mail!);
  await ctx.actor.requireDomain(ctx.db, domainOf(mail));
  return mail;
}

/** The account at `:mail` as `read` finds it; NO_SUCH_ACCOUNT when it finds none. */
export async function readManagedAccount<T>(
  ctx: RouteContext,
  read: (q: Queryable, mail: string) => Promise<T | null>,
): Promise<T> {
  const found = await read(ctx.db, await managedMail(ctx));
  if (!found) throw new ApiFailure('NO_SUCH_ACCOUNT');
  return found;
}

/** The domain in `:domain`: one the actor manages, and one that exists (NO_SUCH_DOMAIN). */
export async function managedDomain(ctx: RouteContext): Promise<string> {
  const domain = domainParam(ctx.path.domain!);
  await ctx.actor.requireDomain(ctx.db, domain);
  if (!(await getDomain(ctx.db, domain))) throw new ApiFailure('NO_SUCH_DOMAIN');
  return domain;
}
