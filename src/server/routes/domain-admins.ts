/**
 * Admins of one domain: GET/PUT /api/domain/admins/<domain>. PUT takes removeAllAdmins, then
 * removeAdmin, then addAdmin. A normal admin only manages mail users of its own domains:
 * its removeAllAdmins leaves separate admins in place.
 */
import { z } from 'zod';
import type { Queryable } from '../db/database';
import { endSessions } from '../auth/sessions';
import { ApiFailure } from '../errors';
import { addressList } from '../http/address-sets';
import { domainParam, f, parseInput } from '../http/fields';
import { managedDomain } from '../http/scope';
import { defineRoutes, route, type RouteContext, type RoutePlugin } from '../http/routes';
import {
  adminKind,
  assertMayChangeRights,
  deleteDomainAdminRow,
  domainAdmins,
  findAdminKind,
  grantDomain,
  mayChangeRights,
  revokeDomain,
} from '../model/admins/domain-rights';
import { lockDomain } from '../model/domains/rows';

const updateInput = z
  .object({
    addAdmin: addressList('INVALID_ADMIN'),
    removeAdmin: addressList('INVALID_ADMIN'),
    removeAllAdmins: f.present(),
  })
  .superRefine((v, ctx) => {
    if (v.addAdmin?.some((a) => v.removeAdmin?.includes(a)))
      ctx.addIssue({ code: 'custom', message: 'CONFLICT_ADD_ADMIN_AND_REMOVE_ADMIN' });
  });

export const domainAdminRoutes: RoutePlugin = async (app, options) => {
  defineRoutes(app, options, '/api/domain/admins/:domain', { GET: route('admin', list), PUT: route('admin', update) });
};

async function list(ctx: RouteContext): Promise<unknown> {
  return domainAdmins(ctx.db, await managedDomain(ctx));
}

async function update(ctx: RouteContext): Promise<undefined> {
  const domain = domainParam(ctx.path.domain!);
  const input = parseInput(updateInput, ctx.input);
  await ctx.actor.requireDomain(ctx.db, domain);
  await ctx.db.transaction(async (tx) => {
    if (!(await lockDomain(tx, domain))) throw new ApiFailure('NO_SUCH_DOMAIN');
    if (input.removeAllAdmins) await removeAll(ctx, tx, domain);
    for (const email of input.removeAdmin ?? []) {
      const kind = await adminKind(tx, email);
      await assertMayChangeRights(tx, ctx.actor, email, kind);
      await revokeDomain(tx, email, kind, domain);
      await endSessions(tx, [email]);
    }
    for (const email of input.addAdmin ?? []) {
      const kind = await adminKind(tx, email);
      await assertMayChangeRights(tx, ctx.actor, email, kind);
      await grantDomain(tx, email, kind, domain);
      // A rights change ends the account's sessions: its next login carries the new rights.
      await endSessions(tx, [email]);
    }
  });
  return undefined;
}

async function removeAll(ctx: RouteContext, tx: Queryable, domain: string): Promise<void> {
  for (const email of await domainAdmins(tx, domain)) {
    const kind = await findAdminKind(tx, email);
    if (kind === null) {
      // A row for an account that no longer exists: nothing to keep.
      await deleteDomainAdminRow(tx, email, domain);
      continue;
    }
    if (!(await mayChangeRights(tx, ctx.actor, email, kind))) continue;
    await revokeDomain(tx, email, kind, domain);
    await endSessions(tx, [email]);
  }
}
