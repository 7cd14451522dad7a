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
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import type { LetteringColumn } from './column.js';

export type LockOutcome = 'acquired' | 'timeout';

function lockNameExpression(column: LetteringColumn, prefix: string, reference: string) {
  const weight = sql`WEIGHT_STRING(CONVERT(${reference} USING ${sql.raw(column.charset)}) COLLATE ${sql.raw(column.collation)})`;
  return sql`CONCAT('local_shop_lettering_', MD5(CONCAT(DATABASE(), '/', ${prefix}, '/', HEX(${weight}))))`;
}

/** The server-wide lock names (64 characters at most) for these references, sorted, without repeats. */
async function lockNames(db: Db, column: LetteringColumn, prefix: string, references: readonly string[]): Promise<string[]> {
  const names = new Set<string>();
  for (const reference of references) {
    const [rows] = (await db.execute(sql`SELECT ${lockNameExpression(column, prefix, reference)} AS name`)) as unknown as [
      Array<{ name: string }>,
    ];
    names.add(rows[0]!.name);
  }
  return [...names].sort();
}

async function getLock(db: Db, name: SQL | string, timeoutSeconds: number): Promise<{ got: boolean; name: string }> {
  const [rows] = (await db.execute(sql`SELECT GET_LOCK(${name}, ${timeoutSeconds}) AS got, ${name} AS name`)) as unknown as [
    Array<{ got: number | null; name: string }>,
  ];
  return { got: rows[0]?.got === 1, name: rows[0]!.name };
}

/**
 * Takes the locks of the references on this connection, waiting at most
 * `timeoutSeconds` for each. On a timeout, releases what it took.
 */
export async function acquireReferenceLocks(
  db: Db,
  column: LetteringColumn,
  prefix: string,
  references: readonly string[],
  timeoutSeconds: number,
): Promise<{ outcome: LockOutcome; names: string[] }> {
  // One reference, the common case: name and lock in a single round trip.
  if (references.length === 1) {
    const lock = await getLock(db, lockNameExpression(column, prefix, references[0]!), timeoutSeconds);
    return lock.got ? { outcome: 'acquired', names: [lock.name] } : { outcome: 'timeout', names: [] };
  }
  const names = await lockNames(db, column, prefix, references);
  const taken: string[] = [];
  for (const name of names) {
    const lock = await getLock(db, name, timeoutSeconds);
    if (!lock.got) {
      await releaseReferenceLocks(db, taken);
      return { outcome: 'timeout', names: [] };
    }
    taken.push(name);
  }
  return { outcome: 'acquired', names: taken };
}

export async function releaseReferenceLocks(db: Db, names: readonly string[]): Promise<void> {
  for (const name of [...names].reverse()) {
    await db.execute(sql`DO RELEASE_LOCK(${name})`);
  }
}
