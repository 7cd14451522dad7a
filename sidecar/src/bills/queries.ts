/**
 * Reading bills: the list behind the tabs, the per-status counts, and one
 * bill with everything its page shows.
 *
 * A page is read in two steps: the page's bills, in order, without any join
 * (page-ids.ts: an index range that stops after the page), then their rows by
 * primary key with the shop and the customer.
 */
import { and, asc, count, eq, inArray, isNotNull, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { notLetterableReason, type NotLetterableReason } from '../lettering/statuses.js';
import { storedLettering } from '../lettering/rules.js';
import type { BillCursor } from './cursor.js';
import { encodeCursor } from './cursor.js';
import { createIndexLookup } from './index-hints.js';
import { invoiceNumber, parseInvoiceNumber } from './invoice-number.js';
import { createPageIds } from './page-ids.js';
import { SEARCH_TUNING, type SearchTuning } from './search.js';

/** The most search matches the tab counts count; beyond, they say they are capped. */
export const SEARCH_COUNT_CAP = 5000;

export interface BillFilters {
  statuses?: readonly string[];
  shopId?: number;
  lettered?: boolean;
  search?: string;
}

export interface CustomerSummary {
  id: number | null;
  firstname: string | null;
  lastname: string | null;
  email: string | null;
  organisation: string | null;
}

export interface BillSummary {
  id: number;
  number: string;
  emissiondate: number | null;
  status: string;
  shop: { id: number | null; name: string | null };
  amount: string;
  currency: string;
  transactionid: string | null;
  customer: CustomerSummary;
  lettering: string;
  letterable: boolean;
}

export interface BillLine {
  id: number;
  ordering: number;
  type: string;
  itemcode: string | null;
  abstract: string;
  unitcost: string;
  quantity: number;
  totalprice: string | null;
  taxcode: string | null;
}

export interface BillDetail extends BillSummary {
  title: string | null;
  worktype: string;
  lastactiondate: number | null;
  untaxedamount: string;
  taxes: string;
  discount: string;
  untaxeddiscount: string;
  discounttaxes: string;
  paymentfee: string;
  paiedamount: string;
  convertedamount: string;
  onlinetransactionid: string | null;
  paymode: string;
  test: boolean;
  customer: CustomerSummary & {
    address: string | null;
    zip: string | null;
    city: string | null;
    country: string | null;
    userid: number | null;
  };
  lines: BillLine[];
  letteringState: { letterable: boolean; reason: NotLetterableReason | null };
}

export interface BillPage {
  items: BillSummary[];
  nextCursor: string | null;
}

export function createBillQueries(database: Database, timezone: string, options: { searchTuning?: SearchTuning } = {}) {
  const { db, tables } = database;
  const { bills, shops, customers, billItems } = tables;
  const pageIds = createPageIds(database, createIndexLookup(database), options.searchTuning ?? SEARCH_TUNING);

  const customerJoin = sql`${customers.id} = ${bills.customerid}`;

  const summaryColumns = {
    id: bills.id,
    emissiondate: bills.emissiondate,
    status: bills.status,
    shopid: bills.shopid,
    shopname: shops.name,
    amount: bills.amount,
    currency: bills.currency,
    transactionid: bills.transactionid,
    idnumber: bills.idnumber,
    customerid: customers.id,
    firstname: customers.firstname,
    lastname: customers.lastname,
    email: customers.email,
    organisation: customers.organisation,
  };

  type SummaryRow = {
    id: number;
    emissiondate: number | null;
    status: string;
    shopid: number | null;
    shopname: string | null;
    amount: string;
    currency: string;
    transactionid: string | null;
    idnumber: string | null;
    customerid: number | null;
    firstname: string | null;
    lastname: string | null;
    email: string | null;
    organisation: string | null;
  };

  function toSummary(row: SummaryRow): BillSummary {
    return {
      id: row.id,
      number: invoiceNumber(row.id, row.emissiondate, timezone),
      emissiondate: row.emissiondate,
      status: row.status,
      shop: { id: row.shopid, name: row.shopname },
      amount: row.amount,
      currency: row.currency,
      transactionid: row.transactionid,
      customer: {
        id: row.customerid,
        firstname: row.firstname,
        lastname: row.lastname,
        email: row.email,
        organisation: row.organisation,
      },
      lettering: storedLettering(row.idnumber),
      letterable: notLetterableReason(row.status) === null,
    };
  }

  function filterConditions(filters: BillFilters): SQL[] {
    const conditions: SQL[] = [];
    if (filters.statuses && filters.statuses.length > 0) conditions.push(inArray(bills.status, [...filters.statuses]));
    if (filters.shopId !== undefined) conditions.push(eq(bills.shopid, filters.shopId));
    if (filters.lettered === true) conditions.push(and(isNotNull(bills.idnumber), ne(bills.idnumber, ''))!);
    if (filters.lettered === false) conditions.push(or(isNull(bills.idnumber), eq(bills.idnumber, ''))!);
    return conditions;
  }

  async function list(filters: BillFilters, cursor: BillCursor | null, limit: number): Promise<BillPage> {
    const keys = await pageIds.select(filters, cursor, limit);
    const ids = keys.slice(0, limit).map((key) => key.id);
    const rows =
      ids.length === 0
        ? []
        : ((await db
            .select(summaryColumns)
            .from(bills)
            .leftJoin(shops, eq(shops.id, bills.shopid))
            .leftJoin(customers, customerJoin)
            .where(inArray(bills.id, ids))) as SummaryRow[]);
    // In the order the first step chose (a bill deleted in between is left out).
    const byId = new Map(rows.map((row) => [row.id, row]));
    let items = ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toSummary(row)] : [];
    });
    // An invoice number names one bill by id and date: a date that does not match finds nothing.
    const typedNumber = filters.search ? parseInvoiceNumber(filters.search) : null;
    if (typedNumber !== null) {
      const typed = filters.search!.trim().toUpperCase().replace(/\s+/g, '').replace(/^B(?!-)/, 'B-');
      items = items.filter((item) => item.number === typed);
    }
    const last = items[items.length - 1];
    const nextCursor = keys.length > limit && last ? encodeCursor({ emissiondate: last.emissiondate, id: last.id }) : null;
    return { items, nextCursor };
  }

  return {
    list,

    /**
     * How many bills of each status match the filters (the status filter itself aside). With a
     * search, the matches are found by the search's own plans and counted up to SEARCH_COUNT_CAP;
     * `capped` says the counts stopped there.
     */
    async countByStatus(filters: Omit<BillFilters, 'statuses'>): Promise<{ statuses: Record<string, number>; capped: boolean }> {
      let where: SQL | undefined = and(...filterConditions({ ...filters, search: undefined }));
      let capped = false;
      if (filters.search) {
        const keys = await pageIds.select({ shopId: filters.shopId, lettered: filters.lettered, search: filters.search }, null, SEARCH_COUNT_CAP);
        capped = keys.length > SEARCH_COUNT_CAP;
        let ids = keys.slice(0, SEARCH_COUNT_CAP).map((key) => key.id);
        // An invoice number names one bill by id and date, as in the list.
        if (parseInvoiceNumber(filters.search) !== null) {
          const typed = (await list({ search: filters.search, shopId: filters.shopId, lettered: filters.lettered }, null, 1)).items;
          ids = typed.map((item) => item.id);
        }
        if (ids.length === 0) return { statuses: {}, capped };
        where = inArray(bills.id, ids);
      }
      const rows = await db.select({ status: bills.status, total: count() }).from(bills).where(where).groupBy(bills.status);
      return { statuses: Object.fromEntries(rows.map((row) => [row.status, Number(row.total)])), capped };
    },

    async get(id: number): Promise<BillDetail | null> {
      // The bill and its lines at once: each by its own index, neither needs the other.
      const billRows = db
        .select({
          ...summaryColumns,
          title: bills.title,
          worktype: bills.worktype,
          lastactiondate: bills.lastactiondate,
          untaxedamount: bills.untaxedamount,
          taxes: bills.taxes,
          discount: bills.discount,
          untaxeddiscount: bills.untaxeddiscount,
          discounttaxes: bills.discounttaxes,
          paymentfee: bills.paymentfee,
          paiedamount: bills.paiedamount,
          convertedamount: bills.convertedamount,
          onlinetransactionid: bills.onlinetransactionid,
          paymode: bills.paymode,
          test: bills.test,
          address: customers.address,
          zip: customers.zip,
          city: customers.city,
          country: customers.country,
          hasaccount: customers.hasaccount,
        })
        .from(bills)
        .leftJoin(shops, eq(shops.id, bills.shopid))
        .leftJoin(customers, customerJoin)
        .where(eq(bills.id, id))
        .limit(1);
      const lineRows = db
        .select({
          id: billItems.id,
          ordering: billItems.ordering,
          type: billItems.type,
          itemcode: billItems.itemcode,
          abstract: billItems.abstract,
          unitcost: billItems.unitcost,
          quantity: billItems.quantity,
          totalprice: billItems.totalprice,
          taxcode: billItems.taxcode,
        })
        .from(billItems)
        .where(eq(billItems.billid, id))
        .orderBy(asc(billItems.ordering), asc(billItems.id));
      const [[row], lines] = await Promise.all([billRows, lineRows]);
      if (!row) return null;
      const summary = toSummary(row as SummaryRow);
      const reason = notLetterableReason(row.status);
      return {
        ...summary,
        title: row.title,
        worktype: row.worktype,
        lastactiondate: row.lastactiondate,
        untaxedamount: row.untaxedamount,
        taxes: row.taxes,
        discount: row.discount,
        untaxeddiscount: row.untaxeddiscount,
        discounttaxes: row.discounttaxes,
        paymentfee: row.paymentfee,
        paiedamount: row.paiedamount,
        convertedamount: row.convertedamount,
        onlinetransactionid: row.onlinetransactionid,
        paymode: row.paymode,
        test: row.test === 1,
        customer: {
          ...summary.customer,
          address: row.address,
          zip: row.zip,
          city: row.city,
          country: row.country,
          userid: row.hasaccount && row.hasaccount > 0 ? row.hasaccount : null,
        },
        lines,
        letteringState: { letterable: reason === null, reason },
      };
    },

    async listShops(): Promise<Array<{ id: number; name: string; currency: string | null }>> {
      return db.select({ id: shops.id, name: shops.name, currency: shops.currency }).from(shops).orderBy(asc(shops.name));
    },
  };
}

export type BillQueries = ReturnType<typeof createBillQueries>;
