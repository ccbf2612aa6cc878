/**
 * Comma lists of white/blacklist or greylisting addresses, and of plain domain names. Unlike
 * iRedAdmin-Pro, items are trimmed one by one, and an invalid item fails the call with the
 * field's code instead of being dropped silently (a caller must not believe it stored it).
 * Present-but-empty → []; duplicates are dropped.
 */
import { z } from 'zod';
import { parseSenderAddress, type SenderAddress } from '../../common/sender-addresses';
import { normalizeDomain } from '../../common/mail-names';
import { normalizedList, splitList } from './fields';

export function senderList(code: string) {
  return z
    .string({ error: code })
    .transform((v, ctx) => {
      const out = new Map<string, SenderAddress>();
      for (const item of splitList(v)) {
        const parsed = parseSenderAddress(item);
        if (!parsed) {
          ctx.addIssue({ code: 'custom', message: code });
          return z.NEVER;
        }
        out.set(parsed.address, parsed);
      }
      return [...out.values()];
    })
    .optional();
}

export function domainList(code = 'INVALID_DOMAIN_NAME') {
  return normalizedList(normalizeDomain, code);
}
