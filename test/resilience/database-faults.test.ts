/**
 * The database goes away under traffic: every connection killed, then the
 * server stopped and started again. Requests must answer (503 with a clear
 * message, never a 500, never a hang), readiness must turn red then green
 * without a restart of the service, and no acknowledged write may be lost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../sidecar/src/server.js';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database.js';
import { insertBill, insertCustomer, insertShop } from '../support/fixtures.js';
import { startPrivateMariaDb, type PrivateMariaDb } from '../support/private-mariadb.js';
import { createTestService, type TestService } from '../support/service.js';
import { startTraffic, summarize, type Outcome } from '../support/traffic.js';

const P = 'mdl_';
const TIMEOUT_MS = 1500;
let mariadb: PrivateMariaDb;
let throwaway: ThrowawayDatabase;
let service: TestService;
let running: RunningServer;
let base: string;
let bills: number[] = [];
/** Every write answered, per bill, in the order its one client sent them. */
const writes = new Map<number, Outcome[]>();
const report: Record<string, unknown> = {};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function ready(): Promise<number> {
  return (await fetch(`${base}/health/ready`, { signal: AbortSignal.timeout(5000) })).status;
}

/** Writes of unique values to distinct bills, and reads, from 8 clients. */
function traffic(tag: string) {
  return startTraffic({
    base,
    clients: 8,
    language: 'fr',
    requestTimeoutMs: TIMEOUT_MS + 5000,
    next: (client, step) =>
      step % 3 === 2
        ? { kind: 'read', path: '/v1/bills?status=COMPLETE&limit=10' }
        : // Each client owns 8 bills, so the writes of one bill are sequential and their order known.
          { kind: 'write', billId: bills[client * 8 + (step % 8)]!, lettering: `${tag}-${client}-${step}` },
  });
}

function remember(outcomes: readonly Outcome[]) {
  // Each bill is written by one client, one call at a time, so this order is the order of the writes.
  for (const outcome of outcomes) {
    if (outcome.kind !== 'write' || !outcome.billId) continue;
    writes.set(outcome.billId, [...(writes.get(outcome.billId) ?? []), outcome]);
  }
}

function expectOnlyCleanAnswers(outcomes: readonly Outcome[]) {
  const bad = outcomes.filter((o) => o.networkError || o.status >= 500 && o.status !== 503 || o.status === 0);
  expect(bad, JSON.stringify(bad.slice(0, 3))).toEqual([]);
  for (const outcome of outcomes.filter((o) => o.status === 503)) {
    expect(['DATABASE_UNAVAILABLE', 'TIMEOUT', 'BUSY', 'WRITE_UNCONFIRMED']).toContain(outcome.code);
    expect(outcome.message).toMatch(/réessayer/);
  }
  const slowest = Math.max(...outcomes.map((o) => o.ms));
  // Reads answer by the request timeout; writes by the timeout and their short grace.
  expect(slowest).toBeLessThan(TIMEOUT_MS + 2500);
  return slowest;
}

beforeAll(async () => {
  mariadb = await startPrivateMariaDb();
  throwaway = await createThrowawayDatabase({ server: { host: '127.0.0.1', port: mariadb.port, user: 'root', password: '' } });
  service = await createTestService({ LETTERING_REQUEST_TIMEOUT_MS: String(TIMEOUT_MS), LETTERING_LOG_LEVEL: 'silent' }, { throwaway });
  running = await startServer(service.config, service);
  base = `http://127.0.0.1:${running.port}`;
  const shop = await insertShop(throwaway.admin, P);
  const customer = await insertCustomer(throwaway.admin, P, { shopid: shop });
  for (let i = 0; i < 64; i++) bills.push(await insertBill(throwaway.admin, P, { shopid: shop, customerid: customer }));
});

afterAll(async () => {
  await running?.stop();
  await throwaway?.admin.end().catch(() => undefined);
  await mariadb?.destroy();
  // The figures of this run, for the README's resilience table.
  console.log(`database faults: ${JSON.stringify(report)}`);
});

