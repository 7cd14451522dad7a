/**
 * Builds the running service from a configuration: the pool, the queries,
 * the lettering service and the HTTP app. The server and the tests both use it.
 */
import type { Config } from './config.js';
import { createDatabase, type Database } from './db/database.js';
import { createReadinessProbe } from './db/readiness.js';
import { createBillQueries } from './bills/queries.js';
import { createCountsCache } from './bills/counts-cache.js';
import { createApp, type App } from './http/app.js';
import { loadCatalog } from './i18n.js';
import { createLetteringService } from './lettering/service.js';
import { createLogger, type Logger } from './logger.js';

export interface Service {
  app: App;
  database: Database;
  logger: Logger;
}

export function createService(config: Config, options: { logger?: Logger; nowSeconds?: () => number } = {}): Service {
  const logger = options.logger ?? createLogger(config.logLevel);
  const database = createDatabase(config);
  const bills = createBillQueries(database, config.timezone);
  const counts = createCountsCache((filters: Parameters<typeof bills.countByStatus>[0]) => bills.countByStatus(filters), {
    onRefreshError: (error) => logger.log('warn', 'tab counts refresh failed', { cause: error instanceof Error ? error.message : String(error) }),
  });
  const lettering = createLetteringService(database, config.timezone, { onChanged: () => counts.markStale() });
  const app = createApp({
    secret: config.secret,
    catalog: loadCatalog(),
    logger,
    bills,
    counts,
    lettering,
    readiness: createReadinessProbe(database),
    requestTimeoutMs: config.requestTimeoutMs,
    nowSeconds: options.nowSeconds,
  });
  return { app, database, logger };
}
