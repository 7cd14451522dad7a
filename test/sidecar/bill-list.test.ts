/**
 * The bill list's fast path (page-ids.ts, search.ts) against a plain query.
 *
 * Any filters, any search text, any place in the list and any page size give
 * the bills a straightforward query gives (one WHERE, ORDER BY emissiondate
 * DESC, id DESC): with the service's tuning, and with a tiny one that sends
 * every search source through each of its plans (prefix range, window by
 * date, range after a window that did not fill, customers by subquery).
 * Then the plans themselves: rows read stay bounded where the old query read
 * the table, the indexes are found by their columns whatever their names, and
 * a site without them still gets right answers.
 */
import fc from 'fast-check';
import type { Pool } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCursor } from '../../sidecar/src/bills/cursor.js';
import { createIndexLookup, pickIndex } from '../../sidecar/src/bills/index-hints.js';
import { invoiceNumber, parseInvoiceNumber } from '../../sidecar/src/bills/invoice-number.js';
import { createBillQueries, type BillFilters, type BillQueries } from '../../sidecar/src/bills/queries.js';
import { startsWith, type SearchTuning } from '../../sidecar/src/bills/search.js';
import { loadConfig } from '../../sidecar/src/config.js';
import { createDatabase, type Database } from '../../sidecar/src/db/database.js';
import { seedShop } from '../../sidecar/scripts/seed.js';
import { INVOICE_STATUSES, ORDER_STATUSES, ATTEMPT_STATUSES, BILL_STATUSES } from '../../sidecar/src/lettering/statuses.js';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database.js';
import { TEST_SECRET } from '../support/service.js';

const P = 'mdl_';
const TZ = 'Europe/Paris';
const TINY: SearchTuning = { prefixRangeCap: 3, dateWindow: 8, probeWindow: 3, customerCountCap: 1, customerListCap: 2 };

function openDatabase(throwaway: ThrowawayDatabase, poolSize = 4): Database {
  const config = loadConfig({
    LETTERING_DATABASE_URL: throwaway.url,
    LETTERING_DB_PREFIX: throwaway.prefix,
    LETTERING_SECRET: TEST_SECRET,
    LETTERING_TIMEZONE: TZ,
    LETTERING_DB_POOL_SIZE: String(poolSize),
  });
  return createDatabase(config);
}

interface Ref {
  id: number;
  emissiondate: number | null;
}

/** The list as one plain query would give it: every matching bill, in page order. */
async function reference(db: Pool, filters: BillFilters): Promise<Ref[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filters.statuses && filters.statuses.length > 0) {
    where.push('b.status IN (?)');
    params.push([...filters.statuses]);
  }
  if (filters.shopId !== undefined) {
    where.push('b.shopid = ?');
    params.push(filters.shopId);
  }
  if (filters.lettered === true) where.push("(b.idnumber IS NOT NULL AND b.idnumber <> '')");
  if (filters.lettered === false) where.push("(b.idnumber IS NULL OR b.idnumber = '')");
  const typedNumber = filters.search ? parseInvoiceNumber(filters.search) : null;
  if (filters.search) {
    if (typedNumber !== null) {
      where.push('b.id = ?');
      params.push(typedNumber);
    } else {
      const pattern = startsWith(filters.search);
      const anyOf = [
        'b.idnumber LIKE ?',
        'b.transactionid LIKE ?',
        `b.customerid IN (SELECT CAST(c.id AS CHAR) FROM ${P}local_shop_customer c WHERE c.lastname LIKE ? OR c.firstname LIKE ? OR c.email LIKE ?)`,
      ];
      params.push(pattern, pattern, pattern, pattern, pattern);
      if (/^\d{1,15}$/.test(filters.search)) {
        anyOf.push('b.id = ?');
        params.push(Number(filters.search));
      }
      where.push(`(${anyOf.join(' OR ')})`);
    }
  }
  const [rows] = (await db.query(
    `SELECT b.id, b.emissiondate FROM ${P}local_shop_bill b ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY b.emissiondate DESC, b.id DESC`,
    params,
  )) as unknown as [Ref[]];
  let found = rows.map((row) => ({ id: Number(row.id), emissiondate: row.emissiondate === null ? null : Number(row.emissiondate) }));
  if (typedNumber !== null) {
    const typed = filters.search!.trim().toUpperCase().replace(/\s+/g, '').replace(/^B(?!-)/, 'B-');
    found = found.filter((row) => invoiceNumber(row.id, row.emissiondate, TZ) === typed);
  }
  return found;
}

