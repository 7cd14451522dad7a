/**
 * The search box of the bill list: the first bills, in page order, that match
 * the typed text in any of these ways, with the other filters and the cursor:
 *
 *   - an invoice number (B-YYYYMMDD-id): that bill only;
 *   - a lettering that starts with the text;
 *   - a transaction code that starts with the text;
 *   - a customer whose last name, first name or email starts with the text;
 *   - a bare number: also the bill with that id.
 *
 * One OR over all of these leaves the optimizer no good plan (it walks the
 * date index backwards with a dependent subquery per bill: seconds on a
 * million bills). Each way is a source of its own, read with the plan that
 * suits how many bills it matches, and the sources' first bills are merged
 * (a UNION, each branch with its own ORDER BY … LIMIT).
 *
 * A source's plans:
 *   - its prefix range: the matches through the source's own index, sorted by
 *     date. Cheap for a few matches, about half a microsecond per match
 *     (covering index) or a row read per match (otherwise) for many;
 *   - a bounded walk: the newest bills after the cursor, by date, checked one
 *     by one, at most `dateWindow` of them. Cheap when matches are frequent
 *     among recent bills; when it does not fill the page (and bills remain
 *     beyond the window), the prefix range after all. It starts with a short
 *     walk (`probeWindow` bills): a source that matches there too seldom to
 *     fill the page within the long walk goes straight to its prefix range
 *     (FA-2020 among 2024's bills: the long walk would only add its 2000 row
 *     reads to the range).
 * A source with an index of its own is first counted through it, up to a cap
 * (well under a millisecond): no match, the source is left out; a few, its
 * prefix range; many, the bounded walk first. The bills of many customers are
 * not counted (a long IN list costs more to plan than the walk): walk first.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import type { IndexLookup } from './index-hints.js';
import { parseInvoiceNumber } from './invoice-number.js';
import { INDEX_COLUMNS, type ListShapes } from './list-shapes.js';
import { atOrBefore, branch, mergeKeys, runBranches, scopeConditions, where, type PageKey, type PageScope } from './page-sql.js';

export interface SearchTuning {
  /** Above this many matches a prefix range may cost more than walking the newest bills. */
  prefixRangeCap: number;
  /** Most bills a bounded walk reads (by date) to find a page of a frequent match. */
  dateWindow: number;
  /** Bills of a first, short walk: how often a source matches there says whether the long walk can fill the page. */
  probeWindow: number;
  /** Customers up to which their bills are counted before choosing a plan (beyond: the walk first). */
  customerCountCap: number;
  /**
   * Customers up to which their ids are listed in the bill query; beyond, the
   * walk reads each bill's customer by primary key (a long IN list costs more
   * to plan than that), and only a range after a walk lists them all.
   */
  customerListCap: number;
}

/** Chosen by measuring a million bills (npm run bench, EXPLAIN on its database). */
export const SEARCH_TUNING: SearchTuning = { prefixRangeCap: 2000, dateWindow: 2000, probeWindow: 200, customerCountCap: 50, customerListCap: 200 };

