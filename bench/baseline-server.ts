/**
 * The HTTP baseline: bare node:http answering every request with one constant JSON body
 * (BODY, the same bytes our server answers, so only the work behind the answer differs).
 */
import { createServer } from 'node:http';

const body = Buffer.from(process.env.BODY ?? '{"_success":true}');
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
  res.end(body);
});
server.keepAliveTimeout = 10_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`listening on http://127.0.0.1:${port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