/** Seeds the generated shop, then the cases a generator does not make: NULL dates, equal dates, NULL and odd letterings, an unknown status. */
async function seedVaried(db: Pool, bills: number): Promise<void> {
  await seedShop(db, { prefix: P, bills, shops: 3, customers: 30, seed: 424242, letteredShare: 0.5 });
  const [ids] = (await db.query(`SELECT id FROM ${P}local_shop_bill ORDER BY id`)) as unknown as [Array<{ id: number }>];
  const at = (i: number) => ids[i % ids.length]!.id;
  await db.query(`UPDATE ${P}local_shop_bill SET emissiondate = NULL WHERE id IN (?)`, [[at(3), at(50), at(51), at(200)]]);
  // Several bills on one date, so that the cursor's id breaks the tie.
  await db.query(`UPDATE ${P}local_shop_bill SET emissiondate = (SELECT d FROM (SELECT emissiondate AS d FROM ${P}local_shop_bill WHERE id = ?) x) WHERE id IN (?)`, [at(120), [at(10), at(121), at(122), at(300), at(301)]]);
  await db.query(`UPDATE ${P}local_shop_bill SET idnumber = NULL WHERE idnumber = '' AND id % 5 = 0`);
  await db.query(`UPDATE ${P}local_shop_bill SET idnumber = ? WHERE id = ?`, ['FB_%_odd', at(7)]);
  await db.query(`UPDATE ${P}local_shop_bill SET idnumber = ? WHERE id = ?`, ['fà-2099-x', at(8)]);
  await db.query(`UPDATE ${P}local_shop_bill SET status = 'ARCHIVED' WHERE id = ?`, [at(9)]);
  // A customer whose name starts with digits, a transaction code that is a number.
  await db.query(`UPDATE ${P}local_shop_customer SET lastname = '1984 Conseil' WHERE id = (SELECT MIN(id) FROM (SELECT id FROM ${P}local_shop_customer) x)`);
  await db.query(`UPDATE ${P}local_shop_bill SET transactionid = ? WHERE id = ?`, [String(at(11)), at(12)]);
  await db.query(`ANALYZE TABLE ${P}local_shop_bill, ${P}local_shop_customer`);
}

/** Search texts taken from the data: prefixes of letterings, codes, names, emails, ids, invoice numbers; and some that match nothing. */
async function searchTexts(db: Pool): Promise<string[]> {
  const [bills] = (await db.query(`SELECT id, idnumber, transactionid, emissiondate FROM ${P}local_shop_bill ORDER BY id`)) as unknown as [
    Array<{ id: number; idnumber: string | null; transactionid: string | null; emissiondate: number | null }>,
  ];
  const [customers] = (await db.query(`SELECT firstname, lastname, email FROM ${P}local_shop_customer`)) as unknown as [
    Array<{ firstname: string; lastname: string; email: string }>,
  ];
  const texts = new Set<string>(['FA-', 'FA-20', 'fa-2019', 'FB_%', 'T', '%', '_', '\\', 'zzz-nothing', '1', '19', 'Mart', 'lefevre', 'é', 'B-20170101-1']);
  bills.forEach((bill, i) => {
    if (i % 23 === 0 && bill.idnumber) texts.add(bill.idnumber.slice(0, 3 + (i % (bill.idnumber.length - 2))));
    if (i % 29 === 0 && bill.transactionid) texts.add(bill.transactionid.slice(0, 2 + (i % (bill.transactionid.length - 1))));
    if (i % 31 === 0) texts.add(String(bill.id));
    if (i % 37 === 0) texts.add(invoiceNumber(bill.id, bill.emissiondate, TZ));
    if (i % 41 === 0) texts.add(`b${invoiceNumber(bill.id, bill.emissiondate, TZ).slice(2)}`);
    if (i % 43 === 0) texts.add(`B-19990101-${bill.id}`);
  });
  customers.forEach((customer, i) => {
    if (i % 4 === 0) texts.add(customer.lastname.slice(0, 2 + (i % 4)));
    if (i % 5 === 0) texts.add(customer.firstname.toLowerCase());
    if (i % 6 === 0) texts.add(customer.email.slice(0, 6 + (i % 10)));
  });
  return [...texts];
}

