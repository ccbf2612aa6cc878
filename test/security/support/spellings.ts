/** Path spellings attacks try: the router normalises some of them to a real route. */

/** Ways to write `/api/<rest>` that a lenient router may take for the same route. */
export function spellings(path: string, origin: string): string[] {
  const rest = path.slice('/api'.length);
  return [
    path,
    `/${path}`,
    `//${path}`,
    `/%61pi${rest}`,
    `/%61%70%69${rest}`,
    `/%2561pi${rest}`,
    `/./api${rest}`,
    `/x/../api${rest}`,
    `/api/.${rest}`,
    `/api/${rest}`,
    `${path}/`,
    `/API${rest}`,
    `/Api${rest}`,
    `/api%2F${rest.slice(1)}`,
    `${origin}${path}`,
    `${origin}/${path}`,
    `${origin}/%61pi${rest}`,
    `/api${rest}?x=/../`,
    `/api${rest};x`,
    `/\\api${rest}`,
  ];
}
