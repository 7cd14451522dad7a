/** Rows for tests, inserted directly as the shop would have written them. */
import type { Pool } from 'mysql2/promise';

let sequence = 0;

export async function insertShop(db: Pool, prefix: string, name = `Shop ${++sequence}`): Promise<number> {
  const [result] = (await db.query(`INSERT INTO \`${prefix}local_shop\` (name, currency) VALUES (?, 'EUR')`, [name])) as unknown as [{ insertId: number }];
  return result.insertId;
}

export async function insertCustomer(
  db: Pool,
  prefix: string,
  values: { shopid: number; firstname?: string; lastname?: string; email?: string },
): Promise<number> {
  const n = ++sequence;
  const [result] = (await db.query(
    `INSERT INTO \`${prefix}local_shop_customer\` (shopid, firstname, lastname, zip, email, city, country, organisation, hasaccount) VALUES (?, ?, ?, '75001', ?, 'Paris', 'FR', '', 0)`,
    [values.shopid, values.firstname ?? 'Camille', values.lastname ?? `Client${n}`, values.email ?? `client${n}@example.com`],
  )) as unknown as [{ insertId: number }];
  return result.insertId;
}

export interface BillValues {
  shopid: number;
  customerid: number;
  status?: string;
  idnumber?: string | null;
  emissiondate?: number | null;
  amount?: string;
  transactionid?: string;
}

export async function insertBill(db: Pool, prefix: string, values: BillValues): Promise<number> {
  const n = ++sequence;
  const [result] = (await db.query(
    `INSERT INTO \`${prefix}local_shop_bill\` (shopid, customerid, status, idnumber, emissiondate, untaxedamount, taxes, amount, transactionid, onlinetransactionid, paymode)
     VALUES (?, ?, ?, ?, ?, ?, '0.000', ?, ?, ?, 'systempay')`,
    [
      values.shopid,
      String(values.customerid),
      values.status ?? 'COMPLETE',
      values.idnumber === undefined ? '' : values.idnumber,
      values.emissiondate === undefined ? 1496334928 + n : values.emissiondate,
      values.amount ?? '120.500',
      values.amount ?? '120.500',
      values.transactionid ?? `TX${process.pid}N${n}`,
      `PAY-${n}`,
    ],
  )) as unknown as [{ insertId: number }];
  return result.insertId;
}

export async function letteringOf(db: Pool, prefix: string, billId: number): Promise<string | null> {
  const [rows] = (await db.query(`SELECT idnumber FROM \`${prefix}local_shop_bill\` WHERE id = ?`, [billId])) as unknown as [Array<{ idnumber: string | null }>];
  return rows[0]?.idnumber ?? null;
}

/** A checksum of the whole bill table: equal before and after means nothing changed. */
export async function billTableChecksum(db: Pool, prefix: string): Promise<string> {
  const [rows] = (await db.query(`CHECKSUM TABLE \`${prefix}local_shop_bill\``)) as unknown as [Array<{ Checksum: string | number }>];
  return String(rows[0]!.Checksum);
}
