import { REDACTED, createLogger, levelFromEnv, parseLogLevel, redact } from '../../../src/provider/protocol';
import { hclogTimestamp } from '../../../src/provider/protocol/logging';

describe('hclog-style logger', () => {
  const capture = (level: ReturnType<typeof parseLogLevel>) => {
    const lines: string[] = [];
    const logger = createLogger({ module: 'provider.test', level, write: (l) => lines.push(l) });
    return { logger, lines, entries: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
  };

  it('writes one JSON line per entry with @level, @message, @timestamp, @module and fields', () => {
    const { logger, lines, entries } = capture('debug');
    logger.info('created note', { id: 'n1' });
    expect(lines[0].endsWith('\n')).toBe(true);
    expect(entries()[0]).toEqual({
      '@level': 'info',
      '@message': 'created note',
      '@module': 'provider.test',
      '@timestamp': expect.any(String),
      id: 'n1',
    });
    expect(entries()[0]['@timestamp']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
  });

  it('drops entries below the level, and everything when off', () => {
    const debug = capture('warn');
    debug.logger.info('no');
    debug.logger.error('yes');
    expect(debug.entries().map((e) => e['@message'])).toEqual(['yes']);
    const off = capture('off');
    off.logger.error('no');
    expect(off.lines).toEqual([]);
  });

  it('never writes secret-looking fields, however deep, including through .with()', () => {
    const { logger, lines } = capture('trace');
    logger.with({ Authorization: 'Bearer abc' }).debug('request', {
      body: { username: 'admin', password: 'hunter2', nested: [{ api_key: 'k1' }] },
      cookie: 'sid=1',
      token: 't',
    });
    expect(lines[0]).not.toMatch(/hunter2|Bearer abc|sid=1|k1|"t"/);
    expect(lines[0]).toContain('admin');
    expect(redact({ client_secret: 'x', secretary: 'y' })).toEqual({ client_secret: REDACTED, secretary: REDACTED });
  });

  it('reads TF_LOG_PROVIDER before TF_LOG, as Terraform does', () => {
    expect(levelFromEnv({ TF_LOG: 'debug' })).toBe('debug');
    expect(levelFromEnv({ TF_LOG: 'debug', TF_LOG_PROVIDER: 'error' })).toBe('error');
    expect(levelFromEnv({})).toBe('off');
    expect(parseLogLevel('JSON')).toBe('trace');
    expect(parseLogLevel('OFF')).toBe('off');
  });

  it('formats timestamps the way go-plugin parses them', () => {
    expect(hclogTimestamp(new Date('2026-01-02T03:04:05.678Z'))).toBe('2026-01-02T03:04:05.678000Z');
  });
});
