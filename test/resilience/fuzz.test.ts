/**
 * Property-based tests over every endpoint: random and adversarial input of
 * every kind gets a 2xx or a 4xx — never a 5xx — and a refused request leaves
 * the bill table exactly as it was.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billTableChecksum, insertBill, insertCustomer, insertShop } from '../support/fixtures.js';
import { call, createTestService, type TestService } from '../support/service.js';

const P = 'mdl_';
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
let service: TestService;
const bills: number[] = [];
const tally = { requests: 0, refused: 0, accepted: 0 };

const ADVERSARIAL = [
  "'; DROP TABLE mdl_local_shop_bill; --",
  "' OR '1'='1",
  '" OR 1=1 -- ',
  '\\',
  '%',
  '_',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '{{#str}}pluginname, local_shop{{/str}}',
  '\u202eRTL-override',
  '\u200f\u200eMarks',
  'FA\u0000NUL',
  'tab\there',
  'line\nbreak',
  '😀🇫🇷𝒜',
  'é'.normalize('NFD'),
  ' '.repeat(300),
  'x'.repeat(10_000),
  '\ud800',
  'null',
  'undefined',
  '0',
  '-1',
  '1e309',
  '9'.repeat(30),
  'B-20240312-1',
  'ＦＡ－００１',
];

const text = fc.oneof(
  fc.constantFrom(...ADVERSARIAL),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ maxLength: 10_000, minLength: 9_000 }),
);
const anyJson = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.jsonValue(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 }));
const idText = fc.oneof(
  fc.constantFrom('0', '-1', '-999999', '1.5', '1e3', '0x10', '99999999999999999999', '9007199254740993', 'abc', '%20', '..', '1;2', ' 1'),
  fc.integer({ min: -10, max: 1_000_000 }).map(String),
  fc.string({ maxLength: 20 }),
);

function encode(value: string): string | null {
  try {
    return encodeURIComponent(value);
  } catch {
    return null; // A lone surrogate cannot be put in a URL at all.
  }
}

async function expectSafe(method: string, path: string, options: Parameters<typeof call>[3] = {}) {
  const before = await billTableChecksum(service.throwaway.admin, P);
  const response = await call(service, method, path, options);
  tally.requests++;
  expect(response.status, `${method} ${path} → ${response.text.slice(0, 200)}`).toBeLessThan(500);
  expect(response.status).toBeGreaterThanOrEqual(200);
  expect(response.json, 'every answer is JSON').not.toBeNull();
  if (response.status >= 400) {
    tally.refused++;
    expect(response.json.error.code).toMatch(/^[A-Z_]+$/);
    expect(typeof response.json.error.message).toBe('string');
    expect(await billTableChecksum(service.throwaway.admin, P), `${method} ${path} was refused but changed the table`).toBe(before);
  } else tally.accepted++;
}

beforeAll(async () => {
  service = await createTestService({ LETTERING_LOG_LEVEL: 'silent' });
  const shop = await insertShop(service.throwaway.admin, P);
  const customer = await insertCustomer(service.throwaway.admin, P, { shopid: shop });
  for (const status of ['COMPLETE', 'SOLDOUT', 'PENDING', 'CANCELLED']) {
    bills.push(await insertBill(service.throwaway.admin, P, { shopid: shop, customerid: customer, status, idnumber: `HELD-${status}` }));
  }
});
afterAll(async () => {
  await service?.close();
  console.log(`fuzz: ${JSON.stringify(tally)}`);
});

describe('any input', () => {
  it('to the bill list and counts', async () => {
    const key = fc.oneof(fc.constantFrom('status', 'shop', 'lettered', 'q', 'cursor', 'limit', 'order', 'sort', 'offset', 'status[]', '__proto__', 'constructor'), fc.string({ maxLength: 10 }));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(key, text), { maxLength: 4 }), fc.boolean(), async (pairs, counts) => {
        const query = pairs
          .map(([k, v]) => {
            const ek = encode(k);
            const ev = encode(v.slice(0, 2000));
            return ek === null || ev === null ? null : `${ek}=${ev}`;
          })
          .filter((part): part is string => part !== null)
          .join('&');
        await expectSafe('GET', `/v1/bills${counts ? '/counts' : ''}${query ? `?${query}` : ''}`);
      }),
      { numRuns: RUNS },
    );
  });

  it('to one bill, by any id', async () => {
    await fc.assert(
      fc.asyncProperty(idText, async (id) => {
        const encoded = encode(id);
        if (encoded === null || encoded === '') return;
        await expectSafe('GET', `/v1/bills/${encoded}`);
      }),
      { numRuns: RUNS },
    );
  });

  it('to the lettering of a bill, with any body', async () => {
    const body = fc.oneof(
      fc.record({ lettering: text }),
      fc.record({ lettering: text, expected: fc.oneof(text, fc.constant(null)) }),
      fc.record({ lettering: anyJson, expected: anyJson }, { requiredKeys: [] }),
      fc.dictionary(fc.string({ maxLength: 8 }), anyJson, { maxKeys: 4 }),
      anyJson,
    );
    const target = fc.oneof(fc.constantFrom(...bills.map(String)), idText);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('PUT', 'DELETE', 'POST', 'PATCH'), target, body, async (method, id, payload) => {
        const encoded = encode(id);
        if (encoded === null || encoded === '') return;
        await expectSafe(method, `/v1/bills/${encoded}/lettering`, { body: payload, language: 'fr' });
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('as raw bodies of any kind and size', async () => {
    const raw = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.constantFrom('{', '{"lettering":', '[]', 'null', '"x"', '{"lettering":"A"}{"x":1}', '\u0000', '{"lettering":"A","lettering":"B"}'),
      fc.integer({ min: 16_000, max: 70_000 }).map((n) => JSON.stringify({ lettering: 'y'.repeat(n) })),
    );
    const type = fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', '');
    await fc.assert(
      fc.asyncProperty(raw, type, async (payload, contentType) => {
        const headers: Record<string, string> = contentType ? { 'content-type': contentType } : {};
        await expectSafe('PUT', `/v1/bills/${bills[0]}/lettering`, { rawBody: payload, headers });
      }),
      { numRuns: RUNS },
    );
  });

  it('to the shops and to unknown addresses', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/v1/shops', '/v1/shops?x=1', '/v1', '/v1/', '/v1/bills/1/2/3', '/v2/bills', '/v1/bills/counts/1'), async (path) => {
        await expectSafe('GET', path);
      }),
      { numRuns: 20 },
    );
  });
});
