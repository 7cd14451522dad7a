/**
 * Running the service: health, an unreachable or broken database, timeouts,
 * logs, and a graceful shutdown with requests in flight.
 */
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../sidecar/src/server.js';
import { createThrowawayDatabase, TEST_DB, type ThrowawayDatabase } from '../support/database.js';
import { insertBill, insertCustomer, insertShop, letteringOf } from '../support/fixtures.js';
import { call, createTestService, signedRequest, TEST_SECRET } from '../support/service.js';

const P = 'mdl_';
let throwaway: ThrowawayDatabase;
let shop: number;
let customer: number;

beforeAll(async () => {
  throwaway = await createThrowawayDatabase();
  shop = await insertShop(throwaway.admin, P);
  customer = await insertCustomer(throwaway.admin, P, { shopid: shop });
});
afterAll(async () => {
  await throwaway?.drop();
});

/** Holds the named lock of a reference from another connection, as a slow writer would. */
async function holdReferenceLock(reference: string) {
  const connection = await mysql.createConnection({ ...TEST_DB, database: throwaway.name, charset: 'utf8mb4_unicode_ci' });
  const [rows] = (await connection.query(
    `SELECT GET_LOCK(CONCAT('local_shop_lettering_', MD5(CONCAT(DATABASE(), '/', ?, '/', HEX(WEIGHT_STRING(CONVERT(? USING utf8mb4) COLLATE utf8mb4_unicode_ci))))), 5) AS got`,
    [P, reference],
  )) as unknown as [Array<{ got: number }>];
  expect(rows[0]!.got).toBe(1);
  return { release: () => connection.end() };
}

describe('health', () => {
  it('is live and ready on a good database, and says whether the lettering index exists', async () => {
    const service = await createTestService({}, { throwaway });
    try {
      const live = await service.app.request('/health/live');
      expect(await live.json()).toEqual({ status: 'ok' });
      const ready = await service.app.request('/health/ready');
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready', checks: { database: true, billTable: true, letteringIndex: true } });
    } finally {
      await service.close();
    }
  });

  it('reports a database without the plugin index as ready but without the index', async () => {
    const upstream = await createThrowawayDatabase({ upstreamOnly: true });
    const service = await createTestService({}, { throwaway: upstream });
    try {
      const ready = await service.app.request('/health/ready');
      expect(((await ready.json()) as any).checks).toEqual({ database: true, billTable: true, letteringIndex: false });
    } finally {
      await service.close();
      await upstream.drop();
    }
  });

  it('is not ready, and answers 503 in the caller language, when the database cannot be reached', async () => {
    const service = await createTestService({ LETTERING_DATABASE_URL: 'mysql://root@127.0.0.1:1/nowhere', LETTERING_REQUEST_TIMEOUT_MS: '3000' }, { throwaway });
    try {
      expect((await service.app.request('/health/live')).status).toBe(200);
      const ready = await service.app.request('/health/ready', { headers: { 'accept-language': 'fr' } });
      expect(ready.status).toBe(503);
      const body = (await ready.json()) as any;
      expect(body.status).toBe('unavailable');
      expect(body.error.code).toBe('DATABASE_UNAVAILABLE');
      const list = await call(service, 'GET', '/v1/bills', { language: 'fr' });
      expect(list.status).toBe(503);
      expect(list.json.error).toMatchObject({ code: 'DATABASE_UNAVAILABLE', status: 503 });
      expect(list.json.error.message).toMatch(/indisponible/);
      const write = await call(service, 'PUT', '/v1/bills/1/lettering', { body: { lettering: 'X' } });
      expect(write.status).toBe(503);
    } finally {
      await service.close();
    }
  });

  it('never lets SQL, a stack trace or the secret reach a response when the schema is broken', async () => {
    const broken = await createThrowawayDatabase();
    const service = await createTestService({}, { throwaway: broken });
    try {
      const bill = await insertBill(broken.admin, P, { shopid: 1, customerid: 1 });
      await broken.admin.query(`DROP TABLE ${P}local_shop_billitem`);
      const response = await call(service, 'GET', `/v1/bills/${bill}`);
      expect(response.status).toBe(503);
      expect(response.json.error.code).toBe('DATABASE_UNAVAILABLE');
      for (const leak of ['SELECT', 'local_shop', 'billitem', ' at ', TEST_SECRET, 'ER_']) expect(response.text).not.toContain(leak);
      const logged = service.logs.find((line) => line.msg === 'request failed');
      expect(logged).toBeDefined();
    } finally {
      await service.close();
      await broken.drop();
    }
  });
});

describe('timeouts', () => {
  it('answers TIMEOUT when a write waits past the deadline, and then changes nothing', async () => {
    const service = await createTestService({ LETTERING_REQUEST_TIMEOUT_MS: '400' }, { throwaway });
    const bill = await insertBill(throwaway.admin, P, { shopid: shop, customerid: customer });
    const holder = await holdReferenceLock('SLOW-1');
    try {
      const started = Date.now();
      const response = await call(service, 'PUT', `/v1/bills/${bill}/lettering`, { body: { lettering: 'slow-1' }, language: 'fr' });
      expect(response.status).toBe(503);
      expect(response.json.error.code).toBe('TIMEOUT');
      expect(response.json.error.message).toMatch(/Rien n'a été modifié/);
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      await holder.release();
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await letteringOf(throwaway.admin, P, bill)).toBe('');
    await service.close();
  });
});

describe('logs', () => {
  it('writes one structured line per request without the query string', async () => {
    const service = await createTestService({}, { throwaway });
    try {
      await call(service, 'GET', '/v1/bills?q=Lef%C3%A8vre', { user: 7 });
      const line = service.logs.find((entry) => entry.msg === 'request');
      expect(line).toMatchObject({ level: 'info', method: 'GET', path: '/v1/bills', status: 200, userId: 7 });
      expect(typeof line!.durationMs).toBe('number');
      expect(typeof line!.requestId).toBe('string');
      expect(JSON.stringify(service.logs)).not.toContain('Lef');
    } finally {
      await service.close();
    }
  });
});

describe('graceful shutdown', () => {
  it('finishes requests in flight, refuses new connections, then closes the pool', async () => {
    const service = await createTestService({ LETTERING_LOG_LEVEL: 'silent' }, { throwaway });
    const running = await startServer(service.config, service);
    const base = `http://127.0.0.1:${running.port}`;
    const bill = await insertBill(throwaway.admin, P, { shopid: shop, customerid: customer });
    const holder = await holdReferenceLock('INFLIGHT-1');
    const inflight = fetch(signedRequest('PUT', `/v1/bills/${bill}/lettering`, { body: { lettering: 'INFLIGHT-1' }, language: 'en' }, base));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const stopped = running.stop();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(fetch(`${base}/health/live`)).rejects.toThrow();
    await holder.release();
    const response = await inflight;
    expect(response.status).toBe(200);
    expect(((await response.json()) as any).result.lettering).toBe('INFLIGHT-1');
    await stopped;
    expect(await letteringOf(throwaway.admin, P, bill)).toBe('INFLIGHT-1');
    await expect(service.database.pool.query('SELECT 1')).rejects.toThrow(/closed/i);
    expect(service.logs.map((line) => line.msg)).toEqual(expect.arrayContaining(['listening', 'stopped']));
  });
});
