/**
 * Issue 4's benchmark:
 *
 *   npm run bench
 *
 * Seeds a throwaway database on the machine's MariaDB with 1,000,000 bills
 * (upstream's tables plus the plugin's indexes as mdl_, the same data with
 * upstream's indexes only as up_), starts the sidecar as a separate process,
 * then measures in one run: lettering writes over HTTP against the database
 * floor, list pages and tab counts against upstream's queries, and the
 * process's memory and start time. Prints one markdown table, writes the
 * figures to bench-results/latest.json, and drops the database (also on
 * errors and Ctrl+C; BENCH_KEEP=1 keeps it). Settings: see settings.ts.
 * Progress goes to stderr. Never part of `npm test`.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import mysql, { type Pool } from 'mysql2/promise';
import {
  connectionOptions,
  databaseUrl,
  describeIndexes,
  dropDatabase,
  PLUGIN_PREFIX,
  prepareDatabase,
  prepareWriteSet,
  restoreWriteSet,
  UPSTREAM_PREFIX,
  type WriteSet,
} from './database.js';
import { createFloorPool, floorExecutor } from './floor.js';
import { evaluateTargets, markdownTable, writeJson, type BenchResults, type CpuUse, type ListCase } from './report.js';
import { loadSettings, REPO_ROOT } from './settings.js';
import { buildSidecar, cpuSecondsOf, databaseServerPid, memoryOf, signedClient, startSidecar, type RunningSidecar, type SignedClient } from './sidecar-process.js';
import { log, round, since, sleep, summarize, type LatencySummary } from './stats.js';
import { UPSTREAM_TABS, upstreamQueries, type UpstreamQuery } from './upstream-queries.js';
import { runWriteLoad, type Executor, type WriteRunResult } from './workload.js';

const settings = loadSettings();
const secret = randomBytes(32).toString('hex');
const cleanups: Array<() => Promise<void>> = [];
let createdDatabase = false;

async function cleanup(): Promise<void> {
  while (cleanups.length > 0) {
    const step = cleanups.pop()!;
    await step().catch((error: unknown) => log(`cleanup: ${error instanceof Error ? error.message : String(error)}`));
  }
  if (createdDatabase && !settings.keep) {
    log(`dropping ${settings.database}`);
    await dropDatabase(settings).catch((error: unknown) => log(`could not drop ${settings.database}: ${String(error)}`));
  } else if (createdDatabase || settings.keep) {
    log(`kept the database ${settings.database} (${databaseUrl(settings)})`);
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping`);
    void cleanup().finally(() => process.exit(130));
  });
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: since(start), value };
}

/**
 * Sequential timed requests to the sidecar after a few untimed ones. An
 * answer other than 200 (a 503 TIMEOUT on a slow query) is timed and counted
 * as failed; after 3 failures the case stops.
 */
async function timeRequests(
  client: SignedClient,
  path: string,
  runs: number,
  warmup = 5,
): Promise<{ summary: LatencySummary & { failed: number; failure?: string }; last: any }> {
  let last: any = null;
  const latencies: number[] = [];
  let failed = 0;
  let failure: string | undefined;
  // A case slower than expected gets fewer runs (at least 5), so that the whole benchmark stays bounded.
  const budgetMs = 20000;
  const started = performance.now();
  for (let i = 0; i < warmup + runs; i++) {
    const { ms, value } = await timed(() => client.request('GET', path));
    if (value.status !== 200) {
      failed += 1;
      failure = `HTTP ${value.status} ${value.json?.error?.code ?? ''}`.trim();
      latencies.push(ms);
      log(`  GET ${path}: ${failure} after ${ms.toFixed(0)} ms`);
      if (failed >= 3) break;
      continue;
    }
    if (i >= warmup) latencies.push(ms);
    else if (ms > 200) warmup = i + 1;
    last = value.json;
    if (latencies.length >= 5 && since(started) > budgetMs) break;
  }
  return { summary: { ...summarize(latencies), failed, ...(failure ? { failure } : {}) }, last };
}

