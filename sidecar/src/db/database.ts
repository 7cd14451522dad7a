/**
 * The connection pool to the Moodle database and the Drizzle handles on it.
 */
import { drizzle, type MySql2Database } from 'drizzle-orm/mysql2';
import mysql, { type Pool, type PoolConnection } from 'mysql2/promise';
import type { Config } from '../config.js';
import { createShopSchema, type ShopSchema } from './schema.js';
import { ServiceError } from '../errors.js';

export type Db = MySql2Database<Record<string, never>>;

export interface Database {
  pool: Pool;
  /** Drizzle over the pool: each query takes any free connection. */
  db: Db;
  tables: ShopSchema;
  prefix: string;
  /**
   * One connection of the pool for a piece of work that needs its own (named
   * locks belong to a connection), waiting at most `waitMs` for a free one.
   */
  acquireConnection(waitMs: number): Promise<PoolConnection>;
  close(): Promise<void>;
}

export function createDatabase(config: Pick<Config, 'database' | 'prefix' | 'requestTimeoutMs'>): Database {
  const pool = mysql.createPool({
    ...(config.database.socketPath ? { socketPath: config.database.socketPath } : { host: config.database.host, port: config.database.port }),
    user: config.database.user,
    password: config.database.password,
    database: config.database.name,
    connectionLimit: config.database.poolSize,
    maxIdle: config.database.poolSize,
    waitForConnections: true,
    // Beyond this many waiting requests the service is overloaded: refuse rather than queue forever.
    queueLimit: config.database.poolSize * 100,
    connectTimeout: Math.min(config.requestTimeoutMs, 10000),
    enableKeepAlive: true,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    // DECIMAL columns come back as strings: money never goes through a float.
    decimalNumbers: false,
    supportBigNumbers: true,
    bigNumberStrings: false,
  });
  const db = drizzle({ client: pool });
  return {
    pool,
    db,
    tables: createShopSchema(config.prefix),
    prefix: config.prefix,
    async acquireConnection(waitMs) {
      const pending = pool.getConnection();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        if (Number.isFinite(waitMs)) timer = setTimeout(() => reject(new ServiceError('TIMEOUT')), Math.max(0, waitMs));
      });
      try {
        return await Promise.race([pending, timeout]);
      } catch (error) {
        // A connection that arrives after we gave up goes back to the pool.
        pending.then((late) => late.release(), () => undefined);
        throw error;
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      await pool.end();
    },
  };
}
