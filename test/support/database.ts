/**
 * A throwaway database on the machine's MariaDB for one test file: created
 * with the plugin's install.xml (upstream's tables plus the plugin's indexes)
 * and dropped at the end. Connection settings can be overridden with
 * TEST_DB_HOST, TEST_DB_PORT, TEST_DB_USER and TEST_DB_PASSWORD.
 */
import mysql from 'mysql2/promise';
import { randomBytes } from 'node:crypto';
import { installDdl } from '../../sidecar/scripts/xmldb.js';

export const TEST_DB = {
  host: process.env.TEST_DB_HOST ?? '127.0.0.1',
  port: Number(process.env.TEST_DB_PORT ?? 3306),
  user: process.env.TEST_DB_USER ?? 'root',
  password: process.env.TEST_DB_PASSWORD ?? '',
};

export interface ThrowawayDatabase {
  name: string;
  prefix: string;
  url: string;
  /** A pool for the test's own setup and checks (not the service's). */
  admin: mysql.Pool;
  drop(): Promise<void>;
}

export interface ServerAddress {
  host: string;
  port: number;
  user: string;
  password: string;
}

export async function createThrowawayDatabase(
  options: { prefix?: string; upstreamOnly?: boolean; server?: ServerAddress } = {},
): Promise<ThrowawayDatabase> {
  const prefix = options.prefix ?? 'mdl_';
  const address = options.server ?? TEST_DB;
  const name = `lettering_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const server = await mysql.createConnection({ ...address });
  await server.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await server.end();
  const admin = mysql.createPool({ ...address, database: name, connectionLimit: 4, charset: 'utf8mb4_unicode_ci', decimalNumbers: false });
  for (const statement of installDdl({ prefix, upstreamOnly: options.upstreamOnly })) await admin.query(statement);
  const credentials = address.password ? `${encodeURIComponent(address.user)}:${encodeURIComponent(address.password)}` : encodeURIComponent(address.user);
  return {
    name,
    prefix,
    url: `mysql://${credentials}@${address.host}:${address.port}/${name}`,
    admin,
    async drop() {
      await admin.end().catch(() => undefined);
      const connection = await mysql.createConnection({ ...address });
      await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await connection.end();
    },
  };
}
