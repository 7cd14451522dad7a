/**
 * Forgery and replay against a real listening service: a captured request
 * replayed after the window or altered in any part, wrong secrets, missing
 * and duplicated headers. Nothing may change.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../sidecar/src/server.js';
import { signedHeaders } from '../../sidecar/src/signing.js';
import { billTableChecksum, insertBill, insertCustomer, insertShop } from '../support/fixtures.js';
import { ADMIN_USER, createTestService, TEST_SECRET, type TestService } from '../support/service.js';

const P = 'mdl_';
let service: TestService;
let running: RunningServer;
let clock = 1_900_000_000;
let bill: number;
let other: number;
const tried: Record<string, number> = {};

beforeAll(async () => {
  service = await createTestService({ LETTERING_LOG_LEVEL: 'silent' }, { nowSeconds: () => clock });
  running = await startServer(service.config, service);
  const shop = await insertShop(service.throwaway.admin, P);
  const customer = await insertCustomer(service.throwaway.admin, P, { shopid: shop });
  bill = await insertBill(service.throwaway.admin, P, { shopid: shop, customerid: customer });
  other = await insertBill(service.throwaway.admin, P, { shopid: shop, customerid: customer });
});
afterAll(async () => {
  await running?.stop();
  await service?.throwaway.drop();
  console.log(`forgery: ${JSON.stringify(tried)}`);
});

interface RawRequest {
  method: string;
  path: string;
  /** Header lines as sent, repeated names allowed. */
  headers: Array<[string, string]>;
  body: string;
}

/** Sends the request byte for byte on a socket, repeated headers included (fetch would merge them). */
function send(request: RawRequest): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const body = Buffer.from(request.body, 'utf8');
    const head = [
      `${request.method} ${request.path} HTTP/1.1`,
      `host: 127.0.0.1:${running.port}`,
      'connection: close',
      `content-length: ${body.length}`,
      ...request.headers.map(([name, value]) => `${name}: ${value}`),
    ].join('\r\n');
    // write, not end: the service answers a half-closed socket with nothing.
    const socket = connect(running.port, '127.0.0.1', () => socket.write(Buffer.concat([Buffer.from(`${head}\r\n\r\n`), body])));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      const payload = text.slice(text.indexOf('\r\n\r\n') + 4);
      try {
        resolve({ status, body: JSON.parse(payload) });
      } catch {
        reject(new Error(`not JSON: ${text.slice(0, 300)}`));
      }
    });
  });
}

function capture(method = 'PUT', path = `/v1/bills/${bill}/lettering`, body = JSON.stringify({ lettering: 'CAPTURED-1' }), language = 'fr'): RawRequest {
  const headers = signedHeaders(TEST_SECRET, { method, pathWithQuery: path, userId: ADMIN_USER, language, body }, clock);
  return { method, path, headers: Object.entries(headers), body };
}

const withHeader = (request: RawRequest, name: string, value: string): RawRequest => ({
  ...request,
  headers: request.headers.map(([key, old]) => [key, key === name ? value : old]),
});

async function refused(name: string, request: RawRequest, code: string) {
  const before = await billTableChecksum(service.throwaway.admin, P);
  const response = await send(request);
  tried[name] = (tried[name] ?? 0) + 1;
  expect(response.status, name).toBe(401);
  expect(response.body.error.code, name).toBe(code);
  expect(JSON.stringify(response.body)).not.toContain(TEST_SECRET);
  expect(await billTableChecksum(service.throwaway.admin, P)).toBe(before);
}

describe('a captured request', () => {
  it('works once, and is refused when replayed after the window', async () => {
    const captured = capture();
    expect((await send(captured)).status).toBe(200);
    await service.throwaway.admin.query(`UPDATE ${P}local_shop_bill SET idnumber = '' WHERE id = ?`, [bill]);
    clock += 301;
    await refused('replay after window', captured, 'AUTH_EXPIRED');
    clock -= 301;
  });

  it('is refused when any signed part is changed', async () => {
    const captured = capture();
    await refused('body changed', { ...captured, body: JSON.stringify({ lettering: 'FORGED-1' }) }, 'AUTH_INVALID');
    await refused('body whitespace', { ...captured, body: `${captured.body} ` }, 'AUTH_INVALID');
    await refused('path changed', { ...captured, path: `/v1/bills/${other}/lettering` }, 'AUTH_INVALID');
    await refused('query added', { ...captured, path: `${captured.path}?a=1` }, 'AUTH_INVALID');
    await refused('method changed', { ...captured, method: 'DELETE' }, 'AUTH_INVALID');
    await refused('user changed', withHeader(captured, 'x-lettering-user', '3'), 'AUTH_INVALID');
    await refused('language changed', withHeader(captured, 'accept-language', 'en'), 'AUTH_INVALID');
    await refused('language dropped', { ...captured, headers: captured.headers.filter(([key]) => key !== 'accept-language') }, 'AUTH_INVALID');
    await refused('timestamp changed', withHeader(captured, 'x-lettering-timestamp', String(clock - 1)), 'AUTH_INVALID');
    const listing = capture('GET', '/v1/bills?status=COMPLETE', '');
    await refused('query changed', { ...listing, path: '/v1/bills?status=CANCELLED' }, 'AUTH_INVALID');
    await refused('query reordered', { ...capture('GET', '/v1/bills?status=COMPLETE&limit=5', ''), path: '/v1/bills?limit=5&status=COMPLETE' }, 'AUTH_INVALID');
  });

  it("is accepted when its query holds characters a URL parser would re-encode, signed as sent", async () => {
    // PHP's curl sends the request line as given: the signature covers those very bytes.
    const path = "/v1/bills?q=O'Brien";
    const response = await send({ ...capture('GET', path, ''), path });
    expect(response.status).toBe(200);
    await refused('re-encoded query', { ...capture('GET', path, ''), path: '/v1/bills?q=O%27Brien' }, 'AUTH_INVALID');
  });

  it('is refused with a wrong secret, or missing or repeated headers', async () => {
    const wrong = signedHeaders('a-completely-different-secret-of-32-bytes', { method: 'GET', pathWithQuery: `/v1/bills/${bill}`, userId: ADMIN_USER, language: 'fr', body: '' }, clock);
    await refused('wrong secret', { method: 'GET', path: `/v1/bills/${bill}`, headers: Object.entries(wrong), body: '' }, 'AUTH_INVALID');
    const captured = capture();
    for (const name of ['x-lettering-signature', 'x-lettering-timestamp', 'x-lettering-user']) {
      await refused(`missing ${name}`, { ...captured, headers: captured.headers.filter(([key]) => key !== name) }, 'AUTH_MISSING');
      const original = captured.headers.find(([key]) => key === name)!;
      await refused(`repeated ${name}`, { ...captured, headers: [...captured.headers, original] }, 'AUTH_INVALID');
    }
    await refused('empty signature', withHeader(captured, 'x-lettering-signature', ''), 'AUTH_MISSING');
    await refused('signature of another request', withHeader(captured, 'x-lettering-signature', capture('GET', '/v1/bills', '').headers.find(([k]) => k === 'x-lettering-signature')![1]), 'AUTH_INVALID');
  });
});