/** Filters as the API builds them from its query string. */
function filtersArbitrary(shops: number[], texts: string[]) {
  const statuses = fc.oneof(
    fc.constant([] as string[]),
    fc.constantFrom<readonly string[]>(INVOICE_STATUSES, ORDER_STATUSES, ATTEMPT_STATUSES, ['SOLDOUT', 'COMPLETE'], ['ARCHIVED']),
    fc.subarray([...BILL_STATUSES], { minLength: 1, maxLength: 4 }),
  );
  return fc.record({
    statuses,
    shopId: fc.option(fc.constantFrom(...shops), { nil: undefined }),
    lettered: fc.option(fc.boolean(), { nil: undefined }),
    search: fc.option(fc.constantFrom(...texts), { nil: undefined, freq: 2 }),
  });
}

let throwaway: ThrowawayDatabase;
let database: Database;
let regular: BillQueries;
let tiny: BillQueries;
let shops: number[];
let texts: string[];

beforeAll(async () => {
  throwaway = await createThrowawayDatabase();
  await seedVaried(throwaway.admin, 600);
  const [rows] = (await throwaway.admin.query(`SELECT id FROM ${P}local_shop ORDER BY id`)) as unknown as [Array<{ id: number }>];
  shops = rows.map((row) => row.id);
  texts = await searchTexts(throwaway.admin);
  database = openDatabase(throwaway);
  regular = createBillQueries(database, TZ);
  tiny = createBillQueries(database, TZ, { searchTuning: TINY });
});

afterAll(async () => {
  await database?.close();
  await throwaway?.drop();
});

describe.each([
  ['the service tuning', () => regular],
  ['a tiny tuning (every plan of every search source)', () => tiny],
])('the list with %s', (_, queries) => {
  it('gives, from any place in the list, the page a plain query gives', async () => {
    await fc.assert(
      fc.asyncProperty(filtersArbitrary(shops, texts), fc.integer({ min: 1, max: 25 }), fc.double({ min: 0, max: 1, noNaN: true }), async (filters, limit, where) => {
        const expected = await reference(throwaway.admin, filters);
        // Start at the top, or after any bill of the list, or after a bill that is not in it.
        const start = where < 0.3 ? 0 : Math.floor(where * expected.length);
        let cursor = start > 0 && start <= expected.length ? expected[start - 1]! : null;
        if (where > 0.95) cursor = { id: 1 + Math.floor(where * 1000), emissiondate: where > 0.98 ? null : 1600000000 };
        const wanted = cursor && where > 0.95 ? expected.filter((row) => after(row, cursor!)) : expected.slice(start);
        const page = await queries().list(filters, cursor, limit);
        expect(page.items.map((item) => item.id)).toEqual(wanted.slice(0, limit).map((row) => row.id));
        expect(page.nextCursor !== null).toBe(wanted.length > limit);
        if (page.nextCursor) expect(decodeCursor(page.nextCursor)).toEqual(wanted[limit - 1]);
      }),
      { numRuns: 250, seed: 20240601 },
    );
  });

  it('walks a search page by page to the end without gaps or repeats', async () => {
    for (const search of ['FA-2', 'T', texts.find((t) => /^[A-Z][a-z]/.test(t)) ?? 'Mart', '1']) {
      for (const filters of [{ search }, { search, statuses: ['COMPLETE'] }, { search, statuses: [...INVOICE_STATUSES], lettered: true }]) {
        const expected = (await reference(throwaway.admin, filters)).map((row) => row.id);
        const seen: number[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const page = await queries().list(filters, cursor ? decodeCursor(cursor) : null, 7);
          seen.push(...page.items.map((item) => item.id));
          cursor = page.nextCursor;
          pages++;
        } while (cursor && pages < 200);
        expect(seen).toEqual(expected);
      }
    }
  });
});

/** Whether a bill comes after the cursor in page order. */
function after(row: Ref, cursor: Ref): boolean {
  if (cursor.emissiondate === null) return row.emissiondate === null && row.id < cursor.id;
  if (row.emissiondate === null) return true;
  return row.emissiondate < cursor.emissiondate || (row.emissiondate === cursor.emissiondate && row.id < cursor.id);
}

