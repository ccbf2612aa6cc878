/** Values attacks put into URL parameters: every parameter the server's routes take. */
const THEIRS_PARAMS: Record<string, string> = {
  mail: 'victim@theirs.example',
  newMail: 'moved@theirs.example',
  domain: 'theirs.example',
  days: '0',
  target: 'theirs.example',
  kind: 'outbound',
  ip: '192.0.2.1',
};

export function theirsParam(param: string): string {
  const value = THEIRS_PARAMS[param];
  if (value === undefined)
    throw new Error(`no attack value for the route parameter :${param}; add one to THEIRS_PARAMS`);
  return value;
}
