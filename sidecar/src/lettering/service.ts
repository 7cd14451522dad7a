/**
 * Setting and clearing the lettering of bills.
 *
 * One write runs on one connection, in four round trips:
 *   1. take the named lock of the new reference (locks.ts), so that no one
 *      else can give that reference to a bill until we are done;
 *   2. read the bill and, in the same statement, the bill already holding the
 *      reference (compared by the column's collation);
 *   3. decide by the rules (decide.ts), then change the bill with a
 *      compare-and-set UPDATE: it applies only if the bill still holds what
 *      step 2 read, byte for byte; if another writer changed the bill meanwhile
 *      (with another reference, so under another lock), read and decide again;
 *   4. release the lock.
 * The UPDATE is a single autocommitted statement locking one row by primary
 * key: no transaction stays open across round trips, no gap lock is taken,
 * and writers of different references never wait on each other. Uniqueness
 * rests on the named lock, which every writer of a reference takes.
 *
 * The SQL is built once from the Drizzle schema and run as prepared
 * statements: the write path is the hot path, and measurement showed query
 * building and text protocol costing more CPU than the database work itself.
 */
import { sql, type SQL } from 'drizzle-orm';
import { MySqlDialect } from 'drizzle-orm/mysql-core';
import type { Database } from '../db/database.js';
import { ServiceError } from '../errors.js';
import { invoiceNumber } from '../bills/invoice-number.js';
import { readLetteringColumn, storesSupplementaryCharacters, type LetteringColumn } from './column.js';
import { decideChange, type Holder, type StoredBill } from './decide.js';
import { acquireReferenceLocks, releaseReferenceLocks } from './locks.js';
import { normalizeLettering } from './rules.js';
import { WriteSession } from './write-session.js';

export interface LetteringChange {
  billId: number;
  /** The value as typed; trimmed and checked here. '' clears. */
  lettering: string;
  /**
   * The lettering the editor saw (null or '' for none). When given and the
   * bill holds something else, the change is refused as stale.
   */
  expected?: string | null;
}

export interface LetteringResult {
  billId: number;
  number: string;
  previous: string;
  lettering: string;
  changed: boolean;
}

export interface WriteOptions {
  /**
   * Epoch milliseconds by which the write must be done: the lock wait and
   * every statement are bounded by it, and no change is sent after it.
   */
  deadline?: number;
  now?: () => number;
}

/** How long a writer waits for another writer of the same reference, at most. */
const LOCK_WAIT_SECONDS = 5;
/** Compare-and-set rounds before giving up on a bill that others keep changing. */
const MAX_ROUNDS = 5;

export interface LetteringServiceOptions {
  /** Told after a lettering changed (tab counts of lettered and unlettered bills move). */
  onChanged?: (result: LetteringResult) => void;
}

