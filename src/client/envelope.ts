/**
 * The API's answer envelope: `{"_success": true, "_data"?: …}` or `{"_success": false, "_msg"?: …}`.
 * The real product answers HTTP 200 for failures too, so the body decides the outcome. The envelope
 * itself is checked strictly (a body without a boolean `_success` is not an API answer); `_data` is
 * left for each API area to read tolerantly. Other top-level keys are kept: throttle reads answer
 * their data under `setting` instead of `_data`.
 */
import { z } from 'zod';
import type { CallSite } from './errors';
import { UnexpectedResponseError } from './errors';
import { redact } from './redact';

const envelopeSchema = z.looseObject({
  _success: z.boolean(),
  _data: z.unknown().optional(),
  _msg: z.string().nullable().optional(),
});

export type Envelope = z.infer<typeof envelopeSchema>;

export interface RawResponse {
  status: number;
  contentType: string | undefined;
  body: string;
}

const PREVIEW_LENGTH = 80;

function preview(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  if (flat === '') return 'empty body';
  return `body starts with "${flat.slice(0, PREVIEW_LENGTH)}${flat.length > PREVIEW_LENGTH ? '…' : ''}"`;
}

function describeNonJson(status: number): string {
  if (status === 404) return 'not an API answer (is ENABLE_RESTFUL_API on, and does this edition have the route?)';
  if (status >= 300 && status < 400)
    return 'redirected instead of answering JSON (often a permission failure on the real product)';
  if (status === 405) return 'method not allowed on this route';
  return 'not a JSON API answer';
}

/**
 * Parses a response body into the envelope, or throws `UnexpectedResponseError` naming the status.
 * A short preview of a non-JSON body helps tell a 404 page from a login page; it is scrubbed of
 * `secrets` because a debug error page may echo the request (cookies, form fields).
 */
export function parseEnvelope(site: CallSite, response: RawResponse, secrets: readonly string[] = []): Envelope {
  const { status, contentType, body } = response;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new UnexpectedResponseError(
      site,
      status,
      contentType,
      `${describeNonJson(status)}; ${preview(redact(body, secrets))}`,
    );
  }
  const parsed = envelopeSchema.safeParse(json);
  if (!parsed.success) {
    throw new UnexpectedResponseError(
      site,
      status,
      contentType,
      'JSON without the API envelope (no boolean "_success")',
    );
  }
  return parsed.data;
}
