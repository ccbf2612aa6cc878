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
/** The API nests four levels at most (`_data`, a list, a row, a field's object); far more is an attack. */
const MAX_JSON_DEPTH = 32;

/**
 * True when the JSON text nests arrays or objects deeper than `limit` (brackets inside strings do
 * not count). JSON.parse would take a million levels, but every recursive walk of the value
 * afterwards (JSON.stringify, zod, the provider's state) would overflow the stack.
 */
function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  return false;
}

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
  if (nestsDeeperThan(body, MAX_JSON_DEPTH)) {
    throw new UnexpectedResponseError(
      site,
      status,
      contentType,
      `JSON nested deeper than ${MAX_JSON_DEPTH} levels; not an API answer`,
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
