/**
 * Sample shop data: shops, customers, bills across every status, lines.
 * Deterministic for a given seed, so demo, tests and benchmark are repeatable.
 * Rows go in by multi-row INSERTs, fast enough for a million bills.
 */
import type { Connection, Pool } from 'mysql2/promise';
import { prng } from './prng.js';

export interface SeedOptions {
  prefix: string;
  bills: number;
  shops?: number;
  customers?: number;
  /** Share of invoices that get a lettering (0..1). */
  letteredShare?: number;
  seed?: number;
  /** First emission date (Unix seconds); bills spread over the following years. */
  since?: number;
  linesPerBill?: number;
  onProgress?: (done: number, total: number) => void;
}

const STATUS_WEIGHTS: Array<[string, number]> = [
  ['COMPLETE', 40],
  ['SOLDOUT', 20],
  ['PENDING', 8],
  ['PLACED', 5],
  ['WORKING', 4],
  ['PAYBACK', 3],
  ['CANCELLED', 8],
  ['FAILED', 7],
  ['REFUSED', 2],
  ['PARTIAL', 1],
  ['RECOVERING', 1],
  ['PREPROD', 1],
];
const INVOICE = new Set(['COMPLETE', 'SOLDOUT', 'PAYBACK', 'PARTIAL', 'RECOVERING', 'PREPROD']);
const FIRST_NAMES = ['Camille', 'Léa', 'Hugo', 'Chloé', 'Lucas', 'Manon', 'Jules', 'Inès', 'Louis', 'Zoé', 'Gabriel', 'Éloïse', 'Arthur', 'Anaïs', 'Noah', 'Margaux'];
const LAST_NAMES = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefèvre', 'Michel', 'García', 'Dupont', 'Lambert', 'Fontaine', 'Rousseau', 'Vincent'];
const CITIES = ['Paris', 'Lyon', 'Marseille', 'Toulouse', 'Nantes', 'Lille', 'Bordeaux', 'Rennes'];
const PAYMODES = ['systempay', 'paypal', 'transfer', 'check', 'card', 'stripe_checkout', 'freeorder'];
const PRODUCTS: Array<[string, string, string]> = [
  ['MOOC-PY', 'Python for beginners', '120.000'],
  ['MOOC-XL', 'Spreadsheets at work', '89.000'],
  ['CERT-EN', 'English certification', '249.500'],
  ['COACH-1', 'One hour of coaching', '60.000'],
  ['PACK-3', 'Pack of three courses', '299.000'],
];

/** Adds two DECIMAL(10,3) strings exactly (in thousandths). */
function decimal(thousandths: number): string {
  const sign = thousandths < 0 ? '-' : '';
  const abs = Math.abs(thousandths);
  return `${sign}${Math.floor(abs / 1000)}.${String(abs % 1000).padStart(3, '0')}`;
}
function thousandths(text: string): number {
  const [whole, fraction = ''] = text.split('.');
  return Number(whole) * 1000 + Number(fraction.padEnd(3, '0').slice(0, 3));
}

type Db = Pool | Connection;

