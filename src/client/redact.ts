/** Scrubbing the secrets a call knew about (passwords, cookie values) from text the server sent back. */
import { unicodeEscape } from '../common/unicode-escape';

const MASK = '***';
/** Enough passes for any secret longer than the mask: each pass shortens the text. */
const MAX_REDACTION_PASSES = 16;

const htmlEscaped = (text: string, apostrophe: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, apostrophe);

/**
 * The spellings in which a server may quote a secret it was sent: raw, as the form or a URL carried
 * it, HTML-escaped (web.py's `&#39;`, Python's `&#x27;`), JSON-escaped (with non-ASCII kept or as
 * `\uXXXX`, Python's default) and backslash-escaped as in an exception's repr.
 */
function spellingsOf(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  return [
    ...new Set([
      secret,
      new URLSearchParams({ s: secret }).toString().slice(2),
      encodeURIComponent(secret),
      htmlEscaped(secret, '&#39;'),
      htmlEscaped(secret, '&#x27;'),
      json,
      json.replace(/[\u007f-\uffff]/g, unicodeEscape),
      secret.replace(/\\/g, '\\\\').replace(/'/g, "\\'"),
    ]),
  ];
}

/**
 * Replaces every occurrence of each secret, in each of its spellings, with `***`, longest first.
 * The mask next to leftover characters can spell the secret again (`x*` in `xx*` → `x***`), so it
 * repeats until the secret is gone.
 */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  const spellings = [...new Set(secrets.filter((s) => s.length > 0).flatMap(spellingsOf))];
  for (const secret of spellings.sort((a, b) => b.length - a.length)) {
    for (let pass = 0; pass < MAX_REDACTION_PASSES && out.includes(secret) && !MASK.includes(secret); pass += 1) {
      out = out.split(secret).join(MASK);
    }
  }
  return out;
}
