/**
 * A tiny HTTP reverse proxy for the scale-out tests: each request goes to the next upstream in
 * turn, so consecutive calls of one client land on different server instances.
 */
import { Agent, createServer, request, type Server } from 'node:http';

export interface RoundRobinProxy {
  url: string;
  /** How many requests each upstream served. */
  hits: number[];
  close(): Promise<void>;
}

export async function startRoundRobinProxy(upstreams: readonly string[]): Promise<RoundRobinProxy> {
  const targets = upstreams.map((u) => new URL(u));
  const hits = targets.map(() => 0);
  let next = 0;
  // A fresh upstream connection per request: a kept-alive one can be reused just as the
  // instance closes it for idleness, a reset that would look like a server failure.
  const agent = new Agent({ keepAlive: false });
  const server: Server = createServer((req, res) => {
    const index = next++ % targets.length;
    hits[index]!++;
    const target = targets[index]!;
    const upstream = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end('{"_success":false,"_msg":"BAD_GATEWAY"}');
    });
    req.pipe(upstream);
  });
  // Idle client connections outlive the client's own keep-alive (fetch drops them after 4 s), so
  // the client never reuses one the proxy is closing (an ECONNRESET under load otherwise).
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
