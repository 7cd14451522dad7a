/**
 * The list in page order as index ranges: the branches whose merge is the
 * list of a scope (statuses, shop, lettered, cursor), each an ordered range of
 * one index that stops after the page:
 *
 *   - all statuses: the (emissiondate, id) index;
 *   - some statuses: one branch per status on (status, emissiondate, id);
 *   - unlettered bills ("lettered=no"): one branch per status and per way of
 *     being unlettered (idnumber = '' or NULL) on (status, idnumber,
 *     emissiondate, id), or on (idnumber, emissiondate, id) for all statuses.
 *
 * The branches never share a bill (distinct statuses, '' or NULL). The index
 * is forced when the site has it (looked up by its columns), so that the
 * optimizer does not walk another one from the newest bill down.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import type { IndexLookup } from './index-hints.js';
import { branch, letteredCondition, scopeConditions, type PageScope } from './page-sql.js';

/** The columns each plan needs an index to start with. */
export const INDEX_COLUMNS = {
  date: ['emissiondate', 'id'],
  statusDate: ['status', 'emissiondate', 'id'],
  statusLettering: ['status', 'idnumber', 'emissiondate', 'id'],
  lettering: ['idnumber', 'emissiondate', 'id'],
  transaction: ['transactionid', 'emissiondate', 'id'],
  customer: ['customerid', 'emissiondate', 'id'],
} as const;

export function createListShapes(database: Database, indexes: IndexLookup) {
  const { bills } = database.tables;
  const billTable = `${database.prefix}local_shop_bill`;

  /** The bill table with FORCE INDEX for an index with exactly these leading columns, when the site has one. */
  async function from(columns: readonly string[]): Promise<SQL> {
    return sql`${bills}${await indexes.force(billTable, columns)}`;
  }

  return {
    /** The scope's branches, each also meeting `extra` (for runBranches()). */
    async branches(scope: PageScope, extra: readonly SQL[] = []): Promise<SQL[]> {
      const others = [...extra, ...scopeConditions(bills, scope, { statuses: false, lettered: false })];
      const unlettered = [sql`${bills.idnumber} = ''`, sql`${bills.idnumber} IS NULL`];
      if (scope.statuses.length === 0) {
        if (scope.lettered === false) {
          const table = await from(INDEX_COLUMNS.lettering);
          return unlettered.map((condition) => branch(bills, table, [condition, ...others]));
        }
        const conditions = scope.lettered === true ? [letteredCondition(bills, true), ...others] : others;
        return [branch(bills, await from(INDEX_COLUMNS.date), conditions)];
      }
      if (scope.lettered === false) {
        const table = await from(INDEX_COLUMNS.statusLettering);
        return scope.statuses.flatMap((status) =>
          unlettered.map((condition) => branch(bills, table, [sql`${bills.status} = ${status}`, condition, ...others])),
        );
      }
      const table = await from(INDEX_COLUMNS.statusDate);
      const lettered = scope.lettered === true ? [letteredCondition(bills, true)] : [];
      return scope.statuses.map((status) => branch(bills, table, [sql`${bills.status} = ${status}`, ...lettered, ...others]));
    },
  };
}

export type ListShapes = ReturnType<typeof createListShapes>;
