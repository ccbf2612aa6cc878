/**
 * A reverse proxy in front of our server that answers the way the real iRedAdmin-Pro (SQL
 * edition) does where our server deliberately differs (see the README's compatibility table and
 * /work/shared/notes/iredadmin-pro-api-facts.md):
 * - no throttle DELETE (a 405 page) and no LDIF export (a 404 page);
 * - an expired or missing session on the spam policy and global throttle endpoints is an HTTP 303
 *   redirect to the HTML login page, not JSON `LOGIN_REQUIRED`;
 * - verify_password with a wrong password answers `{"_success": false}` with no `_msg`;
 * - `/api/wblist/…` without a session answers `PERMISSION_DENIED`, not `LOGIN_REQUIRED`;
 * - form parameters the product does not take on a route (e.g. `numberOfLists` on a domain PUT)
 *   are ignored, as the product ignores them: stripped, and recorded in `ignored`.
 * Everything else is passed through unchanged (our user list rows already have the product's
 * shape, minus the password hash it leaks). Each difference it produced is recorded.
 */
import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Refusal {
  status: number;
  html: string;
}

/** Decides per request: a refusal, or undefined to pass it through. */
export type Refuse = (method: string, path: string) => Refusal | undefined;

/** The routes the SQL edition of iRedAdmin-Pro does not have. */
export const SQL_EDITION: Refuse = (method, path) => {
  if (method === 'DELETE' && path.startsWith('/api/throttle/'))
    return { status: 405, html: '<html><body>405 Method Not Allowed</body></html>' };
  if (path.startsWith('/api/ldif/')) return { status: 404, html: '<html><body>not found</body></html>' };
  return undefined;
};

/** An upstream answer, body read in full. */
export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Rewrites an upstream answer the way the product would have answered; undefined keeps it. */
export type Rewrite = (method: string, path: string, answer: Answer) => Answer | undefined;

/** Where the product sends a request whose session is gone: `<base path>/login` (the proxy's URL has no path). */
const LOGIN_PAGE = '/login';

const LOGIN_PAGE_HTML =
  '<html><head><title>iRedAdmin-Pro</title></head><body><form method="post" action="/iredadmin/login">Login</form></body></html>';

