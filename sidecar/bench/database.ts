/**
 * The benchmark's throwaway database: one database, two copies of the same
 * shop data.
 *
 *   mdl_  the plugin's tables: upstream's columns and keys plus every index
 *         the plugin declares in install.xml (what the sidecar runs on);
 *   up_   upstream's tables as they are, without the plugin's indexes
 *         (what upstream's queries run on).
 *
 * The bills are seeded once into mdl_ created with upstream's indexes only,
 * copied to up_ with INSERT ... SELECT, then the plugin's indexes are added to
 * mdl_ the way the plugin's upgrade step adds them to an existing site.
 */
import { readFileSync } from 'node:fs';
import mysql, { type Connection, type Pool } from 'mysql2/promise';
import { seedShop } from '../scripts/seed.js';
import { INSTALL_XML, installDdl, parseInstallXml } from '../scripts/xmldb.js';
import type { BenchSettings } from './settings.js';
import { log } from './stats.js';

export const PLUGIN_PREFIX = 'mdl_';
export const UPSTREAM_PREFIX = 'up_';
const WRITESET_TABLE = 'bench_writeset';
const META_TABLE = 'bench_meta';

export function connectionOptions(settings: BenchSettings, database?: string) {
  return {
    ...settings.server,
    ...(database ? { database } : {}),
    charset: 'utf8mb4_unicode_ci',
    decimalNumbers: false,
    supportBigNumbers: true,
    timezone: 'Z' as const,
  };
}

export function databaseUrl(settings: BenchSettings): string {
  const { host, port, user, password } = settings.server;
  const credentials = password ? `${encodeURIComponent(user)}:${encodeURIComponent(password)}` : encodeURIComponent(user);
  return `mysql://${credentials}@${host}:${port}/${settings.database}`;
}

async function tableExists(connection: Connection, table: string): Promise<boolean> {
  const [rows] = (await connection.query(
    'SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?',
    [table],
  )) as unknown as [Array<{ n: number }>];
  return Number(rows[0]!.n) > 0;
}

/** Creates (or reuses, when it already holds this many bills) the seeded database. Returns whether it was created. */
export async function prepareDatabase(settings: BenchSettings): Promise<{ created: boolean; seedSeconds: number | null }> {
  const connection = await mysql.createConnection(connectionOptions(settings));
  try {
    const name = settings.database.replace(/`/g, '');
    const [existing] = (await connection.query('SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [name])) as unknown as [unknown[]];
    if (existing.length > 0) {
      await connection.changeUser({ database: name });
      if (await tableExists(connection, META_TABLE)) {
        const [rows] = (await connection.query(`SELECT bills, complete FROM ${META_TABLE}`)) as unknown as [Array<{ bills: number; complete: number }>];
        if (rows[0] && Number(rows[0].bills) === settings.bills && Number(rows[0].complete) === 1) {
          log(`reusing the seeded database ${name} (${settings.bills} bills)`);
          await syncPluginIndexes(connection);
          return { created: false, seedSeconds: null };
        }
      }
      throw new Error(`The database ${name} exists but is not a complete benchmark database of ${settings.bills} bills; drop it or choose another BENCH_DB.`);
    }
    const started = performance.now();
    await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await connection.changeUser({ database: name });
    await connection.query(`CREATE TABLE ${META_TABLE} (bills INT NOT NULL, complete TINYINT NOT NULL)`);
    await connection.query(`INSERT INTO ${META_TABLE} VALUES (?, 0)`, [settings.bills]);
    for (const statement of installDdl({ prefix: PLUGIN_PREFIX, upstreamOnly: true })) await connection.query(statement);
    for (const statement of installDdl({ prefix: UPSTREAM_PREFIX, upstreamOnly: true })) await connection.query(statement);

    log(`seeding ${settings.bills.toLocaleString('en')} bills into ${name} (${settings.shops} shops, half of the invoices lettered)...`);
    let lastReport = 0;
    await seedShop(connection, {
      prefix: PLUGIN_PREFIX,
      bills: settings.bills,
      shops: settings.shops,
      seed: settings.seed,
      letteredShare: 0.5,
      onProgress(done, total) {
        if (done - lastReport >= 50_000 || done === total) {
          lastReport = done;
          const seconds = (performance.now() - started) / 1000;
          log(`  ${done.toLocaleString('en')} / ${total.toLocaleString('en')} bills (${seconds.toFixed(0)} s)`);
        }
      },
    });

    log('copying the shop tables to upstream\'s schema (up_)...');
    for (const table of ['local_shop_catalog', 'local_shop', 'local_shop_customer', 'local_shop_bill', 'local_shop_billitem']) {
      await connection.query(`INSERT INTO \`${UPSTREAM_PREFIX}${table}\` SELECT * FROM \`${PLUGIN_PREFIX}${table}\``);
    }
    log("adding the plugin's indexes to mdl_ (as its upgrade step does)...");
    await syncPluginIndexes(connection);
    log('analyzing tables...');
    for (const prefix of [PLUGIN_PREFIX, UPSTREAM_PREFIX]) {
      await connection.query(`ANALYZE TABLE \`${prefix}local_shop_bill\`, \`${prefix}local_shop_customer\`, \`${prefix}local_shop\``);
    }
    await connection.query(`UPDATE ${META_TABLE} SET complete = 1`);
    const seedSeconds = (performance.now() - started) / 1000;
    log(`database ready in ${seedSeconds.toFixed(0)} s`);
    return { created: true, seedSeconds };
  } finally {
    await connection.end();
  }
}