/** Upstream's query, a few runs on its own connection, bounded by max_statement_time. */
async function timeUpstream(pool: Pool, queries: UpstreamQuery | UpstreamQuery[], runs: number): Promise<LatencySummary & { sql: string; rows: number }> {
  const list = Array.isArray(queries) ? queries : [queries];
  const latencies: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    rows = 0;
    for (const query of list) {
      const [result] = (await pool.query(query.sql, query.params)) as unknown as [unknown[]];
      rows += result.length;
    }
    latencies.push(since(start));
  }
  const sql = list[0]!.sql.replace(/\s+/g, ' ').trim() + (list.length > 1 ? ` (+ ${list.length - 1} more)` : '');
  return { ...summarize(latencies), sql, rows };
}

function sidecarExecutor(client: SignedClient): Executor {
  return async (operation) => {
    const path = `/v1/bills/${operation.billId}/lettering`;
    const response =
      operation.kind === 'clear'
        ? await client.request('DELETE', path, { expected: operation.expected })
        : await client.request('PUT', path, { lettering: operation.lettering, expected: operation.expected });
    if (response.status === 200) return { outcome: 'ok' };
    const code = response.json?.error?.code;
    if (response.status === 409 && code === 'LETTERING_DUPLICATE') return { outcome: 'duplicate' };
    return { outcome: response.status >= 500 ? 'server_error' : 'unexpected', detail: `HTTP ${response.status} ${code ?? ''}` };
  };
}

interface WindowReadings {
  cpu: CpuUse;
  rssEndMb: number;
}

/** Runs the write load, reading CPU at the edges of the measured window and the sidecar's memory at its end. */
async function measuredWriteRun(
  label: string,
  writeSet: WriteSet,
  execute: Executor,
  pids: { sidecar: number | null; database: number | null },
): Promise<WriteRunResult & WindowReadings> {
  let startCpu = { sidecar: 0, database: 0, bench: 0, at: 0 };
  let cpu: CpuUse = { sidecar: null, database: null, benchClient: 0, wallSeconds: 0 };
  let rssEndMb = NaN;
  const read = () => ({
    sidecar: pids.sidecar ? cpuSecondsOf(pids.sidecar) : 0,
    database: pids.database ? cpuSecondsOf(pids.database) : 0,
    bench: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
    at: performance.now(),
  });
  log(`${label}: ${settings.clients} writers, ${settings.warmupSeconds} s warm-up + ${settings.writeSeconds} s`);
  const result = await runWriteLoad(writeSet, execute, {
    warmupSeconds: settings.warmupSeconds,
    seconds: settings.writeSeconds,
    onTick: (seconds) => log(`  ${label}: ${seconds} s`),
    onWindow(edge) {
      if (edge === 'start') {
        startCpu = read();
        return;
      }
      const now = read();
      cpu = {
        sidecar: pids.sidecar ? round(now.sidecar - startCpu.sidecar) : null,
        database: pids.database ? round(now.database - startCpu.database) : null,
        benchClient: round(now.bench - startCpu.bench),
        wallSeconds: round((now.at - startCpu.at) / 1000),
      };
      if (pids.sidecar) rssEndMb = memoryOf(pids.sidecar).rssMb;
    },
  });
  log(`  ${label}: ${result.throughput} writes/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, outcomes ${JSON.stringify(result.outcomes)}`);
  if (result.errors.length > 0) log(`  ${label} errors: ${result.errors.slice(0, 5).join('; ')}`);
  return { ...result, cpu, rssEndMb };
}

