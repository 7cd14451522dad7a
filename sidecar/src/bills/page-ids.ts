/**
 * A page's first step: which bills, in page order, without any join.
 *
 * Without a search, the merge of the scope's index ranges (list-shapes.ts):
 * each reads its index in page order and stops after the page, and the keyset
 * condition makes a deep page cost what the first one does. With a search,
 * see search.ts.
 */
import type { Database } from '../db/database.js';
import type { BillCursor } from './cursor.js';
import { withIndexHints, type IndexLookup } from './index-hints.js';
import { createListShapes } from './list-shapes.js';
import { runBranches, type PageKey, type PageScope } from './page-sql.js';
import { createSearch, SEARCH_TUNING, type SearchTuning } from './search.js';

export interface PageFilters {
  statuses?: readonly string[];
  shopId?: number;
  lettered?: boolean;
  search?: string;
}

export function createPageIds(database: Database, indexes: IndexLookup, tuning: SearchTuning = SEARCH_TUNING) {
  const shapes = createListShapes(database, indexes);
  const search = createSearch(database, indexes, shapes, tuning);

  return {
    /** The first `limit + 1` bills of the page that starts after `cursor`, in page order. */
    async select(filters: PageFilters, cursor: BillCursor | null, limit: number): Promise<PageKey[]> {
      const scope: PageScope = {
        statuses: [...new Set(filters.statuses ?? [])],
        shopId: filters.shopId,
        lettered: filters.lettered,
        cursor,
        take: limit + 1,
      };
      return withIndexHints(indexes, async () => {
        if (filters.search) return search.keys(scope, filters.search);
        return runBranches(database, await shapes.branches(scope), scope.take, true);
      });
    },
  };
}

export type PageIds = ReturnType<typeof createPageIds>;
