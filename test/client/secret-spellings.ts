/** The spellings in which a page or an exception text may quote a secret, by name: what no error may show. */

export const htmlEscape = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;');

export function secretSpellings(secret: string): Record<string, string> {
  return {
    raw: secret,
    'form-encoded': new URLSearchParams({ x: secret }).toString().slice(2),
    'percent-encoded': encodeURIComponent(secret),
    'HTML-escaped': htmlEscape(secret),
    'JSON-escaped': JSON.stringify(secret).slice(1, -1),
    'repr-escaped': secret.replace(/\\/g, '\\\\').replace(/'/g, "\\'"),
  };
}
