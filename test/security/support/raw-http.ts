/**
 * Requests sent exactly as written: fetch normalises paths (dot segments) and cannot send an
 * absolute-form request target, and attackers do both.
 */
import { request } from 'node:http';
import { connect } from 'node:net';

export interface RawAnswer {
  status: number;
  body: string;
  setCookie: string[];
}

export function rawRequest(
  baseUrl: string,
  method: string,
  target: string,
  body?: string,
  headers: Record<string, string> = {},
): Promise<RawAnswer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: hostname,
        port,
        method,
        path: target,
        headers: {
          ...(body === undefined
            ? {}
            : { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) }),
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: text, setCookie: res.headers['set-cookie'] ?? [] }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Bytes written to the socket as given, for what even node's client refuses to send (a CR inside
 * a header, an unknown method); the answer's status and body, read until the server closes.
 */
export async function rawBytes(baseUrl: string, text: string): Promise<Omit<RawAnswer, 'setCookie'>> {
  const { status, body } = await rawExchange(baseUrl, text);
  return { status, body };
}

/** `rawBytes` with the answer's headers, names in lower case. */
export function rawExchange(
  baseUrl: string,
  text: string,
): Promise<Omit<RawAnswer, 'setCookie'> & { headers: Record<string, string> }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(text));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = answer.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(
        lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
      );
      resolve({ status: Number(statusLine.split(' ')[1]), body, headers });
    });
  });
}
