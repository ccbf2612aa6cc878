/**
 * The `settings` column of iRedMail's domain, mailbox and admin tables: `key:value;key2:value2`.
 * Values never contain `:` or `;`; list values are comma-separated.
 */
import { LIST_SETTINGS } from '../../common/settings-keys';

export type SettingsMap = Record<string, string>;

export function parseSettings(raw: string | null | undefined): SettingsMap {
  const out: SettingsMap = {};
  for (const pair of (raw ?? '').split(';')) {
    const i = pair.indexOf(':');
    if (i <= 0) continue;
    out[pair.slice(0, i).trim()] = pair.slice(i + 1).trim();
  }
  return out;
}

/** Empty values are dropped: an absent key means "not set". */
export function formatSettings(settings: SettingsMap): string {
  return Object.keys(settings)
    .sort()
    .filter((k) => settings[k] !== '' && settings[k] !== undefined)
    .map((k) => `${k}:${settings[k]}`)
    .join(';');
}

export function settingList(settings: SettingsMap, key: string): string[] {
  return (settings[key] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function setSettingList(settings: SettingsMap, key: string, values: Iterable<string>): void {
  const list = [...new Set(values)].sort();
  if (list.length) settings[key] = list.join(',');
  else delete settings[key];
}

/** How the API shows the column: an object, numeric values as numbers, lists as arrays. */
export function settingsForApi(raw: string | null | undefined): Record<string, string | number | string[]> {
  const out: Record<string, string | number | string[]> = {};
  for (const [k, v] of Object.entries(parseSettings(raw))) {
    if (/^-?\d+$/.test(v)) out[k] = Number(v);
    else if (v.includes(',') || LIST_KEYS.has(k)) out[k] = v.split(',').filter(Boolean);
    else out[k] = v;
  }
  return out;
}

const LIST_KEYS: ReadonlySet<string> = new Set(LIST_SETTINGS);
