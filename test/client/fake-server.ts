/**
 * A scriptable HTTP server on 127.0.0.1 for fault-injection tests of the client: each test installs
 * a handler; every request is recorded with its parsed form (body or query string).
 */
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  /** Body (POST/PUT) or query (GET/DELETE) parameters. */
  params: URLSearchParams;
  query: URLSearchParams;
  body: string;
  cookie: string | undefined;
  contentType: string | undefined;
}

export type Handler = (request: RecordedRequest, res: ServerResponse, raw: IncomingMessage) => void | Promise<void>;

export interface FakeServer {
  url: string;
  requests: RecordedRequest[];
  handle(handler: Handler): void;
  /** Requests to `path` (and optionally of `method`). */
  count(path: string | RegExp, method?: string): number;
  close(): Promise<void>;
}

export function sendJson(
  res: ServerResponse,
  body: unknown,
  status = 200,
  headers: Record<string, string | string[]> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export function sendHtml(
  res: ServerResponse,
  status: number,
  html: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
  res.end(html);
}

export async function startFakeServer(handler?: Handler, tls?: { key: string; cert: string }): Promise<FakeServer> {
  let current: Handler = handler ?? ((_req, res) => sendJson(res, { _success: true }));
  const requests: RecordedRequest[] = [];
  const listener: RequestListener = (raw, res) => {
    const chunks: Buffer[] = [];
    raw.on('data', (chunk: Buffer) => chunks.push(chunk));
    raw.on('end', () => {
      const url = new URL(raw.url ?? '/', 'http://fake');
      const body = Buffer.concat(chunks).toString('utf8');
      const request: RecordedRequest = {
        method: raw.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        params: raw.method === 'POST' || raw.method === 'PUT' ? new URLSearchParams(body) : url.searchParams,
        body,
        cookie: raw.headers.cookie,
        contentType: raw.headers['content-type'],
      };
      requests.push(request);
      Promise.resolve(current(request, res, raw)).catch((error: unknown) => {
        res.destroy(error instanceof Error ? error : new Error(String(error)));
      });
    });
  };
  const server: Server = tls ? createHttpsServer(tls, listener) : createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    handle(next) {
      current = next;
    },
    count(path, method) {
      return requests.filter(
        (r) => (typeof path === 'string' ? r.path === path : path.test(r.path)) && (!method || r.method === method),
      ).length;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