async function insertRows(db: Db, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  const placeholders = `(${columns.map(() => '?').join(',')})`;
  await db.query(`INSERT INTO \`${table}\` (${columns.map((c) => `\`${c}\``).join(',')}) VALUES ${rows.map(() => placeholders).join(',')}`, rows.flat());
}

export interface SeedResult {
  shopIds: number[];
  bills: number;
}

export async function seedShop(db: Db, options: SeedOptions): Promise<SeedResult> {
  const next = prng(options.seed ?? 20170601);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const prefix = options.prefix;
  const shopCount = options.shops ?? 2;
  const customerCount = options.customers ?? Math.max(50, Math.min(20000, Math.ceil(options.bills / 10)));
  const letteredShare = options.letteredShare ?? 0.5;
  const since = options.since ?? 1483228800; // 2017-01-01
  const linesPerBill = options.linesPerBill ?? 2;
  const totalWeight = STATUS_WEIGHTS.reduce((sum, [, w]) => sum + w, 0);
  const pickStatus = () => {
    let roll = next() * totalWeight;
    for (const [status, weight] of STATUS_WEIGHTS) {
      roll -= weight;
      if (roll < 0) return status;
    }
    return 'COMPLETE';
  };

  const [catalogResult] = (await db.query(`INSERT INTO \`${prefix}local_shop_catalog\` (name) VALUES (?)`, [`Catalogue ${Date.now()}-${options.seed ?? 0}`])) as unknown as [{ insertId: number }];
  const shopIds: number[] = [];
  const shopNames = ['Boutique principale', 'Formations entreprises', 'International store'];
  for (let i = 0; i < shopCount; i++) {
    const [result] = (await db.query(`INSERT INTO \`${prefix}local_shop\` (name, currency, catalogid) VALUES (?, ?, ?)`, [
      `${shopNames[i % shopNames.length]}${i >= shopNames.length ? ` ${i + 1}` : ''} #${options.seed ?? 0}`,
      i === 2 ? 'USD' : 'EUR',
      catalogResult.insertId,
    ])) as unknown as [{ insertId: number }];
    shopIds.push(result.insertId);
  }

  const customerIds: Array<{ id: number; shopid: number; userid: number }> = [];
  const customerBatch: unknown[][] = [];
  const flushCustomers = async () => {
    if (customerBatch.length === 0) return;
    const [result] = (await db.query(
      `INSERT INTO \`${prefix}local_shop_customer\` (shopid, firstname, lastname, address, zip, email, city, country, organisation, hasaccount, timecreated) VALUES ${customerBatch.map(() => '(?,?,?,?,?,?,?,?,?,?,?)').join(',')}`,
      customerBatch.flat(),
    )) as unknown as [{ insertId: number }];
    customerBatch.forEach((row, index) => customerIds.push({ id: result.insertId + index, shopid: row[0] as number, userid: row[9] as number }));
    customerBatch.length = 0;
  };
  for (let i = 0; i < customerCount; i++) {
    const firstname = pick(FIRST_NAMES);
    const lastname = pick(LAST_NAMES);
    const email = `${firstname}.${lastname}.${i}@example.com`.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    customerBatch.push([pick(shopIds), firstname, lastname, `${1 + (i % 120)} rue de la Paix`, String(75001 + (i % 20)), email, pick(CITIES), 'FR', i % 7 === 0 ? 'ACME SARL' : '', i % 3 === 0 ? 0 : 100 + i, since]);
    if (customerBatch.length >= 2000) await flushCustomers();
  }
  await flushCustomers();

  const span = 8 * 365 * 86400;
  const billColumns = ['shopid', 'userid', 'idnumber', 'customerid', 'title', 'status', 'emissiondate', 'lastactiondate', 'untaxedamount', 'taxes', 'amount', 'currency', 'transactionid', 'onlinetransactionid', 'paymode', 'paiedamount'];
  const batchSize = 2000;
  let done = 0;
  while (done < options.bills) {
    const count = Math.min(batchSize, options.bills - done);
    const rows: unknown[][] = [];
    const lines: Array<Array<[string, string, string]>> = [];
    for (let i = 0; i < count; i++) {
      const n = done + i;
      const customer = pick(customerIds);
      const status = pickStatus();
      const emission = since + Math.floor(((n + next()) / options.bills) * span);
      const items = Array.from({ length: 1 + Math.floor(next() * linesPerBill) }, () => pick(PRODUCTS));
      const untaxed = items.reduce((sum, [, , price]) => sum + thousandths(price), 0);
      const taxes = Math.round(untaxed * 0.2);
      const lettered = INVOICE.has(status) && next() < letteredShare;
      const transaction = `T${(options.seed ?? 0).toString(36).toUpperCase()}${n.toString(36).toUpperCase().padStart(8, '0')}${Math.floor(next() * 1e6).toString(36).toUpperCase()}`;
      rows.push([
        customer.shopid,
        customer.userid || null,
        lettered ? `FA-${new Date(emission * 1000).getUTCFullYear()}-${String(n + 1).padStart(7, '0')}` : '',
        String(customer.id),
        'Commande en ligne',
        status,
        emission,
        emission + 3600,
        decimal(untaxed),
        decimal(taxes),
        decimal(untaxed + taxes),
        'EUR',
        transaction,
        INVOICE.has(status) ? `${Math.floor(next() * 1e8)}-${emission}-${String(n % 1000000).padStart(6, '0')}` : null,
        pick(PAYMODES),
        INVOICE.has(status) ? decimal(untaxed + taxes) : '0.000',
      ]);
      lines.push(items);
    }
    const [result] = (await db.query(
      `INSERT INTO \`${prefix}local_shop_bill\` (${billColumns.join(',')}) VALUES ${rows.map(() => `(${billColumns.map(() => '?').join(',')})`).join(',')}`,
      rows.flat(),
    )) as unknown as [{ insertId: number }];
    const lineRows: unknown[][] = [];
    lines.forEach((items, index) => {
      items.forEach(([code, name, price], ordering) => {
        lineRows.push([result.insertId + index, ordering + 1, 'BILLING', code, name, '', price, 1, price, 'TVA20']);
      });
    });
    await insertRows(db, `${prefix}local_shop_billitem`, ['billid', 'ordering', 'type', 'itemcode', 'abstract', 'description', 'unitcost', 'quantity', 'totalprice', 'taxcode'], lineRows);
    done += count;
    options.onProgress?.(done, options.bills);
  }
  return { shopIds, bills: options.bills };
}
