/**
 * Requests node's HTTP parser refuses before fastify sees them (oversized headers, a bare CR or
 * LF in a header, a malformed request line) are answered in the envelope too, as every other
 * refusal is, instead of fastify's own JSON: clients parse one shape of error.
 */
import type { Socket } from 'node:net';
import { STATUS_CODES } from 'node:http';

const STATUS_OF: Readonly<Record<string, number>> = {
  HPE_HEADER_OVERFLOW: 431,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
};

export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  // A reset connection has no one left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = STATUS_OF[error.code ?? ''] ?? 400;
  const body = JSON.stringify({ _success: false, _msg: 'INVALID_REQUEST' });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Type: application/json\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