const json = (answer: Answer): Record<string, unknown> | undefined => {
  if (!String(answer.headers['content-type'] ?? '').includes('json')) return undefined;
  try {
    const parsed: unknown = JSON.parse(answer.body.toString('utf8'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
};

const withJson = (answer: Answer, body: unknown): Answer => {
  const text = Buffer.from(JSON.stringify(body));
  return { status: answer.status, headers: { ...answer.headers, 'content-length': String(text.length) }, body: text };
};

/**
 * The product's spam policy and global throttle pages redirect to the login page instead of answering
 * LOGIN_REQUIRED.
 */
const REDIRECTING = (path: string) =>
  path.startsWith('/api/spampolicy/') || path.startsWith('/api/throttle/global/') || path === '/api/throttle/global';

/** The SQL edition's answers where ours deliberately differ. */
const SQL_EDITION_ANSWERS: Rewrite = (method, path, answer) => {
  const body = json(answer);
  if (!body) return undefined;
  if (REDIRECTING(path) && body._success === false && body._msg === 'LOGIN_REQUIRED') {
    const html = Buffer.from(LOGIN_PAGE_HTML);
    return {
      status: 303,
      headers: {
        location: LOGIN_PAGE,
        'content-type': 'text/html; charset=utf-8',
        'content-length': String(html.length),
      },
      body: html,
    };
  }
  if (path.startsWith('/api/wblist/') && body._success === false && body._msg === 'LOGIN_REQUIRED') {
    return withJson(answer, { _success: false, _msg: 'PERMISSION_DENIED' });
  }
  if (
    method === 'POST' &&
    path.startsWith('/api/verify_password/') &&
    body._success === false &&
    body._msg === 'INVALID_CREDENTIALS'
  ) {
    return withJson(answer, { _success: false });
  }
  return undefined;
};

/**
 * Which form parameters the product takes on a route, where the published doc and the checked facts
 * say exactly: `accepts` lists all it takes, `ignores` some it drops; the product ignores the rest
 * (it does not reject them), so the proxy strips them and records it.
 */
export interface ParameterRule {
  readonly method: 'POST' | 'PUT';
  readonly path: RegExp;
  readonly accepts?: readonly string[];
  /** Dropped parameters; a function when it depends on the rest of the form. */
  readonly ignores?: readonly string[] | ((form: URLSearchParams) => readonly string[]);
}

const ADMIN_LIMITS = ['maxDomains', 'maxQuota', 'quotaUnit', 'maxUsers', 'maxAliases', 'maxLists'];

const DOMAIN_PROFILE_TOGGLES = [
  'disableDomainProfile',
  'enableDomainProfile',
  'disableUserProfile',
  'enableUserProfile',
  'disableUserPreference',
  'enableUserPreference',
];

/**
 * The SQL edition's parameters (doc, plus the facts' corrections: domain PUT without `numberOfLists`,
 * alias POST without `accountStatus`, list POST without `max_message_size`, admin limits' conditions).
 */
const SQL_EDITION_PARAMETERS: readonly ParameterRule[] = [
  {
    method: 'POST',
    path: /^\/api\/domain\/[^/]+$/,
    accepts: [
      'name',
      'quota',
      'language',
      'transport',
      'defaultQuota',
      'maxUserQuota',
      'numberOfUsers',
      'numberOfAliases',
      'numberOfLists',
      'senderBcc',
      'recipientBcc',
    ],
  },
  {
    method: 'PUT',
    path: /^\/api\/domain\/[^/]+$/,
    accepts: [
      'name',
      'accountStatus',
      'quota',
      'language',
      'transport',
      'minPasswordLength',
      'maxPasswordLength',
      'defaultQuota',
      'maxUserQuota',
      'numberOfUsers',
      'numberOfAliases',
      'senderBcc',
      'recipientBcc',
      'is_backupmx',
      'primarymx',
      'catchall',
      'outboundRelay',
      'services',
      'addService',
      'removeService',
      'removeAllServices',
      ...DOMAIN_PROFILE_TOGGLES,
    ],
  },
  { method: 'POST', path: /^\/api\/user\/[^/]+$/, accepts: ['name', 'password', 'password_hash', 'language', 'quota'] },
  {
    method: 'PUT',
    path: /^\/api\/user\/[^/]+$/,
    accepts: [
      'name',
      'password',
      'password_hash',
      'quota',
      'accountStatus',
      'language',
      'employeeid',
      'transport',
      'forwarding',
      'addForwarding',
      'removeForwarding',
      'aliases',
      'addAlias',
      'removeAlias',
      'isGlobalAdmin',
      'senderBcc',
      'recipientBcc',
      'maildir',
      'services',
      'addService',
      'removeService',
      'mailboxFormat',
      'mailboxFolder',
    ],
  },
  { method: 'POST', path: /^\/api\/alias\/[^/]+$/, accepts: ['name', 'accessPolicy', 'members'] },
  {
    method: 'PUT',
    path: /^\/api\/alias\/[^/]+$/,
    accepts: ['name', 'accessPolicy', 'members', 'addMember', 'removeMember', 'accountStatus'],
  },
  { method: 'POST', path: /^\/api\/ml\/[^/]+$/, ignores: ['max_message_size'] },
  // A normal admin's limits count on POST only with `maxDomains`, on PUT only with `isGlobalAdmin` other than `yes`.
  { method: 'POST', path: /^\/api\/admin\/[^/]+$/, ignores: (form) => (form.has('maxDomains') ? [] : ADMIN_LIMITS) },
  {
    method: 'PUT',
    path: /^\/api\/admin\/[^/]+$/,
    ignores: (form) => (form.has('isGlobalAdmin') && form.get('isGlobalAdmin') !== 'yes' ? [] : ADMIN_LIMITS),
  },
];

/** The parameters of a form body the rules say the product ignores. */
function ignoredParameters(
  rules: readonly ParameterRule[],
  method: string,
  path: string,
  form: URLSearchParams,
): string[] {
  const rule = rules.find((r) => r.method === method && r.path.test(path));
  if (!rule) return [];
  const ignores = typeof rule.ignores === 'function' ? rule.ignores(form) : (rule.ignores ?? []);
  return [...new Set(form.keys())].filter(
    (name) => (rule.accepts ? !rule.accepts.includes(name) : false) || ignores.includes(name),
  );
}

export interface ProductProxyOptions {
  refuse?: Refuse;
  rewrite?: Rewrite;
  /** Default SQL_EDITION_PARAMETERS. */
  parameters?: readonly ParameterRule[];
  /** Runs before a request is forwarded (e.g. to expire sessions on the server at a chosen moment). */
  beforeForward?: (method: string, path: string) => void | Promise<void>;
}

export interface ProductProxy {
  url: string;
  /** Requests refused so far, as `METHOD path`. */
  refused: string[];
  /** Answers rewritten so far, as `METHOD path -> status`. */
  rewritten: string[];
  /** Parameters stripped because the product ignores them, as `METHOD path: name`. */
  ignored: string[];
  close(): Promise<void>;
}

export async function startProductProxy(
  upstream: string,
  options: Refuse | ProductProxyOptions = {},
): Promise<ProductProxy> {
  const {
    refuse = SQL_EDITION,
    rewrite = SQL_EDITION_ANSWERS,
    parameters = SQL_EDITION_PARAMETERS,
    beforeForward,
  } = typeof options === 'function' ? { refuse: options } : options;
  const target = new URL(upstream);
  const refused: string[] = [];
  const rewritten: string[] = [];
  const ignored: string[] = [];

  /** Forwards the request; `body` replaces the incoming one (already read). */
  const forward = (req: IncomingMessage, res: ServerResponse, method: string, path: string, body?: Buffer) => {
    const headers = { ...req.headers, host: target.host, ...(body ? { 'content-length': String(body.length) } : {}) };
    const outgoing = request(
      { host: target.hostname, port: target.port, method, path: req.url, headers },
      (upstreamAnswer) => {
        const chunks: Buffer[] = [];
        upstreamAnswer.on('data', (chunk: Buffer) => chunks.push(chunk));
        upstreamAnswer.on('end', () => {
          const answer: Answer = {
            status: upstreamAnswer.statusCode ?? 502,
            headers: upstreamAnswer.headers,
            body: Buffer.concat(chunks),
          };
          const changed = rewrite(method, path, answer);
          if (changed) rewritten.push(`${method} ${path} -> ${changed.status}`);
          const final = changed ?? answer;
          // The body is sent whole: its length, not upstream's chunking.
          const { 'transfer-encoding': _chunked, ...headers } = final.headers;
          res.writeHead(final.status, { ...headers, 'content-length': String(final.body.length) });
          res.end(final.body);
        });
      },
    );
    outgoing.on('error', (error) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
    if (body) outgoing.end(body);
    else req.pipe(outgoing);
  };

  /** A form body without the parameters the product would ignore; undefined when nothing is stripped. */
  const strippedBody = async (req: IncomingMessage, method: string, path: string): Promise<Buffer | undefined> => {
    if (!parameters.some((r) => r.method === method && r.path.test(path))) return undefined;
    if (!String(req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) return undefined;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    for (const name of ignoredParameters(parameters, method, path, form)) {
      ignored.push(`${method} ${path}: ${name}`);
      form.delete(name);
    }
    return Buffer.from(form.toString());
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0]!;
    const refusal = refuse(method, path);
    if (refusal) {
      refused.push(`${method} ${path}`);
      req.resume();
      res.writeHead(refusal.status, { 'content-type': 'text/html; charset=utf-8' });
      res.end(refusal.html);
      return;
    }
    // Hold the body until the hook has run, then forward it.
    req.pause();
    Promise.resolve(beforeForward?.(method, path))
      .then(() => strippedBody(req, method, path))
      .then(
        (body) => forward(req, res, method, path, body),
        (error: unknown) => {
          res.writeHead(502, { 'content-type': 'text/plain' });
          res.end(String(error));
        },
      );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    refused,
    rewritten,
    ignored,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
