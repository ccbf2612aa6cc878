/**
 * The calls every account URL (`/api/user/<mail>`, `/api/alias/<mail>`, `/api/ml/<mail>`, …) shares: its path,
 * writing its form, and renaming it. One place, so the areas differ only in schemas and wire names.
 */
import type { z } from 'zod';
import type { ApiCaller, CallSpec } from '../api-caller';
import type { HttpMethod } from '../http-types';
import type { WireNames } from './common';
import { emailAddress, formFrom, segment } from './common';

/** `<base>/<mail>` (e.g. `/api/user/jane@example.com`), the address checked before it goes into the URL. */
export function accountPath(caller: ApiCaller, base: string, method: HttpMethod, email: string): string {
  return `${base}/${segment(caller, { method, path: `${base}/<mail>` }, emailAddress, email)}`;
}

/** POST (create) or PUT (update) an account's form, built from its input schema and wire names. */
export async function sendForm<S extends z.ZodObject>(
  caller: ApiCaller,
  method: 'POST' | 'PUT',
  path: string,
  form: { schema: S; wire: WireNames<S>; input: z.input<S> },
  extra: Pick<CallSpec, 'readBack' | 'secrets'> = {},
): Promise<void> {
  const params = formFrom(caller, { method, path }, form.schema, form.wire, form.input);
  await caller.call({ method, path, params, ...extra });
}

/** POST `<base>/<mail>/change_email/<new_mail>`. */
export async function changeAccountEmail(
  caller: ApiCaller,
  base: string,
  names: { email: string; newEmail: string },
  exists: (email: string) => Promise<boolean>,
): Promise<void> {
  const site = { method: 'POST', path: `${base}/<mail>/change_email/<new_mail>` } as const;
  const path = `${accountPath(caller, base, 'POST', names.email)}/change_email/${segment(caller, site, emailAddress, names.newEmail)}`;
  await caller.call({
    method: 'POST',
    path,
    // After an unknown outcome the rename took effect when the old name is gone and the new one exists.
    readBack: async () => !(await exists(names.email)) && (await exists(names.newEmail)),
  });
}
