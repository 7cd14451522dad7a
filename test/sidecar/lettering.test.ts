/**
 * Lettering rules through the HTTP API, on the real MariaDB.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billTableChecksum, insertBill, insertCustomer, insertShop, letteringOf } from '../support/fixtures.js';
import { call, createTestService, type TestService } from '../support/service.js';

let service: TestService;
let shopA: number;
let shopB: number;
let customerA: number;
let customerB: number;
const P = 'mdl_';

const db = () => service.throwaway.admin;
const newBill = (values: { status?: string; idnumber?: string | null; shop?: 'A' | 'B' } = {}) =>
  insertBill(db(), P, {
    shopid: values.shop === 'B' ? shopB : shopA,
    customerid: values.shop === 'B' ? customerB : customerA,
    status: values.status,
    idnumber: values.idnumber,
  });
const put = (billId: number | string, body: unknown, language?: string) =>
  call(service, 'PUT', `/v1/bills/${billId}/lettering`, { body, language });

/** Runs a request that must be refused and checks the bill table did not change. */
async function refusedWithoutChange(request: () => Promise<{ status: number; json: any }>) {
  const before = await billTableChecksum(db(), P);
  const response = await request();
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  expect(await billTableChecksum(db(), P)).toBe(before);
  return response;
}

beforeAll(async () => {
  service = await createTestService();
  shopA = await insertShop(db(), P, 'Boutique A');
  shopB = await insertShop(db(), P, 'Boutique B');
  customerA = await insertCustomer(db(), P, { shopid: shopA });
  customerB = await insertCustomer(db(), P, { shopid: shopB });
});
afterAll(async () => {
  await service?.close();
});

describe('setting and clearing', () => {
  it('sets a trimmed lettering and reports the change', async () => {
    const bill = await newBill();
    const response = await put(bill, { lettering: '  FA-2024-0001  ' });
    expect(response.status).toBe(200);
    expect(response.json.result).toMatchObject({ billId: bill, previous: '', lettering: 'FA-2024-0001', changed: true });
    expect(response.json.result.number).toMatch(new RegExp(`^B-\\d{8}-${bill}$`));
    expect(await letteringOf(db(), P, bill)).toBe('FA-2024-0001');
  });

  it('changes a lettering', async () => {
    const bill = await newBill({ idnumber: 'OLD-1' });
    const response = await put(bill, { lettering: 'NEW-1' });
    expect(response.json.result).toMatchObject({ previous: 'OLD-1', lettering: 'NEW-1', changed: true });
    expect(await letteringOf(db(), P, bill)).toBe('NEW-1');
  });

  it('treats an empty or blank value as a clear, stored as the shop does', async () => {
    const bill = await newBill({ idnumber: 'CLEAR-1' });
    const response = await put(bill, { lettering: '   ' });
    expect(response.status).toBe(200);
    expect(response.json.result).toMatchObject({ previous: 'CLEAR-1', lettering: '', changed: true });
    expect(await letteringOf(db(), P, bill)).toBe('');
  });

  it('clears with DELETE, with or without a body', async () => {
    const bill = await newBill({ idnumber: 'CLEAR-2' });
    const first = await call(service, 'DELETE', `/v1/bills/${bill}/lettering`);
    expect(first.status).toBe(200);
    expect(first.json.result).toMatchObject({ previous: 'CLEAR-2', lettering: '', changed: true });
    const again = await call(service, 'DELETE', `/v1/bills/${bill}/lettering`, { body: { expected: '' } });
    expect(again.status).toBe(200);
    expect(again.json.result.changed).toBe(false);
  });

  it('answers success and changes nothing when the same value is written again', async () => {
    const bill = await newBill({ idnumber: 'SAME-1' });
    const before = await billTableChecksum(db(), P);
    const response = await put(bill, { lettering: ' SAME-1 ' });
    expect(response.status).toBe(200);
    expect(response.json.result).toMatchObject({ previous: 'SAME-1', lettering: 'SAME-1', changed: false });
    expect(await billTableChecksum(db(), P)).toBe(before);
  });

  it('reads a NULL lettering as none', async () => {
    const bill = await newBill({ idnumber: null });
    const response = await put(bill, { lettering: 'FROM-NULL', expected: null });
    expect(response.status).toBe(200);
    expect(response.json.result.previous).toBe('');
  });

  it('letters every invoice status', async () => {
    for (const status of ['SOLDOUT', 'COMPLETE', 'PAYBACK', 'PARTIAL', 'PREPROD', 'RECOVERING']) {
      const bill = await newBill({ status });
      const response = await put(bill, { lettering: `OK-${status}` });
      expect(response.status, status).toBe(200);
    }
  });
});

