/**
 * Configuration from the environment, validated once at start-up.
 *
 * A wrong or missing value stops the service with one line that names the
 * variable and says what is expected; the secret itself is never echoed.
 */
import { z } from 'zod';

const DEFAULT_TIMEZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function integerIn(min: number, max: number, fallback: number, what: string) {
  return z
    .string()
    .trim()
    .default(String(fallback))
    .refine((value) => /^\d+$/.test(value) && Number(value) >= min && Number(value) <= max, {
      message: `${what}: a whole number from ${min} to ${max}`,
    })
    .transform(Number);
}

const environmentSchema = z.object({
  LETTERING_DATABASE_URL: z
    .string({ message: 'the Moodle database URL, e.g. mysql://user:password@127.0.0.1:3306/moodle' })
    .trim()
    .refine((value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'mysql:' || url.protocol === 'mariadb:') && url.hostname !== '' && url.pathname.length > 1;
      } catch {
        return false;
      }
    }, 'the Moodle database URL, e.g. mysql://user:password@127.0.0.1:3306/moodle (mysql: or mariadb:, with a database name)'),
  LETTERING_DB_PREFIX: z
    .string()
    .trim()
    .default('mdl_')
    .refine((value) => /^[a-z0-9_]{1,20}$/.test(value), "Moodle's table prefix ($CFG->prefix): 1 to 20 of a-z, 0-9 and _"),
  LETTERING_SECRET: z
    .string({ message: 'the shared secret of the Moodle plugin: at least 32 bytes' })
    .refine((value) => Buffer.byteLength(value, 'utf8') >= 32, 'the shared secret of the Moodle plugin: at least 32 bytes'),
  LETTERING_HOST: z.string().trim().min(1, 'the address to listen on, e.g. 127.0.0.1').default('127.0.0.1'),
  LETTERING_PORT: integerIn(0, 65535, 8787, 'the TCP port to listen on (0: any free port)'),
  LETTERING_TIMEZONE: z
    .string()
    .trim()
    .default(DEFAULT_TIMEZONE)
    .refine(isTimeZone, "the site's timezone for invoice numbers, an IANA name such as Europe/Paris"),
  LETTERING_DB_POOL_SIZE: integerIn(1, 200, 10, 'the number of database connections'),
  LETTERING_REQUEST_TIMEOUT_MS: integerIn(100, 120000, 10000, 'the longest a request may wait for the database, in milliseconds'),
  LETTERING_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent'], {
    message: 'one of debug, info, warn, error, silent',
  }).default('info'),
});

export interface Config {
  database: {
    host: string;
    port: number;
    user: string;
    password: string;
    name: string;
    poolSize: number;
  };
  prefix: string;
  secret: string;
  host: string;
  port: number;
  timezone: string;
  requestTimeoutMs: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and checks the configuration; throws a ConfigError with a one-line message. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    const missing = env[variable] === undefined;
    throw new ConfigError(`${variable} ${missing ? 'is missing' : 'is invalid'}: expected ${issue.message}`);
  }
  const values = parsed.data;
  const url = new URL(values.LETTERING_DATABASE_URL);
  return {
    database: {
      host: url.hostname,
      port: url.port ? Number(url.port) : 3306,
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      name: decodeURIComponent(url.pathname.slice(1)),
      poolSize: values.LETTERING_DB_POOL_SIZE,
    },
    prefix: values.LETTERING_DB_PREFIX,
    secret: values.LETTERING_SECRET,
    host: values.LETTERING_HOST,
    port: values.LETTERING_PORT,
    timezone: values.LETTERING_TIMEZONE,
    requestTimeoutMs: values.LETTERING_REQUEST_TIMEOUT_MS,
    logLevel: values.LETTERING_LOG_LEVEL,
  };
}