describe('search combined with the other filters and a cursor', () => {
  it.each([
    ['a lettering prefix in one tab', { search: 'FA-20', statuses: ['COMPLETE'] }, false],
    ['a lettering prefix among the unlettered (none)', { search: 'FA-20', lettered: false }, false],
    ['a customer name in one shop, lettered', { search: 'Mart', lettered: true }, true],
    ['a transaction prefix in the invoices tab, one shop', { search: 'T', statuses: [...INVOICE_STATUSES] }, true],
    ['a bare number, unlettered', { search: '1', lettered: false }, false],
  ])('%s', async (_, filters: BillFilters, oneShop: boolean) => {
    const withShop = { ...filters, shopId: oneShop ? shops[1] : undefined };
    const expected = await reference(throwaway.admin, withShop);
    const first = await regular.list(withShop, null, 5);
    expect(first.items.map((item) => item.id)).toEqual(expected.slice(0, 5).map((row) => row.id));
    if (expected.length > 5) {
      const second = await tiny.list(withShop, decodeCursor(first.nextCursor!), 5);
      expect(second.items.map((item) => item.id)).toEqual(expected.slice(5, 10).map((row) => row.id));
    } else {
      expect(first.nextCursor).toBeNull();
    }
  });
});

describe('the index names', () => {
  it('picks an index by its columns, the primary key appended as InnoDB does', () => {
    const indexes = [
      { name: 'PRIMARY', columns: ['id'] },
      { name: 'mdl_locashopbill_sta_ix', columns: ['status'] },
      { name: 'mdl_locashopbill_staemi_ix', columns: ['status', 'emissiondate'] },
      { name: 'mdl_locashopbill_staidnemi_ix', columns: ['status', 'idnumber', 'emissiondate', 'id'] },
      { name: 'mdl_locashopbill_idn_ix', columns: ['idnumber'] },
    ];
    expect(pickIndex(indexes, ['status', 'emissiondate', 'id'])).toBe('mdl_locashopbill_staemi_ix');
    expect(pickIndex(indexes, ['status', 'idnumber', 'emissiondate', 'id'])).toBe('mdl_locashopbill_staidnemi_ix');
    expect(pickIndex(indexes, ['emissiondate', 'id'])).toBeNull();
    expect(pickIndex(indexes, ['idnumber', 'emissiondate', 'id'], 1)).toBe('mdl_locashopbill_idn_ix');
    expect(pickIndex(indexes, ['idnumber', 'emissiondate', 'id'])).toBeNull();
    expect(pickIndex([...indexes, { name: 'wide', columns: ['idnumber', 'emissiondate', 'id'] }], ['idnumber', 'emissiondate', 'id'], 1)).toBe('wide');
  });

  it('finds the indexes under the names Moodle gives them, and answers without them or with one refused', async () => {
    const other = await createThrowawayDatabase();
    const otherDb = openDatabase(other, 2);
    try {
      await seedVaried(other.admin, 300);
      const table = `${P}local_shop_bill`;
      // Rename every plugin index the way Moodle names indexes.
      const [indexes] = (await other.admin.query(
        `SELECT INDEX_NAME AS name, GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX) AS columns FROM information_schema.STATISTICS
          WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND INDEX_NAME LIKE '%ix_lettering%' GROUP BY INDEX_NAME`,
        [table],
      )) as unknown as [Array<{ name: string; columns: string }>];
      expect(indexes.length).toBeGreaterThanOrEqual(4);
      const moodleName = (columns: string) => `${P}locashopbill_${columns.split(',').map((c) => c.slice(0, 3)).join('')}_ix`;
      for (const index of indexes) {
        await other.admin.query(`ALTER TABLE ${table} RENAME INDEX \`${index.name}\` TO \`${moodleName(index.columns)}\``);
      }
      const lookup = createIndexLookup(otherDb);
      expect(await lookup.find(table, ['status', 'idnumber', 'emissiondate', 'id'])).toBe(`${P}locashopbill_staidnemiid_ix`);
      expect(await lookup.find(table, ['idnumber', 'emissiondate', 'id'], 1)).toBe(`${P}locashopbill_idnemiid_ix`);
      expect(await lookup.find(table, ['emissiondate', 'id'])).toBe(`${P}locashopbill_emiid_ix`);

      const queries = createBillQueries(otherDb, TZ, { searchTuning: TINY });
      const cases: BillFilters[] = [
        { statuses: ['COMPLETE'] },
        { statuses: ['SOLDOUT', 'COMPLETE'], lettered: false },
        { lettered: false },
        { search: 'FA-2' },
        { search: 'T', statuses: ['COMPLETE'] },
      ];
      const check = async () => {
        for (const filters of cases) {
          const expected = await reference(other.admin, filters);
          const page = await queries.list(filters, null, 10);
          expect(page.items.map((item) => item.id)).toEqual(expected.slice(0, 10).map((row) => row.id));
        }
      };
      await check();
      // An index the server refuses to use (MariaDB's IGNORED, MySQL's INVISIBLE): the hints are left out.
      const [version] = (await other.admin.query('SELECT VERSION() AS v')) as unknown as [Array<{ v: string }>];
      const refuse = /mariadb/i.test(version[0]!.v) ? 'IGNORED' : 'INVISIBLE';
      await other.admin.query(`ALTER TABLE ${table} ALTER INDEX \`${moodleName('status,emissiondate,id')}\` ${refuse}`);
      await check();
      // The indexes dropped while the service runs (the names it holds are stale): still right.
      for (const index of indexes) await other.admin.query(`ALTER TABLE ${table} DROP INDEX \`${moodleName(index.columns)}\``);
      await check();
    } finally {
      await otherDb.close();
      await other.drop();
    }
  });
});

