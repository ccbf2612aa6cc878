import { SERVER_BACKENDS } from '../support/test-server';
import type { ApiSession } from '../support/api';
import { useTestServer } from '../support/use-test-server';

describe.each(SERVER_BACKENDS)('domains on %s', (backend) => {
  let api: ApiSession;

  useTestServer(backend, (started) => ({ api } = started));

  test('create, read, update and delete a domain with every parameter', async () => {
    expect(
      await api.post('/api/domain/example.com', {
        name: 'Example Inc',
        quota: 2048,
        language: 'en_US',
        transport: 'dovecot',
        defaultQuota: 512,
        maxUserQuota: 1024,
        numberOfUsers: 20,
        numberOfAliases: 30,
        numberOfLists: 40,
        senderBcc: 'audit@example.com',
        recipientBcc: 'archive@example.com',
      }),
    ).toEqual({ _success: true });

    const created = (await api.ok('GET', '/api/domain/example.com')) as Record<string, unknown>;
    expect(created).toMatchObject({
      domain: 'example.com',
      description: 'Example Inc',
      maxquota: 2048,
      transport: 'dovecot',
      mailboxes: 20,
      aliases: 30,
      maillists: 40,
      active: 1,
      backupmx: 0,
      sbcc_addr: 'audit@example.com',
      rbcc_addr: 'archive@example.com',
      catchall: [],
      relayhost: '',
      settings: { default_language: 'en_US', default_user_quota: 512, max_user_quota: 1024 },
    });
    expect(created.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);

    expect(
      await api.put('/api/domain/example.com', {
        name: 'Example GmbH',
        accountStatus: 'disabled',
        minPasswordLength: 10,
        maxPasswordLength: 40,
        catchall: 'a@example.com,B@Example.com',
        outboundRelay: 'smtp:[192.0.2.1]:25',
        services: 'self-service',
        disableDomainProfile: 'bcc,relay',
        disableUserProfile: 'forwarding',
        disableUserPreference: 'wblist',
        senderBcc: '',
      }),
    ).toEqual({ _success: true });
    const updated = (await api.ok('GET', '/api/domain/example.com')) as Record<string, unknown>;
    expect(updated).toMatchObject({
      description: 'Example GmbH',
      active: 0,
      sbcc_addr: '',
      rbcc_addr: 'archive@example.com',
      catchall: ['a@example.com', 'b@example.com'],
      relayhost: 'smtp:[192.0.2.1]:25',
      settings: expect.objectContaining({
        min_passwd_length: 10,
        max_passwd_length: 40,
        enabled_services: ['self-service'],
        disabled_domain_profiles: ['bcc', 'relay'],
        disabled_user_profiles: ['forwarding'],
        disabled_user_preferences: ['wblist'],
      }),
    });

    // As iRedAdmin-Pro does, an update without catchall/outboundRelay clears them.
    await api.ok('PUT', '/api/domain/example.com', { enableDomainProfile: 'relay', accountStatus: 'active' });
    const cleared = (await api.ok('GET', '/api/domain/example.com')) as Record<string, unknown>;
    expect(cleared).toMatchObject({ catchall: [], relayhost: '', active: 1 });
    expect((cleared.settings as Record<string, unknown>).disabled_domain_profiles).toEqual(['bcc']);

    expect(await api.delete('/api/domain/example.com')).toEqual({ _success: true });
    expect(await api.get('/api/domain/example.com')).toEqual({ _success: false, _msg: 'NO_SUCH_DOMAIN' });
  });

  test('IDN domains are stored as punycode and names are lower-cased', async () => {
    await api.ok('POST', '/api/domain/Bücher.Example');
    const view = (await api.ok('GET', '/api/domain/xn--bcher-kva.example')) as Record<string, unknown>;
    expect(view.domain).toBe('xn--bcher-kva.example');
    await api.ok('DELETE', '/api/domain/xn--bcher-kva.example');
  });

  test('backup MX needs primarymx and conflicts with transport', async () => {
    await api.ok('POST', '/api/domain/backup.example');
    expect(await api.put('/api/domain/backup.example', { is_backupmx: 'yes' })).toEqual({
      _success: false,
      _msg: 'MISSING_PRIMARYMX',
    });
    expect(await api.put('/api/domain/backup.example', { primarymx: 'mx.example.net' })).toEqual({
      _success: false,
      _msg: 'MISSING_IS_BACKUPMX',
    });
    expect(
      await api.put('/api/domain/backup.example', {
        is_backupmx: 'yes',
        primarymx: 'mx.example.net',
        transport: 'dovecot',
      }),
    ).toEqual({
      _success: false,
      _msg: 'CONFLICT_TRANSPORT_AND_BACKUPMX',
    });
    await api.ok('PUT', '/api/domain/backup.example', { is_backupmx: 'yes', primarymx: '[mx.example.net]:25' });
    expect(await api.ok('GET', '/api/domain/backup.example')).toMatchObject({
      backupmx: 1,
      transport: 'relay:[mx.example.net]:25',
    });
    await api.ok('DELETE', '/api/domain/backup.example');
  });

  test.each([
    [{ quota: -1 }, 'INVALID_QUOTA_SIZE'],
    [{ quota: 'lots' }, 'INVALID_QUOTA_SIZE'],
    [{ numberOfUsers: '1.5' }, 'INVALID_NUMBER_OF_USERS'],
    [{ language: 'english' }, 'INVALID_LANGUAGE'],
    [{ senderBcc: 'not-an-email' }, 'INVALID_SENDER_BCC'],
  ])('POST rejects %p with %s', async (params, code) => {
    expect(await api.post('/api/domain/bad-input.example', params)).toEqual({ _success: false, _msg: code });
    expect(await api.get('/api/domain/bad-input.example')).toEqual({ _success: false, _msg: 'NO_SUCH_DOMAIN' });
  });

  test.each([
    [{ accountStatus: 'paused' }, 'INVALID_ACCOUNT_STATUS'],
    [{ services: 'teleport' }, 'INVALID_SERVICE'],
    [{ addService: 'teleport' }, 'INVALID_SERVICE'],
    [{ disableDomainProfile: 'everything' }, 'INVALID_DOMAIN_PROFILE'],
    [{ catchall: 'x@example.com,not mail' }, 'INVALID_CATCHALL_ADDRESS'],
    [{ minPasswordLength: 20, maxPasswordLength: 10 }, 'INVALID_PASSWORD_LENGTH'],
  ])('PUT rejects %p with %s and changes nothing', async (params, code) => {
    await api.ok('POST', '/api/domain/put-input.example', { name: 'Before' });
    expect(await api.put('/api/domain/put-input.example', { name: 'After', ...params })).toEqual({
      _success: false,
      _msg: code,
    });
    expect(await api.ok('GET', '/api/domain/put-input.example')).toMatchObject({ description: 'Before' });
    await api.ok('DELETE', '/api/domain/put-input.example');
  });

  test('invalid domain names, duplicates and empty optional values', async () => {
    expect(await api.post('/api/domain/not_a_domain')).toEqual({ _success: false, _msg: 'INVALID_DOMAIN_NAME' });
    expect(await api.post('/api/domain/localhost')).toEqual({ _success: false, _msg: 'INVALID_DOMAIN_NAME' });
    // Generic HTTP clients send every parameter, empty when unset: that must not fail.
    await api.ok('POST', '/api/domain/dup.example', { name: '', quota: '', language: '', senderBcc: '' });
    expect(await api.post('/api/domain/dup.example')).toEqual({ _success: false, _msg: 'ALREADY_EXISTS' });
    await api.ok('DELETE', '/api/domain/dup.example');
  });

  test('concurrent creates of one domain: one success, one ALREADY_EXISTS', async () => {
    const results = await Promise.all([1, 2, 3].map(() => api.post('/api/domain/race.example')));
    expect(results.filter((r) => r._success)).toHaveLength(1);
    expect(results.filter((r) => r._msg === 'ALREADY_EXISTS')).toHaveLength(2);
    await api.ok('DELETE', '/api/domain/race.example');
  });

  test('the list endpoint with name_only and disabled_only', async () => {
    await api.ok('POST', '/api/domain/list-a.example');
    await api.ok('POST', '/api/domain/list-b.example');
    await api.ok('PUT', '/api/domain/list-b.example', { accountStatus: 'disabled' });
    const names = (await api.ok('GET', '/api/domains', { name_only: 'yes' })) as string[];
    expect(names).toEqual(expect.arrayContaining(['list-a.example', 'list-b.example']));
    expect(await api.ok('GET', '/api/domains', { name_only: 'yes', disabled_only: 'yes' })).toEqual(['list-b.example']);
    const full = (await api.ok('GET', '/api/domains')) as Record<string, Record<string, unknown>>;
    expect(full['list-a.example']).toMatchObject({ domain: 'list-a.example', active: 1 });
  });

  test('JSON bodies and query-string parameters are accepted too', async () => {
    const { body } = await api.raw(
      'POST',
      '/api/domain/json.example',
      { name: 'From JSON', quota: 10 },
      { json: true },
    );
    expect(body).toEqual({ _success: true });
    await api.ok('PUT', '/api/domain/json.example/?name=From%20Query');
    expect(await api.ok('GET', '/api/domain/json.example')).toMatchObject({ description: 'From Query', maxquota: 10 });
  });
});