/** LIKE pattern matching text that starts with `prefix`, wildcards in it taken literally. */
export function startsWith(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** How a source found its first bills: ready keys, or branches for the final union. */
type Found = { keys: PageKey[] } | { branches: SQL[] } | null;

interface Source {
  /** The source's condition on the bill table. */
  predicate: SQL;
  /** Counted through this index, with these conditions, before choosing a plan; else the walk first. */
  count: { index: SQL; conditions: SQL[] } | null;
  /** The source's prefix range: branches for the final union. */
  range: () => Promise<SQL[]>;
}

export function createSearch(database: Database, indexes: IndexLookup, shapes: ListShapes, tuning: SearchTuning = SEARCH_TUNING) {
  const { db, tables } = database;
  const { bills, customers } = tables;
  const billTable = `${database.prefix}local_shop_bill`;

  async function hint(columns: readonly string[], required: number): Promise<SQL | null> {
    const name = await indexes.find(billTable, columns, required);
    return name ? sql` FORCE INDEX (${sql.identifier(name)})` : null;
  }

  /** Matches of a condition through a forced index, counted up to cap + 1. */
  async function cappedCount(index: SQL, conditions: SQL[], cap: number): Promise<number> {
    const [rows] = (await db.execute(
      sql`SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${bills}${index}${where(conditions)} LIMIT ${sql.raw(String(cap + 1))}) capped`,
    )) as unknown as [Array<{ n: number | string }>];
    return Number(rows[0]!.n);
  }

  /** One search: where the walks end is shared by the sources. */
  function searchOf(scope: PageScope) {
    const ends = new Map<number, Promise<PageKey | null>>();

    /**
     * Where a walk of `window` bills ends: the window-th bill of the scope's
     * list after the cursor (read from the indexes alone, unless a shop is
     * asked for); null when fewer remain.
     */
    function walkEnd(window: number): Promise<PageKey | null> {
      let end = ends.get(window);
      if (!end) {
        end = shapes.branches(scope).then((branches) => runBranches(database, branches, 1, true, window - 1)).then((keys) => keys[0] ?? null);
        ends.set(window, end);
      }
      return end;
    }

    /**
     * The first bills that meet `predicate`, walking the scope's list after the
     * cursor (its own index ranges, each bill checked on its row) no further
     * than `window` bills. Complete when that filled the page or no bill
     * remains beyond; else the source may have bills beyond.
     */
    async function walk(predicate: SQL, window: number): Promise<{ keys: PageKey[]; complete: boolean }> {
      const last = await walkEnd(window);
      const extra = last ? [predicate, atOrBefore(bills, last)] : [predicate];
      const keys = await runBranches(database, await shapes.branches(scope, extra), scope.take, true);
      return { keys, complete: keys.length >= scope.take || last === null };
    }

    /**
     * The bills of a source, by the plan its count suggests (see the top of
     * this file). The walk starts short: a source that matches too seldom
     * there to fill the page within the long walk goes straight to its range.
     */
    async function read(source: Source): Promise<Found> {
      if (source.count) {
        const matches = await cappedCount(source.count.index, [source.predicate, ...source.count.conditions], tuning.prefixRangeCap);
        if (matches === 0) return null;
        if (matches <= tuning.prefixRangeCap) return { branches: await source.range() };
      }
      const probe = await walk(source.predicate, tuning.probeWindow);
      if (probe.complete) return { keys: probe.keys };
      const needed = probe.keys.length === 0 ? Infinity : (scope.take * tuning.probeWindow) / probe.keys.length;
      if (needed <= tuning.dateWindow) {
        const long = await walk(source.predicate, tuning.dateWindow);
        if (long.complete) return { keys: long.keys };
      }
      return { branches: await source.range() };
    }

    /** The predicate through an index (or none), with the scope's conditions. */
    function rangeOf(predicate: SQL, index: SQL | null): SQL[] {
      return [branch(bills, sql`${bills}${index ?? sql``}`, [predicate, ...scopeConditions(bills, scope)])];
    }

    async function lettering(pattern: string): Promise<Found> {
      const predicate = sql`${bills.idnumber} LIKE ${pattern}`;
      // The lettered filter is on the indexed column itself: counted with it, "lettered=no" leaves the source out.
      const lettered = scopeConditions(bills, { statuses: [], lettered: scope.lettered, cursor: null, take: scope.take });
      const byStatus = scope.statuses.length > 0 ? await hint(INDEX_COLUMNS.statusLettering, 2) : null;
      if (byStatus) {
        // A tab: its matches are counted and read through (status, idnumber, emissiondate, id), a branch per status.
        const statuses = scopeConditions(bills, { statuses: scope.statuses, cursor: null, take: scope.take });
        const others = scopeConditions(bills, scope, { statuses: false });
        return read({
          predicate,
          count: { index: byStatus, conditions: [...statuses, ...lettered] },
          range: async () =>
            scope.statuses.map((status) => branch(bills, sql`${bills}${byStatus}`, [sql`${bills.status} = ${status}`, predicate, ...others])),
        });
      }
      const index = await hint(INDEX_COLUMNS.lettering, 1);
      return read({ predicate, count: index ? { index, conditions: lettered } : null, range: async () => rangeOf(predicate, index) });
    }

    async function transaction(pattern: string): Promise<Found> {
      const predicate = sql`${bills.transactionid} LIKE ${pattern}`;
      const index = await hint(INDEX_COLUMNS.transaction, 1);
      return read({ predicate, count: index ? { index, conditions: [] } : null, range: async () => rangeOf(predicate, index) });
    }

    /** Ids of the customers whose last name, first name or email starts with the text (each read through its index). */
    async function customerIds(pattern: string, cap: number | null): Promise<string[]> {
      const limit = cap === null ? sql`` : sql` LIMIT ${sql.raw(String(cap + 1))}`;
      const matching = (column: SQL) => sql`(SELECT ${customers.id} AS id FROM ${customers} WHERE ${column} LIKE ${pattern}${limit})`;
      const [rows] = (await db.execute(
        sql`${matching(sql`${customers.lastname}`)} UNION ${matching(sql`${customers.firstname}`)} UNION ${matching(sql`${customers.email}`)}${limit}`,
      )) as unknown as [Array<{ id: number | string }>];
      return rows.map((row) => String(row.id));
    }

    async function customer(pattern: string): Promise<Found> {
      const ids = await customerIds(pattern, tuning.customerListCap);
      if (ids.length === 0) return null;
      const index = await hint(INDEX_COLUMNS.customer, 1);
      // bills.customerid is text: matched as text, as the shop stores it, through its index.
      const byList = (list: string[]) => sql`${bills.customerid} IN ${list}`;
      if (ids.length <= tuning.customerListCap) {
        const predicate = byList(ids);
        // A long IN list costs more to plan than the walk: only a few customers' bills are counted.
        const count = index && ids.length <= tuning.customerCountCap ? { index, conditions: [] } : null;
        return read({ predicate, count, range: async () => rangeOf(predicate, index) });
      }
      // Many customers: while walking, each bill's customer is read by primary key (as the list shows it);
      // their bills beyond the walk are found by listing them all.
      const matches = sql`(${customers.lastname} LIKE ${pattern} OR ${customers.firstname} LIKE ${pattern} OR ${customers.email} LIKE ${pattern})`;
      return read({
        predicate: sql`EXISTS (SELECT 1 FROM ${customers} WHERE ${customers.id} = ${bills.customerid} AND ${matches})`,
        count: null,
        range: async () => rangeOf(byList(await customerIds(pattern, null)), index),
      });
    }

    return { lettering, transaction, customer };
  }

  return {
    /** The first `scope.take` bills that match the text, in page order. */
    async keys(scope: PageScope, text: string): Promise<PageKey[]> {
      const idOnly = parseInvoiceNumber(text);
      const branches: SQL[] = [];
      const billId = idOnly ?? (/^\d{1,15}$/.test(text) ? Number(text) : null);
      if (billId !== null) branches.push(branch(bills, sql`${bills}`, [sql`${bills.id} = ${billId}`, ...scopeConditions(bills, scope)]));
      let found: Found[] = [];
      if (idOnly === null) {
        const pattern = startsWith(text);
        const search = searchOf(scope);
        found = await Promise.all([search.lettering(pattern), search.transaction(pattern), search.customer(pattern)]);
      }
      const ready: PageKey[][] = [];
      for (const item of found) {
        if (item === null) continue;
        if ('keys' in item) ready.push(item.keys);
        else branches.push(...item.branches);
      }
      const fromBranches = await runBranches(database, branches, scope.take, false);
      return mergeKeys([fromBranches, ...ready], scope.take);
    },
  };
}

export type Search = ReturnType<typeof createSearch>;