describe('database faults under traffic', () => {
  it('answers cleanly when every connection is killed, and recovers by itself', async () => {
    const load = traffic('KILL');
    await sleep(500);
    let killed = 0;
    for (let i = 0; i < 3; i++) {
      killed += await mariadb.killConnections();
      await sleep(200);
    }
    await sleep(500);
    const outcomes = await load.stop();
    remember(outcomes);
    const slowest = expectOnlyCleanAnswers(outcomes);
    expect(killed).toBeGreaterThan(0);
    // Recovered without a restart: the next calls succeed.
    const after = traffic('AFTERKILL');
    await sleep(400);
    const recovered = await after.stop();
    remember(recovered);
    expect(recovered.filter((o) => o.status === 200).length).toBeGreaterThan(0);
    expect(recovered.every((o) => o.status === 200)).toBe(true);
    report.kill = { requests: outcomes.length, killedConnections: killed, answers: summarize(outcomes), slowestMs: Math.round(slowest) };
  });

  it('answers 503 while the server is down, turns not ready, and comes back when it returns', async () => {
    const load = traffic('STOP');
    await sleep(400);
    await mariadb.stop();
    await sleep(300);
    expect(await ready()).toBe(503);
    await sleep(800);
    const duringOutage = load.outcomes.length;
    await mariadb.start();
    let recoveredAfterMs = 0;
    const restarted = Date.now();
    while ((await ready()) !== 200) {
      expect(Date.now() - restarted).toBeLessThan(10000);
      await sleep(50);
    }
    recoveredAfterMs = Date.now() - restarted;
    await sleep(500);
    const outcomes = await load.stop();
    remember(outcomes);
    const slowest = expectOnlyCleanAnswers(outcomes);
    expect(outcomes.filter((o) => o.status === 503).length).toBeGreaterThan(0);
    expect(outcomes.slice(duringOutage).some((o) => o.status === 200)).toBe(true);
    report.stop = { requests: outcomes.length, answers: summarize(outcomes), slowestMs: Math.round(slowest), readyAgainAfterMs: recoveredAfterMs };
  });

  it('answers TIMEOUT while the server hangs, and commits nothing it answered TIMEOUT for', async () => {
    const load = traffic('HANG');
    await sleep(400);
    mariadb.pause();
    await sleep(TIMEOUT_MS + 2500);
    mariadb.resume();
    await sleep(500);
    const outcomes = await load.stop();
    remember(outcomes);
    const slowest = expectOnlyCleanAnswers(outcomes);
    expect(outcomes.filter((o) => o.code === 'TIMEOUT').length).toBeGreaterThan(0);
    // Give anything left in the database's queue the time to run, then check below that
    // no write answered TIMEOUT was committed after all.
    await sleep(500);
    report.hang = { requests: outcomes.length, answers: summarize(outcomes), slowestMs: Math.round(slowest) };
  });

  it('lost no acknowledged write, and applied none it said it had not', async () => {
    const [rows] = (await throwaway.admin.query(`SELECT id, idnumber FROM ${P}local_shop_bill`)) as unknown as [Array<{ id: number; idnumber: string }>];
    const stored = new Map(rows.map((row) => [row.id, row.idnumber]));
    const wrong: unknown[] = [];
    let unconfirmed = 0;
    for (const [bill, history] of writes) {
      // The bill must hold its last acknowledged value, or the value of a write after it that was
      // answered WRITE_UNCONFIRMED (the database may have applied it). A write answered
      // TIMEOUT, BUSY or DATABASE_UNAVAILABLE was promised to have changed nothing.
      const lastAcknowledged = history.map((o) => o.status).lastIndexOf(200);
      const candidates = new Set<string>([lastAcknowledged >= 0 ? history[lastAcknowledged]!.lettering! : '']);
      for (const later of history.slice(lastAcknowledged + 1)) {
        if (later.code === 'WRITE_UNCONFIRMED' || later.networkError) candidates.add(later.requested!);
      }
      unconfirmed += history.filter((o) => o.code === 'WRITE_UNCONFIRMED').length;
      if (!candidates.has(stored.get(bill) ?? '')) wrong.push({ bill, stored: stored.get(bill), candidates: [...candidates], last: history.slice(-3) });
    }
    expect(writes.size).toBeGreaterThan(10);
    expect(wrong).toEqual([]);
    report.billsChecked = writes.size;
    report.unconfirmedWrites = unconfirmed;
    report.lostOrPhantomWrites = wrong.length;
  });
});
