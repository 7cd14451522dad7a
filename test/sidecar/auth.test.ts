/**
 * Signatures: only requests signed with the shared secret, unchanged since
 * signing and within the time window, reach the handlers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedHeaders } from '../../sidecar/src/signing.js';
import { billTableChecksum, insertBill, insertCustomer, insertShop, letteringOf } from '../support/fixtures.js';
import { ADMIN_USER, call, createTestService, TEST_SECRET, type TestService } from '../support/service.js';

let service: TestService;
let bill: number;
const NOW = 1_800_000_000;
const P = 'mdl_';

beforeAll(async () => {
  service = await createTestService({}, { nowSeconds: () => NOW });
  const shop = await insertShop(service.throwaway.admin, P);
  const customer = await insertCustomer(service.throwaway.admin, P, { shopid: shop });
  bill = await insertBill(service.throwaway.admin, P, { shopid: shop, customerid: customer });
});
afterAll(async () => {
  await service?.close();
});

const path = () => `/v1/bills/${bill}/lettering`;
const body = JSON.stringify({ lettering: 'SIGNED-1' });

/** Signs one request, then lets the test change it before sending. */
async function send(change: (request: { method: string; url: string; headers: Record<string, string>; body?: string }) => void = () => {}) {
  const headers = signedHeaders(TEST_SECRET, { method: 'PUT', pathWithQuery: path(), userId: ADMIN_USER, language: 'fr', body }, NOW);
  const request = { method: 'PUT', url: `http://sidecar.test${path()}`, headers, body };
  change(request);
  const before = await billTableChecksum(service.throwaway.admin, P);
  const response = await service.app.request(request.url, { method: request.method, headers: request.headers, body: request.body });
  const text = await response.text();
  const changed = (await billTableChecksum(service.throwaway.admin, P)) !== before;
  return { status: response.status, json: JSON.parse(text), text, changed };
}

describe('signatures', () => {
  it.each([
    ['a wrong secret', (r: any) => (r.headers = signedHeaders('another-secret-of-at-least-32-bytes!!', { method: 'PUT', pathWithQuery: path(), userId: ADMIN_USER, language: 'fr', body }, NOW)), 'AUTH_INVALID'],
    ['a changed body', (r: any) => (r.body = JSON.stringify({ lettering: 'FORGED-1' })), 'AUTH_INVALID'],
    ['a changed path', (r: any) => (r.url = `http://sidecar.test/v1/bills/${bill + 1}/lettering`), 'AUTH_INVALID'],
    ['an added query', (r: any) => (r.url += '?x=1'), 'AUTH_INVALID'],
    ['a changed method', (r: any) => (r.method = 'DELETE'), 'AUTH_INVALID'],
    ['a changed user', (r: any) => (r.headers['x-lettering-user'] = '3'), 'AUTH_INVALID'],
    ['a changed language', (r: any) => (r.headers['accept-language'] = 'en'), 'AUTH_INVALID'],
    ['a changed timestamp', (r: any) => (r.headers['x-lettering-timestamp'] = String(NOW + 1)), 'AUTH_INVALID'],
    ['a truncated signature', (r: any) => (r.headers['x-lettering-signature'] = r.headers['x-lettering-signature'].slice(0, 63)), 'AUTH_INVALID'],
    ['an uppercase signature', (r: any) => (r.headers['x-lettering-signature'] = r.headers['x-lettering-signature'].toUpperCase()), 'AUTH_INVALID'],
    ['two signatures', (r: any) => (r.headers['x-lettering-signature'] = `${r.headers['x-lettering-signature']}, ${r.headers['x-lettering-signature']}`), 'AUTH_INVALID'],
    ['a user id of 0', (r: any) => (r.headers['x-lettering-user'] = '0'), 'AUTH_INVALID'],
    ['no signature', (r: any) => delete r.headers['x-lettering-signature'], 'AUTH_MISSING'],
    ['no timestamp', (r: any) => delete r.headers['x-lettering-timestamp'], 'AUTH_MISSING'],
    ['no user', (r: any) => delete r.headers['x-lettering-user'], 'AUTH_MISSING'],
  ])('refuses a request with %s and changes nothing', async (_, change, code) => {
    const response = await send(change);
    expect(response.status).toBe(401);
    expect(response.json.error.code).toBe(code);
    expect(response.changed).toBe(false);
    expect(response.text).not.toContain(TEST_SECRET);
  });

  it('refuses a genuine request signed more than 300 s ago or ahead', async () => {
    for (const skew of [-301, 301, -86400]) {
      const headers = signedHeaders(TEST_SECRET, { method: 'PUT', pathWithQuery: path(), userId: ADMIN_USER, language: 'fr', body }, NOW + skew);
      const response = await service.app.request(`http://sidecar.test${path()}`, { method: 'PUT', headers, body });
      expect(response.status).toBe(401);
      const json = (await response.json()) as any;
      expect(json.error.code).toBe('AUTH_EXPIRED');
      expect(json.error.message).toMatch(/horloges/);
    }
    expect(await letteringOf(service.throwaway.admin, P, bill)).toBe('');
  });

  it('accepts a request at the edge of the window', async () => {
    const headers = signedHeaders(TEST_SECRET, { method: 'GET', pathWithQuery: `/v1/bills/${bill}`, userId: ADMIN_USER }, NOW - 300);
    const response = await service.app.request(`http://sidecar.test/v1/bills/${bill}`, { headers });
    expect(response.status).toBe(200);
  });

  it('lets the genuine request through', async () => {
    const response = await send();
    expect(response.status).toBe(200);
    expect(response.changed).toBe(true);
    expect(await letteringOf(service.throwaway.admin, P, bill)).toBe('SIGNED-1');
  });

  it('keeps health checks open and everything else closed', async () => {
    expect((await service.app.request('/health/live')).status).toBe(200);
    expect((await service.app.request('/health/ready')).status).toBe(200);
    for (const target of ['/v1/bills', '/v1/bills/counts', `/v1/bills/${bill}`, '/v1/shops', '/v1/anything']) {
      const response = await service.app.request(target);
      expect(response.status, target).toBe(401);
    }
  });

  it('answers unknown addresses with the error shape', async () => {
    const response = await call(service, 'GET', '/v1/nothing-here', { now: NOW });
    expect(response.status).toBe(404);
    expect(response.json.error.code).toBe('NOT_FOUND');
    const outside = await service.app.request('/admin');
    expect(outside.status).toBe(404);
    expect(((await outside.json()) as any).error.code).toBe('NOT_FOUND');
  });
});
