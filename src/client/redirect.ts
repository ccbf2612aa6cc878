/**
 * Where a 3xx answer points, judged against the configured base URL. The client never follows a
 * redirect (undici's Pool does not, and it only ever connects to the configured origin); this only
 * decides what the redirect means: the real product's 303 to its own login page says "log in
 * again", anything else is an answer the client cannot use.
 */

/** A Location shown in an error: long enough to recognise, short enough never to flood a message. */
const MAX_SHOWN = 200;

export interface Redirect {
  /**
   * The target without its query string (which may carry anything): the path when it is on the
   * configured origin, the origin and path when it is not.
   */
  shown: string;
  /** Same scheme, host and port as the configured base URL. */
  sameOrigin: boolean;
  /**
   * The login page, `<base path>/login`, on the configured host. Its scheme and port may differ: a
   * product behind a TLS-terminating proxy names its own (`http://host:8080/…`). Nothing is sent
   * there either way; a re-login goes to the configured URL.
   */
  toLoginPage: boolean;
}

/** `location` is resolved against `requestUrl` (it may be relative); `base` is the configured base URL. */
export function judgeRedirect(location: string | undefined, requestUrl: URL, base: URL): Redirect {
  let target: URL;
  try {
    if (!location) throw new TypeError('no Location');
    target = new URL(location, requestUrl);
  } catch {
    return { shown: 'nowhere (no usable Location header)', sameOrigin: false, toLoginPage: false };
  }
  const sameOrigin = target.origin === base.origin;
  const sameHost = target.hostname === base.hostname;
  const path = target.pathname;
  const shown = sameOrigin ? path : `${target.origin}${path}`;
  return {
    shown: shown.length > MAX_SHOWN ? `${shown.slice(0, MAX_SHOWN)}…` : shown,
    sameOrigin,
    toLoginPage: sameHost && path.replace(/\/+$/, '') === `${base.pathname.replace(/\/+$/, '')}/login`,
  };
}
