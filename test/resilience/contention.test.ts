/**
 * Contention soak: clients set, change and clear overlapping references on
 * overlapping bills for a while. Afterwards no reference is held by two
 * bills, every bill holds what its acknowledged changes lead to, and no
 * client ever saw a server error or a deadlock.
 *
 * CI runs it briefly; `npm run soak` runs it longer (SOAK_SECONDS, SOAK_CLIENTS).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../sidecar/src/server.js';
import { insertBill, insertCustomer, insertShop } from '../support/fixtures.js';
import { createTestService, signedRequest, type TestService } from '../support/service.js';
import { finalValueOfTrail } from '../support/traffic.js';

const P = 'mdl_';
const SECONDS = Number(process.env.SOAK_SECONDS ?? 6);
const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 16);
const BILLS = 12;
// Variants of one reference differ by case, accent or spaces: the database sees them as one.
const REFERENCES = ['SOAK-A', 'soak-a', 'SOAK-B', 'Soak-É', 'SOAK-E ', 'SOAK-C', 'SOAK-D', 'soak-d', 'SOAK-F', ''];

let service: TestService;
let running: RunningServer;
let base: string;
const bills: number[] = [];

beforeAll(async () => {
  service = await createTestService({ LETTERING_DB_POOL_SIZE: '16', LETTERING_LOG_LEVEL: 'silent' });
  running = await startServer(service.config, service);
  base = `http://127.0.0.1:${running.port}`;
  const shop = await insertShop(service.throwaway.admin, P);
  const customer = await insertCustomer(service.throwaway.admin, P, { shopid: shop });
  for (let i = 0; i < BILLS; i++) bills.push(await insertBill(service.throwaway.admin, P, { shopid: shop, customerid: customer, status: i % 2 ? 'COMPLETE' : 'SOLDOUT' }));
});
afterAll(async () => {
  await running?.stop();
  await service?.throwaway.drop();
});

describe('contention soak', () => {
  it(`keeps references unique and acknowledged values in place (${CLIENTS} clients, ${SECONDS} s)`, async () => {
    const known = new Map<number, string>(bills.map((bill) => [bill, '']));
    const changes = new Map<number, Array<{ previous: string; lettering: string }>>(bills.map((bill) => [bill, []]));
    const answers: Record<string, number> = {};
    const stopAt = Date.now() + SECONDS * 1000;
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);

    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (Date.now() < stopAt) {
          const bill = bills[Math.floor(random() * bills.length)]!;
          const lettering = REFERENCES[Math.floor(random() * REFERENCES.length)]!;
          const expected = known.get(bill)!;
          const response = await fetch(signedRequest('PUT', `/v1/bills/${bill}/lettering`, { body: { lettering, expected }, language: 'en' }, base));
          const json = (await response.json()) as any;
          const key = response.status === 200 ? '200' : `${response.status} ${json.error?.code}`;
          answers[key] = (answers[key] ?? 0) + 1;
          if (response.status === 200) {
            known.set(bill, json.result.lettering);
            if (json.result.changed) changes.get(bill)!.push({ previous: json.result.previous, lettering: json.result.lettering });
          } else if (json.error?.code === 'LETTERING_STALE') {
            known.set(bill, json.error.details.current);
          }
        }
      }),
    );

    const total = Object.values(answers).reduce((a, b) => a + b, 0);
    console.log(`contention soak: ${JSON.stringify({ clients: CLIENTS, seconds: SECONDS, requests: total, perSecond: Math.round(total / SECONDS), answers })}`);
    // Only successes and the two expected refusals: no 5xx, no BUSY, no deadlock.
    expect(Object.keys(answers).every((key) => ['200', '409 LETTERING_DUPLICATE', '409 LETTERING_STALE'].includes(key)), JSON.stringify(answers)).toBe(true);
    expect(answers['200']).toBeGreaterThan(0);
    expect(answers['409 LETTERING_DUPLICATE']).toBeGreaterThan(0);

    const [duplicates] = (await service.throwaway.admin.query(
      `SELECT idnumber, COUNT(*) AS n FROM ${P}local_shop_bill WHERE idnumber <> '' GROUP BY idnumber HAVING COUNT(*) > 1`,
    )) as unknown as [unknown[]];
    expect(duplicates).toEqual([]);

    const [rows] = (await service.throwaway.admin.query(`SELECT id, idnumber FROM ${P}local_shop_bill`)) as unknown as [Array<{ id: number; idnumber: string }>];
    const stored = new Map(rows.map((row) => [row.id, row.idnumber]));
    for (const bill of bills) expect(stored.get(bill), `bill ${bill}`).toBe(finalValueOfTrail('', changes.get(bill)!));
  }, (SECONDS + 60) * 1000);
});
