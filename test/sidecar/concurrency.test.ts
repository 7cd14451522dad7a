/**
 * Uniqueness under concurrency, over a real listening server: many clients
 * letter different bills with one reference at the same moment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../sidecar/src/server.js';
import { insertBill, insertCustomer, insertShop } from '../support/fixtures.js';
import { createTestService, signedRequest, type TestService } from '../support/service.js';

let service: TestService;
let running: RunningServer;
let base: string;
let shop: number;
let customer: number;
const P = 'mdl_';

beforeAll(async () => {
  service = await createTestService({ LETTERING_DB_POOL_SIZE: '16', LETTERING_LOG_LEVEL: 'silent' });
  running = await startServer(service.config, service);
  base = `http://127.0.0.1:${running.port}`;
  shop = await insertShop(service.throwaway.admin, P);
  customer = await insertCustomer(service.throwaway.admin, P, { shopid: shop });
});
afterAll(async () => {
  await running?.stop();
  await service?.throwaway.drop();
});

async function newBills(count: number, idnumber = ''): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) ids.push(await insertBill(service.throwaway.admin, P, { shopid: shop, customerid: customer, idnumber }));
  return ids;
}

async function letter(billId: number, body: unknown): Promise<{ status: number; json: any }> {
  // fetch adds "Accept-Language: *" when none is set: sign the language we send.
  const request = signedRequest('PUT', `/v1/bills/${billId}/lettering`, { body, language: 'en' }, base);
  const response = await fetch(request);
  return { status: response.status, json: await response.json() };
}

/** Bills holding a reference, compared as the column's collation compares. */
async function holders(reference: string): Promise<number> {
  const [rows] = (await service.throwaway.admin.query(`SELECT COUNT(*) AS n FROM ${P}local_shop_bill WHERE idnumber = ?`, [reference])) as unknown as [Array<{ n: number }>];
  return Number(rows[0]!.n);
}

function tally(results: Array<{ status: number; json: any }>) {
  const counts: Record<string, number> = {};
  for (const result of results) {
    const key = result.status === 200 ? 'ok' : (result.json?.error?.code ?? String(result.status));
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe('one reference, many writers', () => {
  it.each([1, 2, 3, 4, 5])('lets exactly one of 40 parallel writers win (round %i)', async (round) => {
    const bills = await newBills(40);
    const reference = `RACE-${round}`;
    const results = await Promise.all(bills.map((bill) => letter(bill, { lettering: reference })));
    expect(tally(results)).toEqual({ ok: 1, LETTERING_DUPLICATE: 39 });
    expect(await holders(reference)).toBe(1);
    const winner = bills[results.findIndex((r) => r.status === 200)];
    for (const loser of results.filter((r) => r.status !== 200)) expect(loser.json.error.details.billid).toBe(winner);
  });

  it('treats case, accents and surrounding spaces as the same reference', async () => {
    const variants = ['Accent-Race-é', 'ACCENT-RACE-E', 'accent-race-è', '  Accent-Race-É ', 'accent-race-e\t'];
    const bills = await newBills(40);
    const results = await Promise.all(bills.map((bill, i) => letter(bill, { lettering: variants[i % variants.length] })));
    expect(tally(results)).toEqual({ ok: 1, LETTERING_DUPLICATE: 39 });
    expect(await holders('accent-race-e')).toBe(1);
  });

  it('never blocks writers of different references on each other', async () => {
    const bills = await newBills(80);
    const results = await Promise.all(bills.map((bill, i) => letter(bill, { lettering: `DISTINCT-${i}` })));
    expect(tally(results)).toEqual({ ok: 80 });
  });

  it('lets one of several editors of one bill win when all saw the same value', async () => {
    const [bill] = await newBills(1, 'START-1');
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => letter(bill!, { lettering: `EDIT-${i}`, expected: 'START-1' })),
    );
    expect(tally(results)).toEqual({ ok: 1, LETTERING_STALE: 29 });
  });

  it('survives a storm of sets, changes, clears and duplicates with no server error', async () => {
    const bills = await newBills(24);
    const references = Array.from({ length: 6 }, (_, i) => `STORM-${i}`);
    const operations: Array<Promise<{ status: number; json: any }>> = [];
    for (let i = 0; i < 300; i++) {
      const bill = bills[(i * 7) % bills.length]!;
      const body = i % 5 === 0 ? { lettering: '' } : { lettering: references[(i * 13) % references.length] };
      operations.push(letter(bill, body));
    }
    const results = await Promise.all(operations);
    const statuses = new Set(results.map((r) => r.status));
    expect([...statuses].every((status) => status === 200 || status === 409)).toBe(true);
    for (const reference of references) expect(await holders(reference)).toBeLessThanOrEqual(1);
  });
});
