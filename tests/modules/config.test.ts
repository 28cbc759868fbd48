import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.ts';

describe('config', () => {
  it('has documented defaults and is frozen', () => {
    const config = loadConfig({}, '/srv/kontor');
    expect(config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      dataDir: '/srv/kontor/data',
      databaseFile: path.join('/srv/kontor/data', 'kontor.db'),
      smtpUrl: null,
      schedulerTickSeconds: 30,
      publicUrl: 'http://localhost:3000',
      secureCookies: false,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads every variable', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        HOST: '127.0.0.1',
        KONTOR_DATA_DIR: '/var/lib/kontor',
        KONTOR_SMTP_URL: 'smtp://user:pass@mail.example.de:587',
        KONTOR_SCHEDULER_TICK_SECONDS: '5',
        KONTOR_PUBLIC_URL: 'https://crm.example.de/',
      },
      '/',
    );
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      dataDir: '/var/lib/kontor',
      smtpUrl: 'smtp://user:pass@mail.example.de:587',
      schedulerTickSeconds: 5,
      publicUrl: 'https://crm.example.de',
      secureCookies: true,
    });
  });

  it.each([
    [{ PORT: 'abc' }, /PORT must be a whole number/],
    [{ PORT: '70000' }, /PORT must be between/],
    [{ KONTOR_SCHEDULER_TICK_SECONDS: '0' }, /KONTOR_SCHEDULER_TICK_SECONDS/],
    [{ KONTOR_SMTP_URL: 'http://mail' }, /KONTOR_SMTP_URL must start with smtp/],
    [{ KONTOR_PUBLIC_URL: 'not a url' }, /KONTOR_PUBLIC_URL is not a valid URL/],
    [{ KONTOR_TRUST_PROXY: 'maybe' }, /KONTOR_TRUST_PROXY must be true or false/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [{ HOST: 'not..a..host' }, /HOST must be an IP address .* or a host name/],
    [{ HOST: 'http://0.0.0.0' }, /HOST must be an IP address/],
  ])('refuses %o with a clear message', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never shows SMTP credentials in its messages', () => {
    expect(() => loadConfig({ KONTOR_SMTP_URL: 'smtp://user:secret@ bad host' })).toThrow(/\*\*\*@/);
    expect(() => loadConfig({ KONTOR_SMTP_URL: 'smtp://user:secret@ bad host' })).not.toThrow(/secret/);
  });
});
