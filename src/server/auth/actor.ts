/** The logged-in admin behind a request, and the permission rules of iRedAdmin-Pro. */
import type { Queryable } from '../db/database';
import { ApiFailure } from '../errors';
import { sql } from '../db/sql';

export class Actor {
  constructor(
    readonly username: string,
    readonly isGlobal: boolean,
    readonly kind: 'admin' | 'mailbox',
  ) {}

  requireGlobal(): void {
    if (!this.isGlobal) throw new ApiFailure('PERMISSION_DENIED');
  }

  async canManageDomain(q: Queryable, domain: string): Promise<boolean> {
    if (this.isGlobal) return true;
    const rows = await q.query(
      sql`SELECT 1 FROM domain_admins WHERE username = ${this.username} AND domain = ${domain}`,
    );
    return rows.length > 0;
  }

  /** PERMISSION_DENIED unless the actor manages `domain`. */
  async requireDomain(q: Queryable, domain: string): Promise<void> {
    if (!(await this.canManageDomain(q, domain))) throw new ApiFailure('PERMISSION_DENIED');
  }
}
