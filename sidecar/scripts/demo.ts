/**
 * The demo: a Moodle-like database with the shop's tables and a few hundred
 * sample bills on the machine's MariaDB (created only when absent), then the
 * service on it, and how to call it.
 *
 *   npm run demo
 *
 * DEMO_DATABASE_URL overrides the database (default
 * mysql://root@127.0.0.1:3306/moodle_lettering_demo); every LETTERING_*
 * variable of the service applies too.
 */
import { mkdirSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { loadConfig, ConfigError } from '../src/config.js';
import { startServer } from '../src/server.js';
import { seedShop } from './seed.js';
import { installDdl } from './xmldb.js';
import { DEMO_DATABASE_URL, DEMO_DIR, DEMO_SECRET_FILE } from './demo-settings.js';

const DEMO_BILLS = 400;

function demoSecret(): string {
  if (process.env.LETTERING_SECRET) return process.env.LETTERING_SECRET;
  if (existsSync(DEMO_SECRET_FILE)) return readFileSync(DEMO_SECRET_FILE, 'utf8').trim();
  mkdirSync(DEMO_DIR, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(DEMO_SECRET_FILE, `${secret}\n`, { mode: 0o600 });
  return secret;
}

async function prepareDatabase(url: URL, prefix: string): Promise<void> {
  const name = decodeURIComponent(url.pathname.slice(1));
  const server = await mysql.createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    charset: 'utf8mb4_unicode_ci',
  });
  try {
    await server.query(`CREATE DATABASE IF NOT EXISTS \`${name.replace(/`/g, '')}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await server.changeUser({ database: name });
    for (const statement of installDdl({ prefix })) await server.query(statement);
    const [rows] = (await server.query(`SELECT COUNT(*) AS n FROM \`${prefix}local_shop_bill\``)) as unknown as [Array<{ n: number }>];
    if (Number(rows[0]!.n) === 0) {
      process.stdout.write(`Creating ${DEMO_BILLS} sample bills in ${name}...\n`);
      await seedShop(server, { prefix, bills: DEMO_BILLS, shops: 2, customers: 60, seed: 42 });
    } else {
      process.stdout.write(`Using the existing ${rows[0]!.n} bills of ${name}.\n`);
    }
  } finally {
    await server.end();
  }
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DEMO_DATABASE_URL ?? process.env.LETTERING_DATABASE_URL ?? DEMO_DATABASE_URL;
  const secret = demoSecret();
  const config = loadConfig({ ...process.env, LETTERING_DATABASE_URL: databaseUrl, LETTERING_SECRET: secret });
  await prepareDatabase(new URL(databaseUrl), config.prefix);
  const running = await startServer(config);
  const base = `http://${config.host}:${running.port}`;
  process.stdout.write(`
The lettering service is running at ${base} on the demo database ${config.database.name}.

Try it (in another terminal, from this folder):
  npm run call -- GET '/v1/bills?status=COMPLETE&limit=3'
  npm run call -- GET /v1/bills/counts
  npm run call -- GET /v1/bills/1
  npm run call -- PUT /v1/bills/1/lettering '{"lettering":"FA-DEMO-0001"}'

The shared secret is in .demo/secret; the README shows how to sign a request with curl.
Health: curl ${base}/health/ready
Stop with Ctrl+C.
`);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => void running.stop().then(() => process.exit(0)));
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) process.stderr.write(`Configuration error: ${error.message}\n`);
  else process.stderr.write(`The demo could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
