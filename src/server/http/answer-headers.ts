/**
 * Headers on every answer of the server. Answers hold account data and set session cookies: no
 * cache, shared proxy or browser, may keep them (`no-store`), and no browser may read one as
 * anything but the JSON it declares (`nosniff`).
 */
import type { FastifyInstance } from 'fastify';

export const ANSWER_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

/** onSend runs for every answer fastify sends: routes, refusals, the error and not-found handlers. */
export function registerAnswerHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.headers(ANSWER_HEADERS);
    return payload;
  });
}
