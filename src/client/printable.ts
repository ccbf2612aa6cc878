/**
 * Server-chosen text made safe to print. Errors end up on terminals (terraform's diagnostics, adopt's
 * stderr) and in logs; a hostile server's `_msg`, error page or `_data` key could otherwise clear
 * the screen, recolour or overwrite lines (ANSI escapes, CR) or reverse what follows (bidi
 * controls), and a megabyte of it would flood them.
 */
import { unicodeEscape } from '../common/unicode-escape';

/** C0 and C1 controls, DEL, and the invisible direction marks, overrides and isolates. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with each unprintable character written as `\uXXXX`, cut at `max` characters (then `…`). */
export function printable(text: string, max: number): string {
  const escaped = text.replace(UNPRINTABLE, unicodeEscape);
  return escaped.length > max ? `${escaped.slice(0, max)}…` : escaped;
}