/**
 * Makes the mdl_ tables carry exactly the indexes install.xml declares: adds
 * the missing ones (one ALTER per table), drops plugin indexes
 * (ix_lettering_*) that are no longer declared. On a reused database this
 * picks up a changed install.xml.
 */
export async function syncPluginIndexes(connection: Connection): Promise<string[]> {
  const changes: string[] = [];
  for (const table of parseInstallXml(readFileSync(INSTALL_XML, 'utf8'))) {
    const fullName = `${PLUGIN_PREFIX}${table.name}`;
    const [rows] = (await connection.query(
      `SELECT INDEX_NAME AS name, GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX) AS columns, MIN(NON_UNIQUE) AS nonunique
         FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? GROUP BY INDEX_NAME`,
      [fullName],
    )) as unknown as [Array<{ name: string; columns: string; nonunique: number }>];
    const present = new Map(rows.map((row) => [row.name, row.columns]));
    const clauses: string[] = [];
    const declared = new Set<string>();
    for (const index of table.indexes) {
      const name = `${fullName}_${index.name}`;
      declared.add(name);
      const columns = index.fields.join(',');
      if (present.get(name) === columns) continue;
      if (present.has(name)) clauses.push(`DROP INDEX \`${name}\``);
      clauses.push(`ADD ${index.unique ? 'UNIQUE ' : ''}INDEX \`${name}\` (${index.fields.map((f) => `\`${f}\``).join(', ')})`);
      changes.push(`${fullName}: + ${index.name} (${columns})`);
    }
    for (const row of rows) {
      if (row.name.startsWith(`${fullName}_ix_lettering_`) && !declared.has(row.name)) {
        clauses.push(`DROP INDEX \`${row.name}\``);
        changes.push(`${fullName}: - ${row.name}`);
      }
    }
    if (clauses.length > 0) {
      log(`  ${fullName}: ${clauses.join(', ')}`);
      await connection.query(`ALTER TABLE \`${fullName}\` ${clauses.join(', ')}`);
      await connection.query(`ANALYZE TABLE \`${fullName}\``);
    }
  }
  return changes;
}

/** The indexes of a table, for the report. */
export async function describeIndexes(db: Pool | Connection, table: string): Promise<string[]> {
  const [rows] = (await db.query(
    `SELECT INDEX_NAME AS name, GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX) AS columns
       FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? GROUP BY INDEX_NAME ORDER BY INDEX_NAME`,
    [table],
  )) as unknown as [Array<{ name: string; columns: string }>];
  return rows.map((row) => `${row.name.replace(`${table}_`, '')}(${row.columns})`);
}

export async function dropDatabase(settings: BenchSettings): Promise<void> {
  const connection = await mysql.createConnection(connectionOptions(settings));
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${settings.database.replace(/`/g, '')}\``);
  } finally {
    await connection.end();
  }
}

export interface WriteSet {
  /** Bills of each writer: [id, lettering at the start]. Writers never share a bill. */
  perClient: Array<Array<{ id: number; lettering: string }>>;
  /** References held by bills no writer touches: setting one must be refused as a duplicate. */
  heldReferences: string[];
}

/**
 * Picks the writers' bills (invoices spread over the whole table, about half
 * lettered) and the references of other lettered bills for the duplicate
 * attempts, and records the starting values so each run can restore them.
 */
export async function prepareWriteSet(db: Pool, settings: BenchSettings): Promise<WriteSet> {
  const wanted = settings.clients * settings.billsPerClient;
  const [rows] = (await db.query(
    `SELECT id, idnumber FROM \`${PLUGIN_PREFIX}local_shop_bill\`
      WHERE status IN ('SOLDOUT', 'COMPLETE', 'PAYBACK') AND id % 17 = 0 ORDER BY id LIMIT ?`,
    [wanted],
  )) as unknown as [Array<{ id: number; idnumber: string | null }>];
  if (rows.length < wanted) throw new Error(`only ${rows.length} invoices for ${wanted} writer bills; seed more bills or lower BENCH_BILLS_PER_CLIENT`);
  const perClient: WriteSet['perClient'] = Array.from({ length: settings.clients }, () => []);
  rows.forEach((row, index) => perClient[index % settings.clients]!.push({ id: row.id, lettering: row.idnumber ?? '' }));
  const [held] = (await db.query(
    `SELECT idnumber FROM \`${PLUGIN_PREFIX}local_shop_bill\` WHERE id % 17 = 1 AND idnumber <> '' ORDER BY id LIMIT 5000`,
  )) as unknown as [Array<{ idnumber: string }>];
  await db.query(`CREATE TABLE IF NOT EXISTS ${WRITESET_TABLE} (id BIGINT PRIMARY KEY, idnumber VARCHAR(255) NULL)`);
  await db.query(`DELETE FROM ${WRITESET_TABLE}`);
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = rows.slice(i, i + 2000);
    await db.query(`INSERT INTO ${WRITESET_TABLE} (id, idnumber) VALUES ${chunk.map(() => '(?, ?)').join(',')}`, chunk.flatMap((row) => [row.id, row.idnumber]));
  }
  return { perClient, heldReferences: held.map((row) => row.idnumber) };
}

/** Puts the writers' bills back as they were, so that every write run starts from the same data. */
export async function restoreWriteSet(db: Pool, prefix: string): Promise<number> {
  const [result] = (await db.query(
    `UPDATE \`${prefix}local_shop_bill\` b JOIN ${WRITESET_TABLE} w ON w.id = b.id SET b.idnumber = w.idnumber WHERE NOT (b.idnumber <=> w.idnumber)`,
  )) as unknown as [{ affectedRows: number }];
  return result.affectedRows;
}
