/**
 * Named locks that serialize the writers of one reference.
 *
 * Why not a locking read on the idnumber index: on a missing key InnoDB takes
 * gap locks, and concurrent writers of neighbouring keys then deadlock. A
 * named lock (GET_LOCK) per reference takes no row or gap lock: writers of the
 * same reference queue, writers of different references never meet. The lock
 * is keyed on the collation's weight of the value, so "abc", "ABC" and "àbc"
 * share one lock exactly when the column's collation finds them equal, and on
 * the database and table prefix, since lock names are server-wide.
 *
 * Several references are always locked in sorted order, so that a batch
 * (bulk import) and single writes can never wait on each other in a cycle.
 */
import type { LetteringColumn } from './column.js';
import type { WriteSession } from './write-session.js';

export interface ReferenceLocks {
  /** Lock names taken, to release. */
  names: string[];
  acquired: boolean;
}

/** SQL of the lock name of the reference bound at the first `?` (the prefix at the second). */
function nameExpression(column: LetteringColumn): string {
  // Charset and collation come from information_schema and are checked to be plain names (column.ts).
  return `CONCAT('local_shop_lettering_', MD5(CONCAT(DATABASE(), '/', ?, '/', HEX(WEIGHT_STRING(CONVERT(? USING ${column.charset}) COLLATE ${column.collation})))))`;
}

/**
 * Takes the locks of the references on this session's connection, waiting at
 * most `waitSeconds` for each. When one cannot be had, releases the others.
 */
export async function acquireReferenceLocks(
  session: WriteSession,
  column: LetteringColumn,
  prefix: string,
  references: readonly string[],
  waitSeconds: number,
): Promise<ReferenceLocks> {
  const expression = nameExpression(column);
  if (references.length === 1) {
    // The common case: name and lock in one round trip.
    const [row] = await session.rows<{ got: number | null; name: string }>(
      `SELECT GET_LOCK(${expression}, ?) AS got, ${expression} AS name`,
      [prefix, references[0], waitSeconds, prefix, references[0]],
    );
    return row?.got === 1 ? { acquired: true, names: [row.name] } : { acquired: false, names: [] };
  }
  const names = new Set<string>();
  for (const reference of references) {
    const [row] = await session.rows<{ name: string }>(`SELECT ${expression} AS name`, [prefix, reference]);
    names.add(row!.name);
  }
  const taken: string[] = [];
  for (const name of [...names].sort()) {
    const [row] = await session.rows<{ got: number | null }>('SELECT GET_LOCK(?, ?) AS got', [name, waitSeconds]);
    if (row?.got !== 1) {
      await releaseReferenceLocks(session, taken);
      return { acquired: false, names: [] };
    }
    taken.push(name);
  }
  return { acquired: true, names: taken };
}

export async function releaseReferenceLocks(session: WriteSession, names: readonly string[]): Promise<void> {
  for (const name of [...names].reverse()) await session.bestEffort('DO RELEASE_LOCK(?)', [name]);
}