describe('refusals', () => {
  it.each([
    ['PENDING', 'order'],
    ['PLACED', 'order'],
    ['WORKING', 'order'],
    ['CANCELLED', 'attempt'],
    ['FAILED', 'attempt'],
    ['REFUSED', 'attempt'],
    ['ODDSTATUS', 'unknown_status'],
  ])('refuses to letter a %s bill (%s) and says why', async (status, reason) => {
    const bill = await newBill({ status });
    const response = await refusedWithoutChange(() => put(bill, { lettering: `NO-${status}` }, 'fr'));
    expect(response.status).toBe(409);
    expect(response.json.error).toMatchObject({ code: 'BILL_NOT_LETTERABLE', status: 409, details: { status, reason } });
    expect(response.json.error.message).toContain(status);
    expect(response.json.error.message).toMatch(/ne peut pas être lettrée/);
  });

  it('still lets a lettering be cleared from a bill that is no longer an invoice', async () => {
    const bill = await newBill({ status: 'CANCELLED', idnumber: 'STRAY-1' });
    const response = await put(bill, { lettering: '' });
    expect(response.status).toBe(200);
    expect(await letteringOf(db(), P, bill)).toBe('');
  });

  it('refuses a reference held by a bill of another shop, naming that bill', async () => {
    const holder = await newBill({ shop: 'B', idnumber: 'DUP-0001' });
    const bill = await newBill({ shop: 'A' });
    const response = await refusedWithoutChange(() => put(bill, { lettering: 'DUP-0001' }));
    expect(response.status).toBe(409);
    expect(response.json.error.code).toBe('LETTERING_DUPLICATE');
    expect(response.json.error.details).toMatchObject({ billid: holder, lettering: 'DUP-0001' });
    expect(response.json.error.details.number).toMatch(new RegExp(`^B-\\d{8}-${holder}$`));
    expect(response.json.error.message).toContain(response.json.error.details.number);
  });

  it.each(['dup-accent-é', 'DUP-ACCENT-E', '  Dup-Accent-è  ', 'DUP-ACCENT-É'])(
    'compares references as the database collation does: %j is a duplicate',
    async (variant) => {
      const holder = await newBill({ idnumber: 'Dup-Accent-e' });
      const bill = await newBill();
      const response = await refusedWithoutChange(() => put(bill, { lettering: variant }));
      expect(response.json.error.code).toBe('LETTERING_DUPLICATE');
      expect(response.json.error.details.billid).toBe(holder);
      await db().query(`UPDATE ${P}local_shop_bill SET idnumber = '' WHERE id = ?`, [holder]);
    },
  );

  it('lets a bill change the case of its own reference', async () => {
    const bill = await newBill({ idnumber: 'case-own-1' });
    const response = await put(bill, { lettering: 'CASE-OWN-1' });
    expect(response.status).toBe(200);
    expect(await letteringOf(db(), P, bill)).toBe('CASE-OWN-1');
  });

  it('refuses a stale edit and shows the current value', async () => {
    const bill = await newBill({ idnumber: 'NOW-2' });
    const response = await refusedWithoutChange(() => put(bill, { lettering: 'MINE-1', expected: 'BEFORE-1' }));
    expect(response.status).toBe(409);
    expect(response.json.error).toMatchObject({ code: 'LETTERING_STALE', details: { current: 'NOW-2', billid: bill } });
    expect(response.json.error.message).toContain('NOW-2');
  });

  it('refuses a stale edit when the editor saw no lettering but one was set meanwhile', async () => {
    const bill = await newBill({ idnumber: 'SET-MEANWHILE' });
    const response = await refusedWithoutChange(() => put(bill, { lettering: 'MINE-2', expected: null }));
    expect(response.json.error.code).toBe('LETTERING_STALE');
  });

  it('accepts an edit whose expected value is current', async () => {
    const bill = await newBill({ idnumber: 'CUR-1' });
    const response = await put(bill, { lettering: 'CUR-2', expected: 'CUR-1' });
    expect(response.status).toBe(200);
  });

  it.each([
    ['too long', { lettering: 'x'.repeat(256) }, 'LETTERING_INVALID', 'too_long'],
    ['a line break', { lettering: 'FA\n1' }, 'LETTERING_INVALID', 'control_characters'],
    ['a NUL', { lettering: 'FA\u00001' }, 'LETTERING_INVALID', 'control_characters'],
    ['a right-to-left override', { lettering: 'FA\u202e1' }, 'LETTERING_INVALID', 'control_characters'],
  ])('refuses a value with %s', async (_, body, code, violation) => {
    const bill = await newBill();
    const response = await refusedWithoutChange(() => put(bill, body));
    expect(response.status).toBe(422);
    expect(response.json.error).toMatchObject({ code, details: { violation } });
  });

  it('accepts exactly 255 characters, emoji included', async () => {
    const bill = await newBill();
    const value = `${'é'.repeat(250)}😀😀😀😀😀`;
    const response = await put(bill, { lettering: value });
    expect(response.status).toBe(200);
    expect(await letteringOf(db(), P, bill)).toBe(value);
  });

  it.each([
    ['a missing lettering', {}, 'lettering'],
    ['a number', { lettering: 42 }, 'lettering'],
    ['null', { lettering: null }, 'lettering'],
    ['an unknown field', { lettering: 'A', admin: true }, 'admin'],
    ['an expected number', { lettering: 'A', expected: 3 }, 'expected'],
    ['an array', [1, 2], 'body'],
  ])('refuses a body with %s', async (_, body, field) => {
    const bill = await newBill();
    const response = await refusedWithoutChange(() => put(bill, body));
    expect(response.status).toBe(400);
    expect(response.json.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { field } });
  });

  it('refuses malformed JSON, another media type and oversized bodies', async () => {
    const bill = await newBill();
    const malformed = await refusedWithoutChange(() =>
      call(service, 'PUT', `/v1/bills/${bill}/lettering`, { rawBody: '{"lettering": "A"', headers: { 'content-type': 'application/json' } }),
    );
    expect(malformed.json.error.code).toBe('MALFORMED_BODY');
    const text = await refusedWithoutChange(() =>
      call(service, 'PUT', `/v1/bills/${bill}/lettering`, { rawBody: 'lettering=A', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
    );
    expect(text.status).toBe(415);
    expect(text.json.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const huge = await refusedWithoutChange(() => put(bill, { lettering: 'A'.repeat(20000) }));
    expect(huge.status).toBe(413);
    expect(huge.json.error).toMatchObject({ code: 'BODY_TOO_LARGE', details: { maxbytes: 16384 } });
  });

  it.each(['0', '-1', 'abc', '1.5', '99999999999999999999', '1e3'])('refuses the bill id %j', async (id) => {
    const response = await refusedWithoutChange(() => put(id, { lettering: 'A' }));
    expect(response.status).toBe(400);
    expect(response.json.error.code).toBe('VALIDATION_FAILED');
  });

  it('answers 404 for a bill that does not exist', async () => {
    const response = await refusedWithoutChange(() => put(987654321, { lettering: 'A' }, 'fr'));
    expect(response.status).toBe(404);
    expect(response.json.error).toMatchObject({ code: 'BILL_NOT_FOUND', details: { billid: 987654321 } });
    expect(response.json.error.message).toBe("Il n'existe aucune facture d'identifiant 987654321.");
  });

  it('answers 405 for a method the address does not take', async () => {
    const bill = await newBill();
    const response = await refusedWithoutChange(() => call(service, 'POST', `/v1/bills/${bill}/lettering`, { body: { lettering: 'A' } }));
    expect(response.status).toBe(405);
    expect(response.json.error.code).toBe('METHOD_NOT_ALLOWED');
  });
});
