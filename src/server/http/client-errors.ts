/**
 * Requests node's HTTP parser refuses before fastify sees them (oversized headers, a bare CR or
 * LF in a header, a malformed request line) are answered in the envelope too, as every other
 * refusal is, instead of fastify's own JSON: clients parse one shape of error.
 */
import type { Socket } from 'node:net';
import { STATUS_CODES } from 'node:http';
import { ANSWER_HEADERS } from './answer-headers';

const STATUS_OF: Readonly<Record<string, number>> = {
  HPE_HEADER_OVERFLOW: 431,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
};

export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  // A reset connection has no one left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = STATUS_OF[error.code ?? ''] ?? 400;
  const body = JSON.stringify({ _success: false, _msg: 'INVALID_REQUEST' });
  const headers = Object.entries({
    'content-length': String(Buffer.byteLength(body)),
    'content-type': 'application/json',
    ...ANSWER_HEADERS,
    connection: 'close',
  });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${headers.map(([name, value]) => `${name}: ${value}\r\n`).join('')}` +
        `\r\n${body}`,
    );
  }
  socket.destroy(error);
}
