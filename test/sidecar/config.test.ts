import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../sidecar/src/config.js';

const valid = {
  LETTERING_DATABASE_URL: 'mysql://moodle:p%40ss@db.example:3307/moodle',
  LETTERING_SECRET: 'x'.repeat(32),
};

function errorOf(env: Record<string, string | undefined>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a configuration error');
}

describe('configuration', () => {
  it('reads a valid environment with defaults', () => {
    const config = loadConfig(valid);
    expect(config.database).toEqual({ host: 'db.example', port: 3307, user: 'moodle', password: 'p@ss', name: 'moodle', poolSize: 10 });
    expect(config.prefix).toBe('mdl_');
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(8787);
    expect(config.requestTimeoutMs).toBe(10000);
  });

  it('takes every variable', () => {
    const config = loadConfig({
      ...valid,
      LETTERING_DB_PREFIX: 'm2_',
      LETTERING_HOST: '0.0.0.0',
      LETTERING_PORT: '9000',
      LETTERING_TIMEZONE: 'Europe/Paris',
      LETTERING_DB_POOL_SIZE: '32',
      LETTERING_REQUEST_TIMEOUT_MS: '2500',
      LETTERING_LOG_LEVEL: 'warn',
    });
    expect(config).toMatchObject({ prefix: 'm2_', host: '0.0.0.0', port: 9000, timezone: 'Europe/Paris', requestTimeoutMs: 2500, logLevel: 'warn' });
    expect(config.database.poolSize).toBe(32);
  });

  it.each([
    [{ LETTERING_DATABASE_URL: undefined }, /^LETTERING_DATABASE_URL is missing: expected the Moodle database URL/],
    [{ LETTERING_DATABASE_URL: 'postgres://x@y/z' }, /^LETTERING_DATABASE_URL is invalid/],
    [{ LETTERING_DATABASE_URL: 'mysql://root@127.0.0.1:3306/' }, /^LETTERING_DATABASE_URL is invalid/],
    [{ LETTERING_SECRET: undefined }, /^LETTERING_SECRET is missing: expected .*at least 32 bytes/],
    [{ LETTERING_SECRET: 'short-secret' }, /^LETTERING_SECRET is invalid: expected .*at least 32 bytes/],
    [{ LETTERING_DB_PREFIX: 'MDL-' }, /^LETTERING_DB_PREFIX is invalid/],
    [{ LETTERING_DB_PREFIX: 'mdl_; DROP TABLE x' }, /^LETTERING_DB_PREFIX is invalid/],
    [{ LETTERING_PORT: '70000' }, /^LETTERING_PORT is invalid: expected .*0 to 65535/],
    [{ LETTERING_PORT: 'eighty' }, /^LETTERING_PORT is invalid/],
    [{ LETTERING_TIMEZONE: 'Mars/Olympus' }, /^LETTERING_TIMEZONE is invalid: expected .*IANA/],
    [{ LETTERING_DB_POOL_SIZE: '0' }, /^LETTERING_DB_POOL_SIZE is invalid: expected .*1 to 200/],
    [{ LETTERING_LOG_LEVEL: 'loud' }, /^LETTERING_LOG_LEVEL is invalid/],
  ])('refuses %j with one line naming the variable', (override, expected) => {
    const message = errorOf({ ...valid, ...override });
    expect(message).toMatch(expected);
    expect(message).not.toContain('\n');
  });

  it('never echoes the secret', () => {
    const message = errorOf({ ...valid, LETTERING_SECRET: 'my-own-short-secret' });
    expect(message).not.toContain('my-own-short-secret');
  });

  it('stops the real server at start-up with one line and exit code 78', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'sidecar/src/server.ts'], {
      env: { PATH: process.env.PATH, LETTERING_DATABASE_URL: valid.LETTERING_DATABASE_URL, LETTERING_SECRET: 'too-short' },
      encoding: 'utf8',
      timeout: 30000,
    });
    expect(result.status).toBe(78);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^Configuration error: LETTERING_SECRET is invalid/);
  });
});
