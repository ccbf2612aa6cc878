/** A spam policy's, throttle's, white/blacklist's or greylisting's target, read from its URL segment. */
import { domainOf } from '../../common/mail-names';
import { GLOBAL_TARGET, type PolicyTarget } from '../model/policies/target';
import { domainParam, emailParam } from './fields';

export function domainTarget(raw: string): PolicyTarget {
  const domain = domainParam(raw);
  return { scope: 'domain', domain, account: `@${domain}` };
}

export function userTarget(raw: string): PolicyTarget {
  const email = emailParam(raw);
  return { scope: 'user', domain: domainOf(email), email, account: email };
}

/** One URL segment: `global`, a domain name, or an email address (throttle URLs). */
export function targetFromSegment(raw: string): PolicyTarget {
  if (raw.trim().toLowerCase() === 'global') return GLOBAL_TARGET;
  return raw.includes('@') ? userTarget(raw) : domainTarget(raw);
}
