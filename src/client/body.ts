/**
 * Reading a response body the server may have made hostile: at most `limit` bytes (a Content-Length
 * over it is refused before reading), and only valid UTF-8 — the API's JSON is UTF-8, and a body
 * silently "repaired" with U+FFFD would hand altered names to the caller.
 */
import type { Dispatcher } from 'undici';
import type { CallSite } from './errors';
import { UnexpectedResponseError } from './errors';

export interface BodyContext {
  site: CallSite;
  /** The request's URL without its query string, named in the error. */
  url: string;
  contentType: string | undefined;
  limit: number;
}

export async function readBody(response: Dispatcher.ResponseData, context: BodyContext): Promise<string> {
  const fail = (reason: string) => {
    // Stop the transfer: the connection is closed instead of draining the rest.
    response.body.destroy();
    return new UnexpectedResponseError(context.site, response.statusCode, context.contentType, reason);
  };
  const limit = `the ${context.limit}-byte limit (maxResponseBytes)`;
  const declared = Number(response.headers['content-length']);
  if (declared > context.limit)
    throw fail(`a Content-Length of ${declared} bytes from ${context.url} is over ${limit}; not read`);
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of response.body as AsyncIterable<Buffer>) {
    length += chunk.length;
    if (length > context.limit) throw fail(`the body from ${context.url} runs past ${limit}; stopped reading`);
    chunks.push(chunk);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks, length));
  } catch {
    throw fail(`the body is not valid UTF-8 (${length} bytes from ${context.url})`);
  }
}
