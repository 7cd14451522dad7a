/**
 * The bill list, its counts, and one bill, through the HTTP API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertBill, insertCustomer, insertShop } from '../support/fixtures.js';
import { call, createTestService, type TestService } from '../support/service.js';

let service: TestService;
const P = 'mdl_';
const ids: Record<string, number> = {};
let shopA: number;
let shopB: number;
const BASE = Date.UTC(2024, 2, 12, 10, 0) / 1000; // 2024-03-12 11:00 in Paris

const get = (path: string, language?: string) => call(service, 'GET', path, { language });

beforeAll(async () => {
  service = await createTestService();
  const db = service.throwaway.admin;
  shopA = await insertShop(db, P, 'Boutique A');
  shopB = await insertShop(db, P, 'Boutique B');
  const lefevre = await insertCustomer(db, P, { shopid: shopA, firstname: 'Anaïs', lastname: 'Lefèvre', email: 'anais.lefevre@example.org' });
  const martin = await insertCustomer(db, P, { shopid: shopB, firstname: 'Hugo', lastname: 'Martin', email: 'hugo@example.net' });
  const plan: Array<[string, number, number, string, string | null, number]> = [
    // name, shop, customer, status, idnumber, emission offset (s)
    ['c1', shopA, lefevre, 'COMPLETE', 'FA-2024-0001', 0],
    ['c2', shopA, martin, 'COMPLETE', '', 60],
    ['c3', shopB, martin, 'COMPLETE', null, 120],
    ['c4', shopB, lefevre, 'COMPLETE', 'FA-2024-0100', 120],
    ['c5', shopA, lefevre, 'COMPLETE', 'FB_%_odd', 120],
    ['s1', shopA, martin, 'SOLDOUT', '', 180],
    ['s2', shopB, lefevre, 'SOLDOUT', 'FA-2024-0002', 240],
    ['p1', shopA, lefevre, 'PENDING', '', 300],
    ['w1', shopB, martin, 'WORKING', '', 360],
    ['x1', shopA, martin, 'CANCELLED', '', 420],
    ['r1', shopB, martin, 'PAYBACK', 'AV-1', 480],
  ];
  for (const [name, shopid, customerid, status, idnumber, offset] of plan) {
    ids[name] = await insertBill(db, P, { shopid, customerid, status, idnumber, emissiondate: BASE + offset, transactionid: `TXN-${name.toUpperCase()}-${offset}` });
  }
  const [items] = (await db.query(
    `INSERT INTO ${P}local_shop_billitem (billid, ordering, type, itemcode, abstract, description, unitcost, quantity, totalprice, taxcode) VALUES
      (?, 2, 'BILLING', 'CERT-EN', 'English certification', '', '249.500', 1, '249.500', 'TVA20'),
      (?, 1, 'BILLING', 'MOOC-PY', 'Python for beginners', '', '0.100', 3, '0.300', 'TVA20')`,
    [ids.c1, ids.c1],
  )) as unknown as [unknown];
  void items;
});
afterAll(async () => {
  await service?.close();
});

const idsOf = (response: { json: any }) => response.json.items.map((item: any) => item.id);

describe('the bill list', () => {
  it('lists all bills newest first, then by id', async () => {
    const response = await get('/v1/bills');
    expect(response.status).toBe(200);
    expect(idsOf(response)).toEqual(['r1', 'x1', 'w1', 'p1', 's2', 's1', 'c5', 'c4', 'c3', 'c2', 'c1'].map((n) => ids[n]));
    expect(response.json.nextCursor).toBeNull();
    expect(response.json.limit).toBe(20);
  });

  it('shows what a row of the list needs', async () => {
    const response = await get(`/v1/bills?q=B-20240312-${ids.c1}`);
    expect(response.json.items).toEqual([
      {
        id: ids.c1,
        number: `B-20240312-${ids.c1}`,
        emissiondate: BASE,
        status: 'COMPLETE',
        shop: { id: shopA, name: 'Boutique A' },
        amount: '120.500',
        currency: 'EUR',
        transactionid: 'TXN-C1-0',
        customer: expect.objectContaining({ firstname: 'Anaïs', lastname: 'Lefèvre', email: 'anais.lefevre@example.org' }),
        lettering: 'FA-2024-0001',
        letterable: true,
      },
    ]);
  });

  it.each([
    ['COMPLETE', ['c5', 'c4', 'c3', 'c2', 'c1']],
    ['complete,soldout', ['s2', 's1', 'c5', 'c4', 'c3', 'c2', 'c1']],
    ['invoices', ['r1', 's2', 's1', 'c5', 'c4', 'c3', 'c2', 'c1']],
    ['orders', ['w1', 'p1']],
    ['attempts', ['x1']],
    ['all', ['r1', 'x1', 'w1', 'p1', 's2', 's1', 'c5', 'c4', 'c3', 'c2', 'c1']],
  ])('filters by status %s', async (status, expected) => {
    expect(idsOf(await get(`/v1/bills?status=${status}`))).toEqual(expected.map((n) => ids[n]));
  });

  it('filters by shop, lettered and unlettered', async () => {
    expect(idsOf(await get(`/v1/bills?status=COMPLETE&shop=${shopB}`))).toEqual([ids.c4, ids.c3]);
    expect(idsOf(await get('/v1/bills?status=COMPLETE&lettered=no'))).toEqual([ids.c3, ids.c2]);
    expect(idsOf(await get('/v1/bills?status=COMPLETE&lettered=yes'))).toEqual([ids.c5, ids.c4, ids.c1]);
    expect(idsOf(await get('/v1/bills?status=SOLDOUT,COMPLETE&lettered=no'))).toEqual([ids.s1, ids.c3, ids.c2]);
  });

  it.each([
    ['an invoice number', () => `B-20240312-${ids.s2}`, ['s2']],
    ['an invoice number typed loosely', () => ` b-20240312-${ids.s2} `, ['s2']],
    ['a lettering prefix', () => 'FA-2024-000', ['s2', 'c1']],
    ['a lettering, whatever its case', () => 'fa-2024-0100', ['c4']],
    ['a transaction code', () => 'TXN-W1', ['w1']],
    ['a last name without its accent', () => 'lefevre', ['p1', 's2', 'c5', 'c4', 'c1']],
    ['a first name', () => 'Hugo', ['r1', 'x1', 'w1', 's1', 'c3', 'c2']],
    ['an email', () => 'hugo@example', ['r1', 'x1', 'w1', 's1', 'c3', 'c2']],
    ['wildcards taken literally', () => 'FB_%', ['c5']],
    ['a lone percent sign', () => '%', []],
    ['a number with another date', () => `B-19990101-${ids.s2}`, []],
    ['text that matches nothing', () => 'zzz-nothing', []],
  ])('searches by %s', async (_, text, expected) => {
    const response = await get(`/v1/bills?q=${encodeURIComponent(text())}`);
    expect(response.status).toBe(200);
    expect(idsOf(response)).toEqual(expected.map((n) => ids[n]));
  });

  it('answers any punctuation in a search, in the list and the counts', async () => {
    for (const text of ['(', ')', '[', '\\', '*', '+', '?', '.', '$', '^', '|', '{', "'", '"', '`', '%', '_', 'B-', 'B-2024', '12', 'a b', "O'Brien"]) {
      const list = await get(`/v1/bills?q=${encodeURIComponent(text)}`);
      expect(list.status, `${text}: ${list.text}`).toBe(200);
      const counts = await get(`/v1/bills/counts?q=${encodeURIComponent(text)}`);
      expect(counts.status, `${text}: ${counts.text}`).toBe(200);
    }
  });

  it('walks every page by cursor without gaps or repeats, even with equal dates', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await get(`/v1/bills?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.status).toBe(200);
      expect(response.json.items.length).toBeLessThanOrEqual(2);
      seen.push(...idsOf(response));
      cursor = response.json.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    expect(seen).toEqual(['r1', 'x1', 'w1', 'p1', 's2', 's1', 'c5', 'c4', 'c3', 'c2', 'c1'].map((n) => ids[n]));
    expect(pages).toBe(6);
  });

  it('keeps later pages stable when a newer bill arrives meanwhile', async () => {
    const first = await get('/v1/bills?status=COMPLETE&limit=2');
    const newer = await insertBill(service.throwaway.admin, P, {
      shopid: shopA,
      customerid: first.json.items[0].customer.id,
      status: 'COMPLETE',
      emissiondate: BASE + 10_000,
    });
    const second = await get(`/v1/bills?status=COMPLETE&limit=2&cursor=${first.json.nextCursor}`);
    expect(idsOf(second)).toEqual([ids.c3, ids.c2]);
    await service.throwaway.admin.query(`DELETE FROM ${P}local_shop_bill WHERE id = ?`, [newer]);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=ten', 'limit'],
    ['cursor=garbage!', 'cursor'],
    [`cursor=${Buffer.from('[1,-5]').toString('base64url')}`, 'cursor'],
    ['status=DONE', 'status'],
    ['status=COMPLETE&status=SOLDOUT', 'status'],
    ['shop=0', 'shop'],
    ['shop=-3', 'shop'],
    ['lettered=maybe', 'lettered'],
    [`q=${'x'.repeat(101)}`, 'q'],
    ['q=%00', 'q'],
    ['order=id', 'order'],
  ])('refuses %s with a message naming %s', async (query, field) => {
    const response = await get(`/v1/bills?${query}`, 'fr');
    expect(response.status).toBe(400);
    expect(response.json.error).toMatchObject({ code: 'VALIDATION_FAILED', status: 400, details: { field } });
    expect(response.json.error.message).toContain(`« ${field} »`);
  });
});

describe('tab counts', () => {
  it('counts bills per status and per group', async () => {
    const response = await get('/v1/bills/counts');
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      statuses: { COMPLETE: 5, SOLDOUT: 2, PENDING: 1, WORKING: 1, CANCELLED: 1, PAYBACK: 1 },
      groups: { invoices: 8, orders: 2, attempts: 1, all: 11 },
      capped: false,
      computedAt: expect.any(Number),
    });
    expect(Math.abs(response.json.computedAt - Date.now() / 1000)).toBeLessThan(60);
  });

  it('counts the matches of a search by status, found as the list finds them', async () => {
    expect((await get('/v1/bills/counts?q=lefevre')).json).toMatchObject({ statuses: { COMPLETE: 3, SOLDOUT: 1, PENDING: 1 }, groups: { all: 5 }, capped: false });
    expect((await get('/v1/bills/counts?q=lefevre&lettered=no')).json.statuses).toEqual({ PENDING: 1 });
    expect((await get(`/v1/bills/counts?q=B-20240312-${ids.w1}`)).json.statuses).toEqual({ WORKING: 1 });
    expect((await get(`/v1/bills/counts?q=B-19990101-${ids.w1}`)).json.statuses).toEqual({});
    expect((await get('/v1/bills/counts?q=zzz-nothing')).json.groups.all).toBe(0);
  });

  it('counts with the shop and lettered filters', async () => {
    const unlettered = await get('/v1/bills/counts?lettered=no');
    expect(unlettered.json.statuses).toMatchObject({ COMPLETE: 2, SOLDOUT: 1 });
    const shop = await get(`/v1/bills/counts?shop=${shopB}`);
    expect(shop.json.groups.all).toBe(5);
    const refused = await get('/v1/bills/counts?status=COMPLETE');
    expect(refused.status).toBe(400);
  });
});

describe('tab counts after a lettering', () => {
  it('follow the change within moments, without making the page wait', async () => {
    const count = async () => (await get('/v1/bills/counts?lettered=yes')).json.statuses.COMPLETE as number;
    expect(await count()).toBe(3);
    // Counts are cached for seconds; a lettering marks them for refresh on their next use.
    expect((await call(service, 'PUT', `/v1/bills/${ids.c2}/lettering`, { body: { lettering: 'COUNTED-1' } })).status).toBe(200);
    let after = await count();
    for (let i = 0; i < 50 && after === 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      after = await count();
    }
    expect(after).toBe(4);
    await call(service, 'PUT', `/v1/bills/${ids.c2}/lettering`, { body: { lettering: '' } });
  });
});

describe('one bill', () => {
  it('gives everything the invoice page shows, money as strings', async () => {
    const response = await get(`/v1/bills/${ids.c1}`);
    expect(response.status).toBe(200);
    const bill = response.json.bill;
    expect(bill).toMatchObject({
      id: ids.c1,
      number: `B-20240312-${ids.c1}`,
      emissiondate: BASE,
      status: 'COMPLETE',
      shop: { id: shopA, name: 'Boutique A' },
      amount: '120.500',
      untaxedamount: '120.500',
      taxes: '0.000',
      currency: 'EUR',
      transactionid: 'TXN-C1-0',
      paymode: 'systempay',
      lettering: 'FA-2024-0001',
      letteringState: { letterable: true, reason: null },
      customer: { firstname: 'Anaïs', lastname: 'Lefèvre', city: 'Paris', country: 'FR' },
    });
    expect(bill.onlinetransactionid).toMatch(/^PAY-/);
    expect(bill.lines.map((line: any) => [line.ordering, line.itemcode, line.unitcost, line.quantity, line.totalprice])).toEqual([
      [1, 'MOOC-PY', '0.100', 3, '0.300'],
      [2, 'CERT-EN', '249.500', 1, '249.500'],
    ]);
  });

  it('says why a bill cannot be lettered', async () => {
    expect((await get(`/v1/bills/${ids.p1}`)).json.bill.letteringState).toEqual({ letterable: false, reason: 'order' });
    expect((await get(`/v1/bills/${ids.x1}`)).json.bill.letteringState).toEqual({ letterable: false, reason: 'attempt' });
  });

  it('answers 404 in the caller language for a missing bill', async () => {
    const response = await get('/v1/bills/99999', 'en-GB,en;q=0.9');
    expect(response.status).toBe(404);
    expect(response.json.error.message).toBe('There is no bill with id 99999.');
  });

  it('lists the shops', async () => {
    const response = await get('/v1/shops');
    expect(response.json.shops).toEqual([
      { id: shopA, name: 'Boutique A', currency: 'EUR' },
      { id: shopB, name: 'Boutique B', currency: 'EUR' },
    ]);
  });
});