async function machineFacts(admin: Pool) {
  const [vars] = (await admin.query(
    "SELECT @@version AS version, @@innodb_buffer_pool_size AS pool, @@innodb_flush_log_at_trx_commit AS flush",
  )) as unknown as [Array<{ version: string; pool: number; flush: number }>];
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'sidecar/src', 'moodle-plugin'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    if (dirty) commit += '+changes';
  } catch {
    // not a git checkout
  }
  return {
    version: `MariaDB/MySQL ${vars[0]!.version}`,
    bufferPoolMb: Math.round(Number(vars[0]!.pool) / 1048576),
    flush: Number(vars[0]!.flush),
    commit,
  };
}

async function main(): Promise<void> {
  const began = performance.now();
  const loadBefore = os.loadavg().map((l) => round(l));
  log(`database ${settings.database}, ${settings.bills.toLocaleString('en')} bills; load average ${loadBefore.join(' ')}`);
  const prepared = await prepareDatabase(settings);
  createdDatabase = prepared.created;

  const admin = mysql.createPool({ ...connectionOptions(settings, settings.database), connectionLimit: 4 });
  cleanups.push(() => admin.end());
  const facts = await machineFacts(admin);
  const [statusRows] = (await admin.query(
    `SELECT status, COUNT(*) AS n, SUM(idnumber <> '') AS lettered FROM \`${PLUGIN_PREFIX}local_shop_bill\` GROUP BY status`,
  )) as unknown as [Array<{ status: string; n: number; lettered: string | number }>];
  const statuses = Object.fromEntries(statusRows.map((row) => [row.status, Number(row.n)]));
  const letteredInvoices = statusRows.reduce((sum, row) => sum + Number(row.lettered ?? 0), 0);

  // The write set, and restoring it when we stop whatever happens.
  const writeSet = await prepareWriteSet(admin, settings);
  cleanups.push(async () => {
    await restoreWriteSet(admin, PLUGIN_PREFIX);
    await restoreWriteSet(admin, UPSTREAM_PREFIX);
  });

  // --- The sidecar process: start time and idle memory.
  const compiledEntry = settings.sidecar === 'compiled' ? buildSidecar() : undefined;
  const sidecarOptions = { databaseUrl: databaseUrl(settings), prefix: PLUGIN_PREFIX, secret, poolSize: settings.pool, compiledEntry };
  log(`sidecar: ${compiledEntry ? `node ${compiledEntry}` : 'node --import tsx sidecar/src/server.ts'}`);
  let sidecar: RunningSidecar = await startSidecar(sidecarOptions);
  cleanups.push(() => sidecar.stop());
  const readyMs = [round(sidecar.readyMs, 1)];
  const liveMs = [round(sidecar.liveMs, 1)];
  log(`sidecar pid ${sidecar.pid} ready in ${sidecar.readyMs.toFixed(0)} ms: ${JSON.stringify(sidecar.readiness)}`);
  await sleep(1000);
  const rssIdleMb = memoryOf(sidecar.pid).rssMb;
  const client = signedClient(sidecar.port, secret, settings.clients);
  cleanups.push(async () => client.close());

  // --- List pages through the sidecar.
  const pageSize = settings.pageSize;
  const lists: ListCase[] = [];
  const upstream = upstreamQueries(UPSTREAM_PREFIX, pageSize);
  const upstreamPool = mysql.createPool({ ...connectionOptions(settings, settings.database), connectionLimit: 1 });
  cleanups.push(() => upstreamPool.end());
  upstreamPool.on('connection', (connection) => {
    // Bound each upstream query (seconds); a query past it fails the run instead of hanging it.
    connection.query('SET SESSION max_statement_time = 300');
  });

  // Values to search for, taken from bills no writer touches.
  const [samples] = (await admin.query(
    `SELECT id, idnumber, transactionid FROM \`${PLUGIN_PREFIX}local_shop_bill\`
      WHERE id % 17 = 1 AND idnumber <> '' AND id >= ? ORDER BY id LIMIT 1`,
    [Math.floor(settings.bills / 2)],
  )) as unknown as [Array<{ id: number; idnumber: string; transactionid: string }>];
  const sample = samples[0]!;
  const sampleBill = await client.request('GET', `/v1/bills/${sample.id}`);
  if (sampleBill.status !== 200) throw new Error(`GET /v1/bills/${sample.id}: HTTP ${sampleBill.status}`);
  const sampleNumber: string = sampleBill.json.bill.number;
  const customerName = 'Martin';
  const nothing = 'Zzyzx';

  type Case = { name: string; path: string; upstream: UpstreamQuery | UpstreamQuery[] | null; check?: (json: any) => string | null };
  const tabCases: Case[] = UPSTREAM_TABS.map((tab) => ({
    name: tab === 'ALL' ? 'Tab all, first page' : `Tab ${tab}, first page`,
    path: `/v1/bills?status=${tab === 'ALL' ? 'all' : tab}`,
    upstream: upstream.tabPage(tab, 0),
  }));
  const searchCases: Case[] = [
    {
      name: 'Unlettered paid/completed (worklist), first page',
      path: '/v1/bills?status=SOLDOUT,COMPLETE&lettered=no',
      upstream: upstream.unletteredPage(),
      check: (json) => (json.items.length === pageSize && json.items.every((item: any) => item.lettering === '') ? null : 'not a full page of unlettered bills'),
    },
    {
      name: 'Search by lettering',
      path: `/v1/bills?q=${encodeURIComponent(sample.idnumber)}`,
      upstream: upstream.findByLettering(sample.idnumber),
      check: (json) => (json.items.some((item: any) => item.id === sample.id) ? null : 'the lettered bill is not found'),
    },
    {
      name: 'Search by invoice number',
      path: `/v1/bills?q=${encodeURIComponent(sampleNumber)}`,
      upstream: upstream.searchById(sample.id),
      check: (json) => (json.items.length === 1 && json.items[0].id === sample.id ? null : 'the bill is not found'),
    },
    {
      name: 'Search by transaction code',
      path: `/v1/bills?q=${encodeURIComponent(sample.transactionid)}`,
      upstream: upstream.searchByTransaction(sample.transactionid),
      check: (json) => (json.items.some((item: any) => item.id === sample.id) ? null : 'the bill is not found'),
    },
    {
      name: `Search by customer name (${customerName})`,
      path: `/v1/bills?q=${customerName}`,
      upstream: upstream.searchByCustomerName(customerName),
      check: (json) => (json.items.length === pageSize ? null : 'not a full page'),
    },
    {
      name: 'Search that matches nothing',
      path: `/v1/bills?q=${nothing}`,
      upstream: upstream.searchByCustomerName(nothing),
      check: (json) => (json.items.length === 0 ? null : 'found something'),
    },
    // Broad prefixes (sidecar only): the search picks a plan by how many bills a prefix matches.
    {
      name: `Search by a lettering prefix of older bills (${sample.idnumber.slice(0, 7)})`,
      path: `/v1/bills?q=${encodeURIComponent(sample.idnumber.slice(0, 7))}`,
      upstream: null,
      check: (json) => (json.items.length === pageSize ? null : 'not a full page'),
    },
    {
      name: `Search in the COMPLETE tab by a lettering prefix of older bills (${sample.idnumber.slice(0, 7)})`,
      path: `/v1/bills?status=COMPLETE&q=${encodeURIComponent(sample.idnumber.slice(0, 7))}`,
      upstream: null,
      check: (json) => (json.items.length === pageSize ? null : 'not a full page'),
    },
    {
      name: 'Search by a lettering prefix every lettering has (FA-)',
      path: '/v1/bills?q=FA-',
      upstream: null,
      check: (json) => (json.items.length === pageSize ? null : 'not a full page'),
    },
    {
      name: `Search by a transaction code prefix of older bills (${sample.transactionid.slice(0, 11)})`,
      path: `/v1/bills?q=${encodeURIComponent(sample.transactionid.slice(0, 11))}`,
      upstream: null,
      check: (json) => (json.items.some((item: any) => item.transactionid.startsWith(sample.transactionid.slice(0, 11))) ? null : 'nothing found'),
    },
    {
      name: `Search by customer name in the COMPLETE tab, unlettered (${customerName})`,
      path: `/v1/bills?status=COMPLETE&lettered=no&q=${customerName}`,
      upstream: null,
      check: (json) => (json.items.length === pageSize && json.items.every((item: any) => item.lettering === '') ? null : 'not a full page of unlettered bills'),
    },
  ];

  const sidecarFigures = new Map<string, { summary: LatencySummary & { failed: number; failure?: string }; items: number }>();
  for (const item of [...tabCases, ...searchCases]) {
    const { summary, last } = await timeRequests(client, item.path, settings.listRuns);
    const problem = last ? (item.check?.(last) ?? null) : null;
    if (problem) throw new Error(`${item.name} (${item.path}): ${problem}`);
    sidecarFigures.set(item.name, { summary, items: last?.items.length ?? 0 });
    log(`  sidecar ${item.name}: p50 ${summary.p50} ms, p95 ${summary.p95} ms (${last?.items.length ?? 0} items)`);
  }

  // The deep page: follow nextCursor page after page, then time the page reached.
  log(`walking ${settings.deepPages.toLocaleString('en')} pages of COMPLETE by cursor...`);
  let cursor: string | null = null;
  const walk: number[] = [];
  for (let page = 0; page < settings.deepPages; page++) {
    const path: string = `/v1/bills?status=COMPLETE${cursor ? `&cursor=${cursor}` : ''}`;
    const { ms, value } = await timed(() => client.request('GET', path));
    if (value.status !== 200 || !value.json.nextCursor) throw new Error(`page ${page + 1} of COMPLETE: HTTP ${value.status}, nextCursor ${value.json?.nextCursor}`);
    walk.push(ms);
    cursor = value.json.nextCursor;
    if ((page + 1) % 1000 === 0) log(`  page ${page + 1}: ${ms.toFixed(1)} ms`);
  }
  const deepWalk = { ...summarize(walk), pages: settings.deepPages };
  const deepCase: Case = {
    name: `Tab COMPLETE, page ${(settings.deepPages + 1).toLocaleString('en')} (cursor; upstream: OFFSET ${(settings.deepPages * pageSize).toLocaleString('en')})`,
    path: `/v1/bills?status=COMPLETE&cursor=${cursor}`,
    upstream: upstream.tabPage('COMPLETE', settings.deepPages),
  };
  {
    const { summary, last } = await timeRequests(client, deepCase.path, settings.listRuns);
    sidecarFigures.set(deepCase.name, { summary, items: last?.items.length ?? 0 });
    log(`  sidecar deep page: p50 ${summary.p50} ms, p95 ${summary.p95} ms`);
  }

  // Counts for the tabs.
  const countsSidecar = (await timeRequests(client, '/v1/bills/counts', settings.countRuns)).summary;
  log(`  sidecar counts: p50 ${countsSidecar.p50} ms, p95 ${countsSidecar.p95} ms`);
  const countsUnletteredSidecar = (await timeRequests(client, '/v1/bills/counts?lettered=no', settings.countRuns)).summary;
  log(`  sidecar counts of unlettered bills: p50 ${countsUnletteredSidecar.p50} ms, p95 ${countsUnletteredSidecar.p95} ms`);

  // --- Lettering writes: the sidecar over HTTP, then the floor, from the same data.
  const databasePid = databaseServerPid();
  const columnInfo = { charset: 'utf8mb4', collation: 'utf8mb4_unicode_ci' };
  {
    const [rows] = (await admin.query(
      `SELECT CHARACTER_SET_NAME AS charset, COLLATION_NAME AS collation FROM information_schema.COLUMNS
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND COLUMN_NAME = 'idnumber'`,
      [`${PLUGIN_PREFIX}local_shop_bill`],
    )) as unknown as [Array<{ charset: string; collation: string }>];
    if (rows[0]) Object.assign(columnInfo, { charset: rows[0].charset.toLowerCase(), collation: rows[0].collation.toLowerCase() });
  }
  // One writer alone: the latency of a single lettering, to set against upstream's.
  const single = await runWriteLoad({ perClient: [writeSet.perClient[0]!], heldReferences: writeSet.heldReferences }, sidecarExecutor(client), {
    warmupSeconds: 1,
    seconds: 3,
  });
  log(`  sidecar, one writer: p50 ${single.latency.p50} ms (${single.throughput} writes/s)`);
  await restoreWriteSet(admin, PLUGIN_PREFIX);
  let rssPeakDuringWrites = 0;
  const rssSampler = setInterval(() => {
    try {
      rssPeakDuringWrites = Math.max(rssPeakDuringWrites, memoryOf(sidecar.pid).rssMb);
    } catch {
      // process gone
    }
  }, 250);
  const sidecarWrites = await measuredWriteRun('sidecar writes', writeSet, sidecarExecutor(client), { sidecar: sidecar.pid, database: databasePid });
  clearInterval(rssSampler);
  const rssEndOfWritesMb = sidecarWrites.rssEndMb;
  const rssPeakMb = Math.max(rssPeakDuringWrites, memoryOf(sidecar.pid).peakMb);
  log(`  restored ${await restoreWriteSet(admin, PLUGIN_PREFIX)} bills`);

  const floorPool = createFloorPool(connectionOptions(settings, settings.database), settings.pool);
  cleanups.push(() => floorPool.end());
  const floorWrites = await measuredWriteRun('floor writes', writeSet, floorExecutor(floorPool, PLUGIN_PREFIX, columnInfo), {
    sidecar: null,
    database: databasePid,
  });
  log(`  restored ${await restoreWriteSet(admin, PLUGIN_PREFIX)} bills`);

  // The HTTP floor: the same writes through a bare node:http service (its own process) doing the floor's transaction.
  const httpFloor = await startSidecar({ ...sidecarOptions, entry: 'sidecar/bench/http-floor.ts' });
  cleanups.push(() => httpFloor.stop());
  const httpFloorClient = signedClient(httpFloor.port, secret, settings.clients);
  const httpFloorWrites = await measuredWriteRun('HTTP floor writes', writeSet, sidecarExecutor(httpFloorClient), {
    sidecar: httpFloor.pid,
    database: databasePid,
  });
  const httpFloorRssMb = httpFloorWrites.rssEndMb;
  httpFloorClient.close();
  await httpFloor.stop();
  log(`  restored ${await restoreWriteSet(admin, PLUGIN_PREFIX)} bills`);

  // --- Upstream: one lettering at a time (check without index + update), then its list queries.
  log(`upstream lettering writes (${settings.upstreamWriteRuns} runs)...`);
  const upstreamWriteLatencies: number[] = [];
  for (let i = 0; i < settings.upstreamWriteRuns; i++) {
    const bill = writeSet.perClient[i % writeSet.perClient.length]![0]!;
    const { ms, value } = await timed(() => upstream.letter(upstreamPool, bill.id, `BX-UP-${String(i).padStart(6, '0')}`));
    if (value !== 'ok') throw new Error(`upstream lettering of ${bill.id}: ${value}`);
    upstreamWriteLatencies.push(ms);
  }
  await restoreWriteSet(admin, UPSTREAM_PREFIX);
  const upstreamWrites = { ...summarize(upstreamWriteLatencies), note: 'one connection, one lettering at a time: bill by id, idnumber = ? AND id <> ? (full scan), UPDATE of the whole row' };
  log(`  upstream lettering: p50 ${upstreamWrites.p50} ms`);

  for (const item of [...tabCases, deepCase, ...searchCases]) {
    const figures = sidecarFigures.get(item.name)!;
    let upstreamFigures: ListCase['upstream'] = null;
    if (item.upstream) {
      log(`  upstream ${item.name}...`);
      upstreamFigures = await timeUpstream(upstreamPool, item.upstream, settings.upstreamRuns);
      log(`    p50 ${upstreamFigures.p50} ms`);
    }
    lists.push({
      name: item.name,
      request: item.path.length > 120 ? `${item.path.slice(0, 117)}...` : item.path,
      items: figures.items,
      sidecar: figures.summary,
      upstream: upstreamFigures,
      speedup: upstreamFigures ? round(upstreamFigures.p50 / figures.summary.p50, 1) : null,
    });
  }
  log('  upstream counts...');
  const countsUpstream = { ...(await timeUpstream(upstreamPool, upstream.tabCounts(), settings.upstreamRuns)), queries: upstream.tabCounts().length };

  // --- Memory at the end, then two more starts for the start time.
  const rssEndMb = memoryOf(sidecar.pid).rssMb;
  client.close();
  await sidecar.stop();
  for (let i = 0; i < 2; i++) {
    sidecar = await startSidecar(sidecarOptions);
    readyMs.push(round(sidecar.readyMs, 1));
    liveMs.push(round(sidecar.liveMs, 1));
    await sidecar.stop();
  }

  const [pluginIndexes, upstreamIndexes] = await Promise.all([
    describeIndexes(admin, `${PLUGIN_PREFIX}local_shop_bill`),
    describeIndexes(admin, `${UPSTREAM_PREFIX}local_shop_bill`),
  ]);
  const partial: Omit<BenchResults, 'targets'> = {
    meta: {
      date: new Date().toISOString(),
      commit: facts.commit,
      command: 'npm run bench',
      node: process.versions.node,
      database: facts.version,
      cpus: os.availableParallelism(),
      memoryGb: Math.round(os.totalmem() / 1073741824),
      bufferPoolMb: facts.bufferPoolMb,
      flushLogAtTrxCommit: facts.flush,
      loadBefore,
      loadAfter: os.loadavg().map((l) => round(l)),
      bills: settings.bills,
      statuses,
      letteredInvoices,
      seedSeconds: prepared.seedSeconds === null ? null : round(prepared.seedSeconds, 0),
      totalSeconds: round(since(began) / 1000, 0),
      indexes: { plugin: pluginIndexes, upstream: upstreamIndexes },
      settings: { ...settings, server: { ...settings.server, password: settings.server.password ? '***' : '' } } as Record<string, unknown>,
    },
    writes: {
      sidecar: sidecarWrites,
      floor: floorWrites,
      ratio: round(sidecarWrites.throughput / floorWrites.throughput, 2),
      httpFloor: { ...httpFloorWrites, rssMb: httpFloorRssMb },
      httpFloorRatio: round(httpFloorWrites.throughput / floorWrites.throughput, 2),
      sidecarOneWriter: single.latency,
      upstream: upstreamWrites,
    },
    lists,
    deepWalk,
    counts: {
      sidecar: countsSidecar,
      upstream: countsUpstream,
      speedup: round(countsUpstream.p50 / countsSidecar.p50, 1),
      unletteredSidecar: countsUnletteredSidecar,
    },
    process: { started: compiledEntry ? `node ${compiledEntry.replace(REPO_ROOT, '')}` : 'node --import tsx sidecar/src/server.ts', readyMs, liveMs, rssIdleMb, rssEndOfWritesMb, rssPeakMb, rssEndMb, readiness: sidecar.readiness },
  };
  const results: BenchResults = { ...partial, targets: evaluateTargets(partial) };
  writeJson(settings.out, results);
  process.stdout.write(`\n${markdownTable(results)}\n\nFigures: ${settings.out}\n`);
}

main()
  .then(cleanup)
  .catch(async (error: unknown) => {
    process.stderr.write(`benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    await cleanup();
    process.exit(1);
  });

