import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestService, call, type TestService } from '../support/service.js';
import { insertBill, insertCustomer, insertShop } from '../support/fixtures.js';

let service: TestService;
beforeAll(async () => {
  service = await createTestService();
});
afterAll(async () => {
  await service?.close();
});

describe('smoke', () => {
  it('letters a bill', async () => {
    const db = service.throwaway.admin;
    const shop = await insertShop(db, 'mdl_');
    const customer = await insertCustomer(db, 'mdl_', { shopid: shop });
    const bill = await insertBill(db, 'mdl_', { shopid: shop, customerid: customer });
    const put = await call(service, 'PUT', `/v1/bills/${bill}/lettering`, { body: { lettering: ' FA-1 ' } });
    console.log(put.status, put.text);
    const list = await call(service, 'GET', `/v1/bills?status=COMPLETE`);
    console.log(list.status, list.text);
    const one = await call(service, 'GET', `/v1/bills/${bill}`);
    console.log(one.status, one.text);
    const counts = await call(service, 'GET', `/v1/bills/counts`, { language: 'fr' });
    console.log(counts.status, counts.text);
    const bad = await call(service, 'GET', `/v1/bills?status=NOPE`, { language: 'fr' });
    console.log(bad.status, bad.text);
    expect(put.status).toBe(200);
  });
});
