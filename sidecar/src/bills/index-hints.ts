/**
 * Index hints for the bill list, by the indexes' columns.
 *
 * A few list queries need a given index whatever the optimizer estimates (a
 * prefix range instead of a backwards walk of the date index, for example).
 * FORCE INDEX needs the index's name, and Moodle names indexes itself
 * (mdl_locashopbill_idn_ix, not ix_lettering_idnumber), so the names are
 * looked up at run time in information_schema.STATISTICS by their column list
 * and kept for a while. An index that is not there gives no hint: the query
 * still answers, only perhaps slower. A hint naming an index dropped meanwhile
 * fails with ER_KEY_DOES_NOT_EXITS: the names are then read again and the
 * query runs once more (see withIndexHints).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/database.js';

/** How long the names read are trusted (an upgrade may add or replace indexes meanwhile). */
const NAMES_TTL_MS = 5 * 60 * 1000;
/** MySQL/MariaDB: "Key 'x' doesn't exist in table 'y'". */
const KEY_DOES_NOT_EXIST = 1176;

export interface IndexLookup {
  /**
   * FORCE INDEX for the index of `table` whose columns start with `wanted`
   * (at least its first `required` columns), or an empty fragment when there
   * is none. InnoDB appends the primary key to every secondary index, so an
   * index (a, b) serves a wanted (a, b, id).
   */
  force(table: string, wanted: readonly string[], required?: number): Promise<SQL>;
  /** The index's name, or null. */
  find(table: string, wanted: readonly string[], required?: number): Promise<string | null>;
  /** Forgets the names read (they are read again on next use). */
  invalidate(): void;
  /** Gives no hint for a while (the names read cannot be used, e.g. an index made invisible). */
  disable(): void;
}

type TableIndexes = Array<{ name: string; columns: string[] }>;

/** The length of the common prefix of an index's columns and the wanted ones. */
function matching(columns: readonly string[], wanted: readonly string[]): number {
  let n = 0;
  while (n < wanted.length && n < columns.length && columns[n] === wanted[n]) n++;
  return n;
}

/** Picks the index that matches the most wanted columns (then the one with the fewest columns). */
export function pickIndex(indexes: TableIndexes, wanted: readonly string[], required = wanted.length, primaryKey: readonly string[] = ['id']): string | null {
  let best: { name: string; matched: number; width: number } | null = null;
  for (const index of indexes) {
    if (index.name === 'PRIMARY') continue;
    const columns = [...index.columns, ...primaryKey.filter((column) => !index.columns.includes(column))];
    const matched = matching(columns, wanted);
    if (matched < required) continue;
    if (!best || matched > best.matched || (matched === best.matched && index.columns.length < best.width)) {
      best = { name: index.name, matched, width: index.columns.length };
    }
  }
  return best?.name ?? null;
}

export function createIndexLookup(database: Database, now: () => number = Date.now): IndexLookup {
  const cache = new Map<string, { at: number; indexes: Promise<TableIndexes> }>();

  async function read(table: string): Promise<TableIndexes> {
    const [rows] = (await database.db.execute(sql`
      SELECT INDEX_NAME AS name, COLUMN_NAME AS columnname
        FROM information_schema.STATISTICS
       WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ${table}
       ORDER BY INDEX_NAME, SEQ_IN_INDEX`)) as unknown as [Array<{ name: string; columnname: string | null }>];
    const byName = new Map<string, string[]>();
    for (const row of rows) {
      const columns = byName.get(row.name) ?? [];
      // A functional key part (MySQL 8) has no column: it matches none.
      columns.push(row.columnname === null ? '' : row.columnname.toLowerCase());
      byName.set(row.name, columns);
    }
    return [...byName].map(([name, columns]) => ({ name, columns }));
  }

  function indexesOf(table: string): Promise<TableIndexes> {
    const cached = cache.get(table);
    if (cached && now() - cached.at < NAMES_TTL_MS) return cached.indexes;
    // Without the names the queries still answer: no hint rather than an error.
    const indexes = read(table).catch(() => {
      cache.delete(table);
      return [] as TableIndexes;
    });
    cache.set(table, { at: now(), indexes });
    return indexes;
  }

  async function find(table: string, wanted: readonly string[], required = wanted.length): Promise<string | null> {
    return pickIndex(await indexesOf(table), wanted, required);
  }

  return {
    find,
    async force(table, wanted, required) {
      const name = await find(table, wanted, required);
      return name ? sql` FORCE INDEX (${sql.identifier(name)})` : sql``;
    },
    invalidate() {
      cache.clear();
    },
    disable() {
      for (const table of cache.keys()) cache.set(table, { at: now(), indexes: Promise.resolve([]) });
    },
  };
}

/** Whether an error (or what it wraps: Drizzle wraps the driver's) says a hinted index does not exist. */
export function isMissingIndex(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if ((current as { errno?: unknown }).errno === KEY_DOES_NOT_EXIST) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Runs work that uses hints. If a hinted index is refused (dropped since the
 * names were read), reads the names again and runs it once more; if it is
 * refused again (an index the server will not use, such as an invisible one),
 * runs it without hints.
 */
export async function withIndexHints<T>(indexes: IndexLookup, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isMissingIndex(error)) throw error;
  }
  indexes.invalidate();
  try {
    return await work();
  } catch (error) {
    if (!isMissingIndex(error)) throw error;
  }
  indexes.disable();
  return work();
}
