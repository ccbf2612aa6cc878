/** The zod building blocks of the API areas' inputs: names, addresses, counts, statuses, passwords. */
import { z } from 'zod';
import { ACCESS_POLICIES } from '../../common/access-policies';
import { punycodeDomain, punycodeEmail } from '../../common/mail-names';

/**
 * An email address as iRedMail stores it. Deliberately simple: the server has the final word; the
 * client only refuses what would break a comma list (`,`, spaces). `/`, `#` and `&`, which the
 * product allows in a local part, go percent-encoded into a URL path. An IDN domain part is sent as
 * punycode (`jane@bücher.example` → `jane@xn--bcher-kva.example`).
 */
export const emailAddress = z
  .string()
  .transform(punycodeEmail)
  .pipe(
    z
      .string()
      .regex(
        /^[^@\s,]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)+$/,
        'must be an email address',
      ),
  );

/** A domain name; an IDN name is sent as punycode (`bücher.example` → `xn--bcher-kva.example`). */
export const domainName = z
  .string()
  .transform(punycodeDomain)
  .pipe(
    z
      .string()
      .regex(
        /^[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)+$/,
        'must be a domain name',
      ),
  );

/** A string schema whose output is what goes on the wire (e.g. punycode for a Unicode name). */
export type WireString = z.ZodType<string, string>;

/** A list of addresses sent comma-separated; `[]` sends an empty value (clears, where the API allows). */
export const emailList = z.array(emailAddress);
export const accountStatus = z.enum(['active', 'disabled']);
/** Sizes and counts: whole, non-negative numbers (MB for quotas; 0 = unlimited). */
export const count = z.number().int().nonnegative();
/** Preferred language such as `en_US` (the column holds 5 characters). */
export const language = z
  .string()
  .regex(/^[A-Za-z]{2,3}(?:[_-][A-Za-z]{2})?$/, 'must be a language code such as en_US');
/** Free text for display names and descriptions (a comma is fine here: it is not a list). */
export const displayName = z.string().max(255);
/** Who may send to an alias or mailing list. */
export const accessPolicy = z.enum(ACCESS_POLICIES);
/** A password: non-empty. The server enforces the policy (length, character classes). */
export const password = z.string().min(1);

/** What an alias and an LDAP-edition mailing list both take: a name, who may send, members. */
export const memberGroupFields = {
  name: displayName.optional(),
  /** Aliases: SQL backends only. */
  accessPolicy: accessPolicy.optional(),
  /** Replaces all members (for an alias an empty list changes nothing: use removeMember to empty the set). */
  members: emailList.optional(),
};
