/**
 * The pieces the page queries are built from: the filters and the keyset
 * condition as SQL over the bill table, one ordered branch, and the union of
 * branches. Every piece uses the schema's table and column objects, so that
 * the table prefix applies.
 *
 * Page order is (emissiondate DESC, id DESC), NULL dates last (as MySQL sorts
 * them). A branch selects the (id, emissiondate) of bills in that order;
 * merging branches, each limited to the page, and keeping the first bills
 * gives the page (plus one bill, to know whether there is a next page).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import type { BillCursor } from './cursor.js';

/** A bill's place in the list: what a page's first step selects. */
export interface PageKey {
  id: number;
  emissiondate: number | null;
}

/** What a page is asked for, search aside. */
export interface PageScope {
  /** Distinct statuses; empty for all. */
  statuses: readonly string[];
  shopId?: number;
  lettered?: boolean;
  cursor: BillCursor | null;
  /** Bills wanted: the page size plus one. */
  take: number;
}

export type BillTable = Database['tables']['bills'];

/** The list order. */
export function pageOrder(bills: BillTable): SQL {
  return sql`${bills.emissiondate} DESC, ${bills.id} DESC`;
}

/**
 * Bills after the cursor in (emissiondate DESC, id DESC) order. Written so
 * that it is a range on (…, emissiondate, id) indexes: dates up to the
 * cursor's (the cursor's own date only below its id), then the NULL dates.
 */
export function afterCursor(bills: BillTable, cursor: BillCursor): SQL {
  if (cursor.emissiondate === null) return sql`(${bills.emissiondate} IS NULL AND ${bills.id} < ${cursor.id})`;
  return sql`(${bills.emissiondate} < ${cursor.emissiondate} OR (${bills.emissiondate} = ${cursor.emissiondate} AND ${bills.id} < ${cursor.id}) OR ${bills.emissiondate} IS NULL)`;
}

/** Bills at or before `key` in page order (the end of a bounded walk). */
export function atOrBefore(bills: BillTable, key: PageKey): SQL {
  if (key.emissiondate === null) return sql`(${bills.emissiondate} IS NOT NULL OR ${bills.id} >= ${key.id})`;
  return sql`(${bills.emissiondate} > ${key.emissiondate} OR (${bills.emissiondate} = ${key.emissiondate} AND ${bills.id} >= ${key.id}))`;
}

export function letteredCondition(bills: BillTable, lettered: boolean): SQL {
  return lettered
    ? sql`(${bills.idnumber} IS NOT NULL AND ${bills.idnumber} <> '')`
    : sql`(${bills.idnumber} IS NULL OR ${bills.idnumber} = '')`;
}

/** The scope's conditions (statuses, shop, lettered, cursor), or only some of them. */
export function scopeConditions(
  bills: BillTable,
  scope: PageScope,
  only: { statuses?: boolean; lettered?: boolean } = {},
): SQL[] {
  const conditions: SQL[] = [];
  if (only.statuses !== false && scope.statuses.length > 0) {
    conditions.push(scope.statuses.length === 1 ? sql`${bills.status} = ${scope.statuses[0]}` : sql`${bills.status} IN ${[...scope.statuses]}`);
  }
  if (scope.shopId !== undefined) conditions.push(sql`${bills.shopid} = ${scope.shopId}`);
  if (only.lettered !== false && scope.lettered !== undefined) conditions.push(letteredCondition(bills, scope.lettered));
  if (scope.cursor) conditions.push(afterCursor(bills, scope.cursor));
  return conditions;
}

export function where(conditions: readonly SQL[]): SQL {
  return conditions.length > 0 ? sql` WHERE ${sql.join([...conditions], sql` AND `)}` : sql``;
}

/**
 * One branch: the bills of `from` (the bill table, with an index hint or not)
 * that meet the conditions, in page order. runBranches() limits it.
 */
export function branch(bills: BillTable, from: SQL, conditions: readonly SQL[]): SQL {
  return sql`SELECT ${bills.id} AS id, ${bills.emissiondate} AS emissiondate FROM ${from}${where(conditions)} ORDER BY ${pageOrder(bills)}`;
}

/** Page order on keys: newest first, NULL dates last, then highest id first. */
export function comparePageKeys(a: PageKey, b: PageKey): number {
  if (a.emissiondate !== b.emissiondate) {
    if (a.emissiondate === null) return 1;
    if (b.emissiondate === null) return -1;
    return b.emissiondate - a.emissiondate;
  }
  return b.id - a.id;
}

/** Merges lists of keys: each bill once, in page order, the first `take`. */
export function mergeKeys(lists: ReadonlyArray<readonly PageKey[]>, take: number): PageKey[] {
  const byId = new Map<number, PageKey>();
  for (const list of lists) for (const key of list) byId.set(key.id, key);
  return [...byId.values()].sort(comparePageKeys).slice(0, take);
}

export function toKeys(rows: ReadonlyArray<{ id: number | string; emissiondate: number | string | null }>): PageKey[] {
  return rows.map((row) => ({ id: Number(row.id), emissiondate: row.emissiondate === null ? null : Number(row.emissiondate) }));
}

/**
 * The first `take` bills of the merged branches, after the first `skip`, as
 * one statement: each branch keeps its own ORDER BY … LIMIT (so that each
 * stays an ordered index range that stops early), the outer ORDER BY … LIMIT
 * merges them. UNION ALL when branches cannot share a bill, else UNION.
 */
export async function runBranches(database: Database, branches: readonly SQL[], take: number, disjoint: boolean, skip = 0): Promise<PageKey[]> {
  if (branches.length === 0) return [];
  const bills = database.tables.bills;
  const limit = sql.raw(skip > 0 ? `${take} OFFSET ${skip}` : String(take));
  const statement =
    branches.length === 1
      ? sql`${branches[0]!} LIMIT ${limit}`
      : sql`${sql.join(
          branches.map((part) => sql`(${part} LIMIT ${sql.raw(String(skip + take))})`),
          disjoint ? sql` UNION ALL ` : sql` UNION `,
        )} ORDER BY ${sql.identifier(bills.emissiondate.name)} DESC, ${sql.identifier(bills.id.name)} DESC LIMIT ${limit}`;
  const [rows] = (await database.db.execute(statement)) as unknown as [Array<{ id: number; emissiondate: number | null }>];
  return toKeys(rows);
}
