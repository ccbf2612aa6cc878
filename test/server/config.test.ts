import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, settingsFromEnv } from '../../src/server/config';

describe('server settings', () => {
  test('defaults: API off, SSHA512, no allow-list', () => {
    expect(settingsFromEnv({})).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.enableApi).toBe(false);
  });

  test.each(['true', '1', 'yes', 'YES', 'on'])('ENABLE_RESTFUL_API=%s enables the API', (value) => {
    expect(settingsFromEnv({ ENABLE_RESTFUL_API: value }).enableApi).toBe(true);
  });

  test('READ_ONLY: off by default, on with true/1/yes/on', () => {
    expect(DEFAULT_SETTINGS.readOnly).toBe(false);
    for (const value of ['true', '1', 'yes', 'on']) expect(settingsFromEnv({ READ_ONLY: value }).readOnly).toBe(true);
    expect(settingsFromEnv({ READ_ONLY: 'no' }).readOnly).toBe(false);
  });

  test('lists, numbers and schemes from the environment', () => {
    const s = settingsFromEnv({
      RESTRICT_API_ACCESS: 'yes',
      RESTFUL_API_CLIENTS: '192.0.2.1, 10.0.0.0/8',
      SESSION_TTL_SECONDS: '60',
      DEFAULT_PASSWORD_SCHEME: 'bcrypt',
    });
    expect(s).toMatchObject({
      restrictApiAccess: true,
      apiClients: ['192.0.2.1', '10.0.0.0/8'],
      sessionTtlSeconds: 60,
      defaultPasswordScheme: 'BCRYPT',
    });
  });

  test('a JSON settings file, overridden by the environment', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'settings-')), 'settings.json');
    writeFileSync(
      file,
      JSON.stringify({ ENABLE_RESTFUL_API: true, RESTFUL_API_CLIENTS: ['127.0.0.1'], MAX_LOGIN_FAILURES: 3 }),
    );
    expect(settingsFromEnv({ IREDADMIN_SETTINGS_FILE: file, MAX_LOGIN_FAILURES: '5' })).toMatchObject({
      enableApi: true,
      apiClients: ['127.0.0.1'],
      maxLoginFailures: 5,
    });
  });

  test('TRUST_PROXY names proxies or a hop count, never "everyone"', () => {
    expect(settingsFromEnv({}).trustProxy).toBe(false);
    expect(settingsFromEnv({ TRUST_PROXY: 'off' }).trustProxy).toBe(false);
    expect(settingsFromEnv({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(settingsFromEnv({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8 ::1' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
    ]);
    for (const value of ['true', 'yes', 'on'])
      expect(() => settingsFromEnv({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY must name your proxies/);
    expect(() => settingsFromEnv({ TRUST_PROXY: 'proxy.example' })).toThrow(
      'TRUST_PROXY: "proxy.example" is not an IP address or CIDR network',
    );
    expect(() => settingsFromEnv({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/not an IP address or CIDR network/);
  });

  test('bad values fail with the setting named', () => {
    expect(() => settingsFromEnv({ SESSION_TTL_SECONDS: 'soon' })).toThrow(
      'SESSION_TTL_SECONDS must be a whole number ≥ 0, got "soon"',
    );
    expect(() => settingsFromEnv({ DEFAULT_PASSWORD_SCHEME: 'ROT13' })).toThrow(
      /DEFAULT_PASSWORD_SCHEME must be one of SSHA512/,
    );
  });
});
