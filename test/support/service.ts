/**
 * The real service on a throwaway database, and signed calls to it, either
 * through app.request() or over a real socket.
 */
import { loadConfig, type Config } from '../../sidecar/src/config.js';
import { createService, type Service } from '../../sidecar/src/service.js';
import { createMemoryLogger } from '../../sidecar/src/logger.js';
import { signedHeaders } from '../../sidecar/src/signing.js';
import { createThrowawayDatabase, type ThrowawayDatabase } from './database.js';

export const TEST_SECRET = 'test-secret-0123456789-abcdefghijklmnop';
export const ADMIN_USER = 2;

export interface TestService extends Service {
  config: Config;
  throwaway: ThrowawayDatabase;
  logs: ReturnType<typeof createMemoryLogger>['lines'];
  close(): Promise<void>;
}

export async function createTestService(
  env: Record<string, string> = {},
  options: { nowSeconds?: () => number; throwaway?: ThrowawayDatabase } = {},
): Promise<TestService> {
  const throwaway = options.throwaway ?? (await createThrowawayDatabase());
  let config: Config;
  try {
    config = loadConfig({
    LETTERING_DATABASE_URL: throwaway.url,
    LETTERING_DB_PREFIX: throwaway.prefix,
    LETTERING_SECRET: TEST_SECRET,
    LETTERING_TIMEZONE: 'Europe/Paris',
    LETTERING_DB_POOL_SIZE: '8',
    LETTERING_PORT: '0',
      ...env,
    });
  } catch (error) {
    if (!options.throwaway) await throwaway.drop();
    throw error;
  }
  const logger = createMemoryLogger();
  const service = createService(config, { logger, nowSeconds: options.nowSeconds });
  return {
    ...service,
    config,
    throwaway,
    logs: logger.lines,
    async close() {
      await service.database.close();
      if (!options.throwaway) await throwaway.drop();
    },
  };
}

export interface CallOptions {
  body?: unknown;
  rawBody?: string;
  user?: number;
  language?: string;
  secret?: string;
  now?: number;
  headers?: Record<string, string>;
}

/** Builds a signed Request for the service (signed as the Moodle plugin signs). */
export function signedRequest(method: string, pathWithQuery: string, options: CallOptions = {}, base = 'http://sidecar.test'): Request {
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  // Sign what will be sent: URL parsing (Request, fetch) re-encodes some characters, such as '.
  const url = new URL(`${base}${pathWithQuery}`);
  const headers = signedHeaders(
    options.secret ?? TEST_SECRET,
    { method, pathWithQuery: url.pathname + url.search, userId: options.user ?? ADMIN_USER, language: options.language, body },
    options.now,
  );
  return new Request(url, { method, headers: { ...headers, ...options.headers }, body });
}

export async function call(service: Pick<Service, 'app'>, method: string, pathWithQuery: string, options: CallOptions = {}) {
  const response = await service.app.request(signedRequest(method, pathWithQuery, options));
  const text = await response.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, json, text, headers: response.headers };
}
