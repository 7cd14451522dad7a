/**
 * SIGTERM to the real service process during traffic: requests in flight
 * complete, new connections are refused, the process exits cleanly, and no
 * acknowledged write is missing.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database.js';
import { insertBill, insertCustomer, insertShop } from '../support/fixtures.js';
import { TEST_SECRET } from '../support/service.js';
import { startTraffic, summarize } from '../support/traffic.js';
import { freePort } from '../../sidecar/scripts/free-port.js';

const P = 'mdl_';
let throwaway: ThrowawayDatabase;
const bills: number[] = [];

beforeAll(async () => {
  throwaway = await createThrowawayDatabase();
  const shop = await insertShop(throwaway.admin, P);
  const customer = await insertCustomer(throwaway.admin, P, { shopid: shop });
  for (let i = 0; i < 48; i++) bills.push(await insertBill(throwaway.admin, P, { shopid: shop, customerid: customer }));
});
afterAll(async () => {
  await throwaway?.drop();
});

describe('shutdown under load', () => {
  it('drains in-flight requests, refuses new ones, exits 0 and loses no acknowledged write', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'sidecar/src/server.ts'], {
      env: {
        PATH: process.env.PATH,
        LETTERING_DATABASE_URL: throwaway.url,
        LETTERING_SECRET: TEST_SECRET,
        LETTERING_PORT: String(port),
        LETTERING_LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 200 && !(await fetch(`${base}/health/ready`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 50));

    const traffic = startTraffic({
      base,
      clients: 8,
      // Each client owns 6 bills, so its acknowledged values are the final ones.
      next: (client, step) => (step % 4 === 3 ? { kind: 'read', path: '/v1/bills?limit=5' } : { kind: 'write', billId: bills[client * 6 + (step % 6)]!, lettering: `DRAIN-${client}-${step}` }),
    });
    await new Promise((r) => setTimeout(r, 700));
    const beforeSignal = traffic.outcomes.length;
    child.kill('SIGTERM');
    const code = await exited;
    const outcomes = await traffic.stop();

    expect(code).toBe(0);
    expect(output).toContain('"msg":"shutting down"');
    expect(output).toContain('"msg":"stopped"');
    const afterSignal = outcomes.slice(beforeSignal);
    // Answered requests are successes or expected refusals; nothing else but refused connections.
    const unexpected = outcomes.filter((o) => !o.networkError && o.status !== 200);
    expect(unexpected).toEqual([]);
    expect(outcomes.slice(0, beforeSignal).every((o) => o.status === 200)).toBe(true);
    expect(afterSignal.some((o) => o.networkError)).toBe(true);

    const last = new Map<number, string>();
    for (const o of outcomes) if (o.kind === 'write' && o.status === 200) last.set(o.billId!, o.lettering!);
    const [rows] = (await throwaway.admin.query(`SELECT id, idnumber FROM ${P}local_shop_bill`)) as unknown as [Array<{ id: number; idnumber: string }>];
    const stored = new Map(rows.map((r) => [r.id, r.idnumber]));
    const lost = [...last].filter(([id, value]) => stored.get(id) !== value);
    expect(lost).toEqual([]);
    console.log(`shutdown under load: ${JSON.stringify({ requests: outcomes.length, answeredAfterSignal: afterSignal.filter((o) => !o.networkError).length, refusedConnections: afterSignal.filter((o) => o.networkError).length, answers: summarize(outcomes), lostWrites: lost.length })}`);
  });
});
