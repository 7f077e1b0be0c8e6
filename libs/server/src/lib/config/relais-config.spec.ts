import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './relais-config';

describe('loadConfig', () => {
  const cwd = () => mkdtempSync(join(tmpdir(), 'relais-config-'));

  it('applies the contract defaults', () => {
    const config = loadConfig({}, cwd());
    expect(config).toMatchObject({
      databaseUrl: 'postgres://root@127.0.0.1:5432/relais',
      redisUrl: 'redis://127.0.0.1:6379',
      port: 3000,
      timeZone: 'Europe/Paris',
      demo: false,
      admin: null,
      queuePrefix: 'relais',
      uploadLimitBytes: 4096 * 1024 * 1024,
      rejectThreshold: 0.01,
      maxInflatedBytes: 20480 * 1024 * 1024,
      corsOrigins: [],
      jobLockMs: 30_000,
    });
  });

  it('generates the secret once and keeps it in a local file', () => {
    const dir = cwd();
    const first = loadConfig({}, dir).secret;
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(loadConfig({}, dir).secret).toBe(first);
    expect(readFileSync(join(dir, '.relais-secret'), 'utf8').trim()).toBe(first);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/relais'],
    ['REDIS_URL', 'localhost:6379'],
    ['RELAIS_TIMEZONE', 'Mars/Olympus'],
    ['RELAIS_DEMO', 'yes'],
    ['RELAIS_SECRET', 'short'],
    ['RELAIS_ADMIN_EMAIL', 'not-an-email'],
    ['RELAIS_UPLOAD_LIMIT_MB', '0'],
    ['RELAIS_IMPORT_REJECT_THRESHOLD', '1.5'],
    ['RELAIS_IMPORT_MAX_INFLATED_MB', '0'],
    ['RELAIS_CORS_ORIGINS', '*'],
    ['RELAIS_CORS_ORIGINS', 'https://a.example/path'],
    ['RELAIS_JOB_LOCK_MS', '500'],
  ])('stops on a bad %s (%s) and names the variable', (variable, value) => {
    const run = () => loadConfig({ [variable]: value, RELAIS_ADMIN_PASSWORD: 'long-enough' }, cwd());
    expect(run).toThrow(ConfigError);
    expect(run).toThrow(new RegExp(`^Configuration: ${variable} `));
  });

  it('reads the inflated-size limit and the CORS origins', () => {
    const config = loadConfig(
      { RELAIS_IMPORT_MAX_INFLATED_MB: '10', RELAIS_CORS_ORIGINS: 'https://a.example, http://localhost:4200' },
      cwd(),
    );
    expect(config.maxInflatedBytes).toBe(10 * 1024 * 1024);
    expect(config.corsOrigins).toEqual(['https://a.example', 'http://localhost:4200']);
  });

  it('needs both admin variables', () => {
    expect(() => loadConfig({ RELAIS_ADMIN_EMAIL: 'a@b.fr' }, cwd())).toThrow(/RELAIS_ADMIN_PASSWORD/);
  });

  it('reads the documented values', () => {
    const config = loadConfig(
      {
        PORT: '3100',
        RELAIS_DEMO: 'true',
        RELAIS_TIMEZONE: 'America/Montreal',
        RELAIS_SECRET: 'x'.repeat(32),
        RELAIS_ADMIN_EMAIL: 'boss@relais.local',
        RELAIS_ADMIN_PASSWORD: 'correct horse',
      },
      cwd(),
    );
    expect(config).toMatchObject({
      port: 3100,
      demo: true,
      timeZone: 'America/Montreal',
      secret: 'x'.repeat(32),
      admin: { email: 'boss@relais.local', password: 'correct horse' },
    });
  });
});
