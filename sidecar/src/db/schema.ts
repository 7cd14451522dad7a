/**
 * Drizzle definitions of the shop tables the sidecar reads and writes.
 *
 * The columns are those of the shop's db/install.xml, typed the way Moodle
 * creates them on MySQL/MariaDB: ids and Unix timestamps as numbers, money
 * (DECIMAL(10,3)) as strings so that no amount ever goes through a float.
 * Only the columns the sidecar uses are declared; the tables are never
 * created or altered from here (Moodle's install and upgrade do that).
 */
import { bigint, decimal, double, longtext, mysqlTableCreator, varchar } from 'drizzle-orm/mysql-core';

export function createShopSchema(prefix: string) {
  const table = mysqlTableCreator((name) => `${prefix}${name}`);

  const shops = table('local_shop', {
    id: bigint('id', { mode: 'number' }).primaryKey().autoincrement(),
    name: varchar('name', { length: 255 }).notNull(),
    currency: varchar('currency', { length: 3 }),
    catalogid: bigint('catalogid', { mode: 'number' }),
  });

  const customers = table('local_shop_customer', {
    id: bigint('id', { mode: 'number' }).primaryKey().autoincrement(),
    shopid: bigint('shopid', { mode: 'number' }).notNull(),
    firstname: varchar('firstname', { length: 40 }).notNull(),
    lastname: varchar('lastname', { length: 40 }).notNull(),
    address: varchar('address', { length: 255 }),
    zip: varchar('zip', { length: 6 }).notNull(),
    email: varchar('email', { length: 80 }).notNull(),
    city: varchar('city', { length: 40 }).notNull(),
    country: varchar('country', { length: 2 }).notNull(),
    organisation: varchar('organisation', { length: 64 }).notNull(),
    hasaccount: bigint('hasaccount', { mode: 'number' }).notNull(),
  });

  const bills = table('local_shop_bill', {
    id: bigint('id', { mode: 'number' }).primaryKey().autoincrement(),
    shopid: bigint('shopid', { mode: 'number' }),
    userid: bigint('userid', { mode: 'number' }),
    idnumber: varchar('idnumber', { length: 255 }),
    customerid: varchar('customerid', { length: 50 }).notNull(),
    title: varchar('title', { length: 255 }),
    worktype: varchar('worktype', { length: 5 }).notNull(),
    status: varchar('status', { length: 10 }).notNull(),
    emissiondate: bigint('emissiondate', { mode: 'number' }),
    lastactiondate: bigint('lastactiondate', { mode: 'number' }),
    untaxedamount: decimal('untaxedamount', { precision: 10, scale: 3 }).notNull(),
    taxes: decimal('taxes', { precision: 10, scale: 3 }).notNull(),
    amount: decimal('amount', { precision: 10, scale: 3 }).notNull(),
    currency: varchar('currency', { length: 16 }).notNull(),
    convertedamount: decimal('convertedamount', { precision: 10, scale: 3 }).notNull(),
    transactionid: varchar('transactionid', { length: 40 }),
    onlinetransactionid: varchar('onlinetransactionid', { length: 128 }),
    paiedamount: decimal('paiedamount', { precision: 10, scale: 3 }).notNull(),
    discount: decimal('discount', { precision: 10, scale: 3 }).notNull(),
    untaxeddiscount: decimal('untaxeddiscount', { precision: 10, scale: 3 }).notNull(),
    discounttaxes: decimal('discounttaxes', { precision: 10, scale: 3 }).notNull(),
    paymentfee: decimal('paymentfee', { precision: 10, scale: 3 }).notNull(),
    paymode: varchar('paymode', { length: 16 }).notNull(),
    ignoretax: bigint('ignoretax', { mode: 'number' }).notNull(),
    test: bigint('test', { mode: 'number' }).notNull(),
  });

  const billItems = table('local_shop_billitem', {
    id: bigint('id', { mode: 'number' }).primaryKey().autoincrement(),
    billid: bigint('billid', { mode: 'number' }).notNull(),
    ordering: bigint('ordering', { mode: 'number' }).notNull(),
    type: varchar('type', { length: 10 }).notNull(),
    itemcode: varchar('itemcode', { length: 32 }),
    abstract: varchar('abstract', { length: 255 }).notNull(),
    description: longtext('description').notNull(),
    unitcost: decimal('unitcost', { precision: 10, scale: 3 }).notNull(),
    quantity: double('quantity').notNull(),
    totalprice: decimal('totalprice', { precision: 10, scale: 3 }),
    taxcode: varchar('taxcode', { length: 8 }),
  });

  return { shops, customers, bills, billItems };
}

export type ShopSchema = ReturnType<typeof createShopSchema>;
