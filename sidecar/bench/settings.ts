/**
 * What the benchmark runs, from the environment. The defaults are issue 4's
 * figures; the variables exist to make a quick smoke run or to keep the
 * seeded database for investigation.
 *
 *   BENCH_DB_URL          server to use (default mysql://root@127.0.0.1:3306)
 *   BENCH_DB              database name (default lettering_bench_<pid>); reused when it already holds the bills
 *   BENCH_KEEP=1          keep the database at the end (it is dropped otherwise, also on errors and Ctrl+C)
 *   BENCH_BILLS           bills to seed (default 1000000)
 *   BENCH_WRITE_SECONDS   measured seconds of each write run (default 20), after BENCH_WARMUP_SECONDS (default 3)
 *   BENCH_CLIENTS         concurrent writers (default 32)
 *   BENCH_POOL            database connections of the sidecar and of the floor (default 16)
 *   BENCH_LIST_RUNS       timed requests per sidecar list case (default 100)
 *   BENCH_UPSTREAM_RUNS   timed runs per upstream query (default 3)
 *   BENCH_DEEP_PAGES      pages walked by cursor for the deep page (default 5000)
 *   BENCH_SIDECAR         compiled (default: tsc to dist/bench, then node dist/bench/sidecar/src/server.js,
 *                         as the container runs it) or tsx (node --import tsx sidecar/src/server.ts, as npm start)
 *   BENCH_OUT             JSON output (default bench-results/latest.json)
 */
import { fileURLToPath } from 'node:url';

function int(name: string, fallback: number, min = 0): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  if (!/^\d+$/.test(text) || Number(text) < min) throw new Error(`${name}: expected a whole number >= ${min}, got ${JSON.stringify(text)}`);
  return Number(text);
}

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface BenchSettings {
  server: { host: string; port: number; user: string; password: string };
  database: string;
  keep: boolean;
  bills: number;
  shops: number;
  seed: number;
  writeSeconds: number;
  warmupSeconds: number;
  clients: number;
  pool: number;
  listRuns: number;
  countRuns: number;
  upstreamRuns: number;
  upstreamWriteRuns: number;
  deepPages: number;
  pageSize: number;
  out: string;
  sidecar: 'compiled' | 'tsx';
  /** Bills each writer owns (its own rows: outcomes are known in advance). */
  billsPerClient: number;
}

export function loadSettings(): BenchSettings {
  const url = new URL(process.env.BENCH_DB_URL ?? 'mysql://root@127.0.0.1:3306');
  return {
    server: {
      host: url.hostname,
      port: Number(url.port || 3306),
      user: decodeURIComponent(url.username) || 'root',
      password: decodeURIComponent(url.password),
    },
    database: process.env.BENCH_DB ?? `lettering_bench_${process.pid}`,
    keep: process.env.BENCH_KEEP === '1',
    bills: int('BENCH_BILLS', 1_000_000, 1000),
    shops: 3,
    seed: 20240601,
    writeSeconds: int('BENCH_WRITE_SECONDS', 20, 1),
    warmupSeconds: int('BENCH_WARMUP_SECONDS', 3),
    clients: int('BENCH_CLIENTS', 32, 1),
    pool: int('BENCH_POOL', 16, 1),
    listRuns: int('BENCH_LIST_RUNS', 100, 5),
    countRuns: int('BENCH_COUNT_RUNS', 50, 5),
    upstreamRuns: int('BENCH_UPSTREAM_RUNS', 3, 1),
    upstreamWriteRuns: int('BENCH_UPSTREAM_WRITE_RUNS', 5, 1),
    deepPages: int('BENCH_DEEP_PAGES', 5000, 1),
    pageSize: 20,
    out: process.env.BENCH_OUT ?? `${REPO_ROOT}bench-results/latest.json`,
    sidecar: process.env.BENCH_SIDECAR === 'tsx' ? 'tsx' : 'compiled',
    billsPerClient: int('BENCH_BILLS_PER_CLIENT', 1000, 10),
  };
}
