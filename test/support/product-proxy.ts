/**
 * A reverse proxy in front of our server that answers some routes the way the real
 * iRedAdmin-Pro (SQL edition) does where our server goes further: no throttle DELETE (405 page),
 * no LDIF export (404 page). Everything else is passed through unchanged.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Refusal {
  status: number;
  html: string;
}

/** Decides per request: a refusal, or undefined to pass it through. */
export type Refuse = (method: string, path: string) => Refusal | undefined;

/** The routes the SQL edition of iRedAdmin-Pro does not have. */
export const SQL_EDITION: Refuse = (method, path) => {
  if (method === 'DELETE' && path.startsWith('/api/throttle/')) return { status: 405, html: '<html><body>405 Method Not Allowed</body></html>' };
  if (path.startsWith('/api/ldif/')) return { status: 404, html: '<html><body>not found</body></html>' };
  return undefined;
};

export interface ProductProxy {
  url: string;
  /** Requests refused so far, as `METHOD path`. */
  refused: string[];
  close(): Promise<void>;
}

export async function startProductProxy(upstream: string, refuse: Refuse = SQL_EDITION): Promise<ProductProxy> {
  const target = new URL(upstream);
  const refused: string[] = [];
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
    const forward = request(
      { host: target.hostname, port: target.port, method, path: req.url, headers: { ...req.headers, host: target.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', (error) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    refused,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
