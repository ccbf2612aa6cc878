/** Scrubbing the secrets a call knew about (passwords) from text the server sent back. */

const MASK = '***';
/** Enough passes for any secret longer than the mask: each pass shortens the text. */
const MAX_REDACTION_PASSES = 16;

/**
 * Replaces every occurrence of each secret with `***`, longest secrets first. The mask next to
 * leftover characters can spell the secret again (`x*` in `xx*` → `x***`), so it repeats until
 * the secret is gone.
 */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of [...secrets].filter((s) => s.length > 0).sort((a, b) => b.length - a.length)) {
    for (let pass = 0; pass < MAX_REDACTION_PASSES && out.includes(secret) && !MASK.includes(secret); pass += 1) {
      out = out.split(secret).join(MASK);
    }
  }
  return out;
}
