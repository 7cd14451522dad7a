/**
 * Configuration from the environment, validated once at start-up.
 *
 * A wrong or missing value stops the service with one line that names the
 * variable and says what is expected; the secret itself is never echoed.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { MoodleConfigError, parseMoodleConfig, type MoodleDatabaseSettings } from './moodle-config.js';

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
  LETTERING_MOODLE_CONFIG: z.string().trim().min(1, "the path of the Moodle site's config.php").optional(),
  LETTERING_DATABASE_URL: z
    .string({ message: "the Moodle database URL, e.g. mysql://user:password@127.0.0.1:3306/moodle (or LETTERING_MOODLE_CONFIG: the path of the site's config.php)" })
    .trim()
    .refine((value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'mysql:' || url.protocol === 'mariadb:') && url.hostname !== '' && url.pathname.length > 1;
      } catch {
        return false;
      }
    }, 'the Moodle database URL, e.g. mysql://user:password@127.0.0.1:3306/moodle (mysql: or mariadb:, with a database name)')
    .optional(),
  LETTERING_DB_PREFIX: z
    .string()
    .trim()
    .default('mdl_')
    .refine((value) => /^[a-z0-9_]{1,20}$/.test(value), "Moodle's table prefix ($CFG->prefix): 1 to 20 of a-z, 0-9 and _")
    .optional(),
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
    /** A Unix socket instead of host and port (from config.php's dbsocket). */
    socketPath?: string;
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
  const fromMoodle = values.LETTERING_MOODLE_CONFIG ? readMoodleConfig(values.LETTERING_MOODLE_CONFIG, env) : null;
  let database: Config['database'];
  if (fromMoodle) {
    database = {
      host: fromMoodle.host,
      port: fromMoodle.port,
      user: fromMoodle.user,
      password: fromMoodle.password,
      name: fromMoodle.name,
      poolSize: values.LETTERING_DB_POOL_SIZE,
      ...(fromMoodle.socketPath ? { socketPath: fromMoodle.socketPath } : {}),
    };
  } else {
    if (!values.LETTERING_DATABASE_URL) {
      throw new ConfigError(
        "LETTERING_DATABASE_URL is missing: expected the Moodle database URL, e.g. mysql://user:password@127.0.0.1:3306/moodle (or LETTERING_MOODLE_CONFIG: the path of the site's config.php)",
      );
    }
    const url = new URL(values.LETTERING_DATABASE_URL);
    database = {
      host: url.hostname,
      port: url.port ? Number(url.port) : 3306,
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      name: decodeURIComponent(url.pathname.slice(1)),
      poolSize: values.LETTERING_DB_POOL_SIZE,
    };
  }
  const prefix = fromMoodle?.prefix ?? values.LETTERING_DB_PREFIX ?? 'mdl_';
  if (!/^[a-z0-9_]{1,20}$/.test(prefix)) {
    throw new ConfigError(`LETTERING_MOODLE_CONFIG is invalid: expected a $CFG->prefix of 1 to 20 of a-z, 0-9 and _`);
  }
  return {
    database,
    prefix,
    secret: values.LETTERING_SECRET,
    host: values.LETTERING_HOST,
    port: values.LETTERING_PORT,
    timezone: values.LETTERING_TIMEZONE,
    requestTimeoutMs: values.LETTERING_REQUEST_TIMEOUT_MS,
    logLevel: values.LETTERING_LOG_LEVEL,
  };
}

/** The database settings of the Moodle site's config.php; the database variables must not be set too. */
function readMoodleConfig(path: string, env: Record<string, string | undefined>): MoodleDatabaseSettings {
  for (const variable of ['LETTERING_DATABASE_URL', 'LETTERING_DB_PREFIX']) {
    if (env[variable] !== undefined && env[variable] !== '') {
      throw new ConfigError(`${variable} is set together with LETTERING_MOODLE_CONFIG: expected only one source of database settings`);
    }
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : 'unreadable';
    throw new ConfigError(`LETTERING_MOODLE_CONFIG is invalid: expected a readable Moodle config.php (${path}: ${reason})`);
  }
  try {
    return parseMoodleConfig(text);
  } catch (error) {
    if (error instanceof MoodleConfigError) throw new ConfigError(`LETTERING_MOODLE_CONFIG is invalid: ${path}: ${error.message}`);
    throw error;
  }
}
