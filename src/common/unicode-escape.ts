/** `\uXXXX` for one UTF-16 code unit: the escape JavaScript, JSON and HCL strings all read back. */
export const unicodeEscape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