describe('rows read', () => {
  let busy: ThrowawayDatabase;
  let single: Database;
  let queries: BillQueries;

  /** Index and table rows the server read for one call (one connection, so the session's counters are the call's). */
  async function rowsRead(work: () => Promise<unknown>): Promise<number> {
    const read = async () => {
      const [rows] = (await single.pool.query("SHOW SESSION STATUS LIKE 'Handler_read%'")) as unknown as [Array<{ Variable_name: string; Value: string }>];
      return rows.reduce((sum, row) => sum + (row.Variable_name === 'Handler_read_rnd_deleted' ? 0 : Number(row.Value)), 0);
    };
    const a = await read();
    const b = await read();
    await work();
    const c = await read();
    return c - b - (b - a);
  }

  beforeAll(async () => {
    busy = await createThrowawayDatabase();
    // An accountant nearly done: all but a few invoices lettered.
    await seedShop(busy.admin, { prefix: P, bills: 4000, shops: 2, customers: 200, seed: 99, letteredShare: 0.995 });
    await busy.admin.query(`ANALYZE TABLE ${P}local_shop_bill, ${P}local_shop_customer`);
    single = openDatabase(busy, 1);
    queries = createBillQueries(single, TZ);
  });

  afterAll(async () => {
    await single?.close();
    await busy?.drop();
  });

  it('the worklist reads a page, not the table, when nearly everything is lettered', async () => {
    const filters: BillFilters = { statuses: ['SOLDOUT', 'COMPLETE'], lettered: false };
    const expected = await reference(busy.admin, filters);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(40);
    let page: Awaited<ReturnType<BillQueries['list']>> | undefined;
    const read = await rowsRead(async () => {
      page = await queries.list(filters, null, 20);
    });
    expect(page!.items.map((item) => item.id)).toEqual(expected.slice(0, 20).map((row) => row.id));
    expect(read).toBeLessThan(200);
  });

  it('a deep page by cursor reads about a page', async () => {
    const expected = await reference(busy.admin, { statuses: ['COMPLETE'] });
    const cursor = expected[expected.length - 100]!;
    const read = await rowsRead(() => queries.list({ statuses: ['COMPLETE'] }, { id: cursor.id, emissiondate: cursor.emissiondate }, 20));
    expect(read).toBeLessThan(150);
    const all = await rowsRead(() => queries.list({}, { id: cursor.id, emissiondate: cursor.emissiondate }, 20));
    expect(all).toBeLessThan(150);
  });

  it.each([
    ['a lettering', (ref: { idnumber: string }) => ref.idnumber],
    ['a transaction code', (ref: { transactionid: string }) => ref.transactionid],
    ['a text that matches nothing', () => 'Zzyzx'],
  ])('a search for %s reads a few rows, not the table', async (_, text) => {
    const [rows] = (await busy.admin.query(`SELECT idnumber, transactionid FROM ${P}local_shop_bill WHERE idnumber <> '' ORDER BY id LIMIT 1 OFFSET 100`)) as unknown as [
      Array<{ idnumber: string; transactionid: string }>,
    ];
    const search = text(rows[0]!);
    const expected = await reference(busy.admin, { search });
    let page: Awaited<ReturnType<BillQueries['list']>> | undefined;
    const read = await rowsRead(async () => {
      page = await queries.list({ search }, null, 20);
    });
    expect(page!.items.map((item) => item.id)).toEqual(expected.slice(0, 20).map((row) => row.id));
    // The old OR walked the 4000 bills backwards.
    expect(read).toBeLessThan(200);
  });
});

