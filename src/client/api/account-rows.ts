/** Columns several account tables share, as a GET answers them (row schemas spread these). */
import { z } from 'zod';
import { flag, list, settings, text, timestamp } from '../normalize';

/** The `created`, `modified` and `expired` columns of every iRedMail account table. */
export const accountDates = {
  created: timestamp.optional(),
  modified: timestamp.optional(),
  expired: timestamp.optional(),
};

/**
 * What GET answers for an admin: the `admin` row (no password), its settings and managed domains.
 * A mail user's GET answers all of it too (a mail user can be an admin).
 */
export const adminShape = {
  username: z.string(),
  name: text.optional(),
  language: text.optional(),
  active: flag.optional(),
  isglobaladmin: flag.optional(),
  settings: settings.optional(),
  managed_domains: list.optional(),
  ...accountDates,
  passwordlastchange: timestamp.optional(),
};

/** The columns of the `alias` table that `maillists` has too: a mail group's address, name, domain, policy, status. */
export const mailGroupShape = {
  address: z.string(),
  name: text.optional(),
  domain: text.optional(),
  accesspolicy: text.optional(),
  active: flag.optional(),
  ...accountDates,
};