export function createLetteringService(database: Database, timezone: string, serviceOptions: LetteringServiceOptions = {}) {
  const { bills } = database.tables;
  const billTable = `${database.prefix}local_shop_bill`;
  let column: LetteringColumn | null = null;

  // The statements of the write path, built once from the schema (so the table prefix applies)
  // and run as prepared statements. Parameters are bound in the order of their placeholders.
  const dialect = new MySqlDialect();
  const text = (query: SQL) => dialect.sqlToQuery(query).sql;
  const value = sql.placeholder('value');
  const id = sql.placeholder('id');
  // The bill, and the lowest other bill holding the reference (one index lookup). Binds: value, id.
  const readBill = text(sql`
    SELECT ${bills.id} AS id, ${bills.status} AS status, ${bills.idnumber} AS idnumber, ${bills.emissiondate} AS emissiondate,
           (SELECT holder.id FROM ${bills} AS holder
             WHERE holder.idnumber = ${value} AND holder.id <> ${bills.id}
             ORDER BY holder.id LIMIT 1) AS holderid
      FROM ${bills} WHERE ${bills.id} = ${id}`);
  // Binds: id.
  const readHolder = text(sql`
    SELECT ${bills.id} AS id, ${bills.emissiondate} AS emissiondate, ${bills.idnumber} AS idnumber
      FROM ${bills} WHERE ${bills.id} = ${id}`);
  // Applies only if the bill still holds what was read, compared byte for byte and null-safe,
  // so that a change of case or of trailing spaces by someone else counts as a change. Binds: value, id, previous.
  const compareAndSet = text(sql`
    UPDATE ${bills} SET ${bills.idnumber} = ${value}
     WHERE ${bills.id} = ${id} AND CAST(${bills.idnumber} AS BINARY) <=> CAST(${sql.placeholder('previous')} AS BINARY)`);

  async function letteringColumn(): Promise<LetteringColumn> {
    if (!column) {
      column = await readLetteringColumn(database.db, billTable);
      if (!column) throw new Error(`The table ${billTable} or its idnumber column was not found`);
    }
    return column;
  }

  /** Checks the value against the rules; throws LETTERING_INVALID. */
  function normalize(change: LetteringChange, target: LetteringColumn): string {
    const result = normalizeLettering(change.lettering, { allowSupplementaryCharacters: storesSupplementaryCharacters(target) });
    if (!result.ok) {
      throw new ServiceError('LETTERING_INVALID', { violation: result.violation, maxlength: result.maxLength ?? null }, `error_lettering_${result.violation}`);
    }
    return result.value;
  }

  async function holderOf(session: WriteSession, id: number | null): Promise<Holder | null> {
    if (id === null) return null;
    const [row] = await session.rows<{ id: number; emissiondate: number | null; idnumber: string | null }>(readHolder, [id]);
    return row ? { id: row.id, number: invoiceNumber(row.id, row.emissiondate, timezone), idnumber: row.idnumber } : null;
  }

  /** Reads, decides and compare-and-sets until the bill did not move under us. */
  async function apply(session: WriteSession, change: LetteringChange, lettering: string): Promise<LetteringResult> {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const [bill] = await session.rows<StoredBill & { holderid: number | null }>(readBill, [lettering, change.billId]);
      if (!bill) throw new ServiceError('BILL_NOT_FOUND', { billid: change.billId });
      const number = invoiceNumber(bill.id, bill.emissiondate, timezone);
      const holder = lettering === '' ? null : await holderOf(session, bill.holderid);
      const decision = decideChange(bill, lettering, change.expected, holder, number);
      if (decision.kind === 'unchanged') return { billId: bill.id, number, previous: decision.previous, lettering, changed: false };
      // Past the deadline nothing is sent: the caller is told nothing changed, and that stays true.
      if (session.expired()) throw new ServiceError('TIMEOUT');
      const changed = await session.write(compareAndSet, [lettering, bill.id, bill.idnumber]);
      if (changed === 1) return { billId: bill.id, number, previous: decision.previous, lettering, changed: true };
    }
    throw new ServiceError('BUSY');
  }

  return {
    /** Sets, changes or clears the lettering of one bill. Throws ServiceError on refusal. */
    async setLettering(change: LetteringChange, options: WriteOptions = {}): Promise<LetteringResult> {
      const now = options.now ?? Date.now;
      const deadline = options.deadline ?? Number.POSITIVE_INFINITY;
      if (now() >= deadline) throw new ServiceError('TIMEOUT');
      const target = await letteringColumn();
      const lettering = normalize(change, target);
      const connection = await database.acquireConnection(deadline - now());
      const session = new WriteSession(connection, deadline, now);
      let locks: string[] = [];
      try {
        if (lettering !== '') {
          const wait = Math.max(0, Math.min(LOCK_WAIT_SECONDS, (deadline - now()) / 1000));
          const taken = await acquireReferenceLocks(session, target, database.prefix, [lettering], Math.round(wait * 1000) / 1000);
          if (!taken.acquired) throw new ServiceError(now() >= deadline ? 'TIMEOUT' : 'BUSY');
          locks = taken.names;
        }
        const result = await apply(session, change, lettering);
        if (result.changed) serviceOptions.onChanged?.(result);
        return result;
      } finally {
        await releaseReferenceLocks(session, locks);
        connection.release();
      }
    },
  };
}

export type LetteringService = ReturnType<typeof createLetteringService>;
