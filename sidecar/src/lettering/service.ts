/**
 * Setting and clearing the lettering of bills.
 *
 * One write runs on one connection:
 *   1. take the named lock of the new reference (see locks.ts);
 *   2. in a READ COMMITTED transaction, lock the bill's row by primary key,
 *      check status, expected previous value and uniqueness, then update;
 *   3. commit, then release the lock.
 * The lock is released only after the commit, so the next writer of the same
 * reference sees this one's row. The row lock is taken by primary key on an
 * existing row: no gap lock, and bills of different references never wait on
 * each other. `applyChange` holds the rules and runs inside a transaction, so
 * a batch can apply many changes under one transaction with the same rules.
 */
import { and, asc, eq, ne } from 'drizzle-orm';
import type { Database, Db } from '../db/database.js';
import { ServiceError } from '../errors.js';
import { invoiceNumber } from '../bills/invoice-number.js';
import { readLetteringColumn, storesSupplementaryCharacters, type LetteringColumn } from './column.js';
import { acquireReferenceLocks, releaseReferenceLocks } from './locks.js';
import { normalizeLettering, storedLettering } from './rules.js';
import { notLetterableReason } from './statuses.js';

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

/** How long a writer waits for another writer of the same reference, at most. */
const LOCK_WAIT_SECONDS = 5;

export interface WriteOptions {
  /**
   * Epoch milliseconds after which the write must not happen: the lock wait
   * is bounded by it and the transaction rolls back instead of committing
   * late, so a caller answered TIMEOUT can trust that nothing changed.
   */
  deadline?: number;
  now?: () => number;
}

export function createLetteringService(database: Database, timezone: string) {
  const billTable = `${database.prefix}local_shop_bill`;
  let column: LetteringColumn | null = null;

  async function letteringColumn(db: Db): Promise<LetteringColumn> {
    if (!column) {
      column = await readLetteringColumn(db, billTable);
      if (!column) throw new Error(`The table ${billTable} or its idnumber column was not found`);
    }
    return column;
  }

  /** Checks the value against the rules; throws LETTERING_INVALID. */
  function normalize(change: LetteringChange, target: LetteringColumn): string {
    const result = normalizeLettering(change.lettering, {
      allowSupplementaryCharacters: storesSupplementaryCharacters(target),
    });
    if (!result.ok) {
      throw new ServiceError(
        'LETTERING_INVALID',
        { violation: result.violation, maxlength: result.maxLength ?? null },
        `error_lettering_${result.violation}`,
      );
    }
    return result.value;
  }

  /** The rules of one change, inside a transaction that holds the lock of `value`. */
  async function applyChange(tx: Db, change: LetteringChange, value: string): Promise<LetteringResult> {
    const { bills } = database.tables;
    const [bill] = await tx
      .select({ id: bills.id, status: bills.status, idnumber: bills.idnumber, emissiondate: bills.emissiondate })
      .from(bills)
      .where(eq(bills.id, change.billId))
      .for('update');
    if (!bill) throw new ServiceError('BILL_NOT_FOUND', { billid: change.billId });

    const number = invoiceNumber(bill.id, bill.emissiondate, timezone);
    const previous = storedLettering(bill.idnumber);
    const reason = notLetterableReason(bill.status);
    // Clearing stays possible on any bill: it can only remove a reference that should not be there.
    if (value !== '' && reason !== null) {
      throw new ServiceError('BILL_NOT_LETTERABLE', { status: bill.status, reason, billid: bill.id }, `error_not_letterable_${reason}`);
    }
    if (change.expected !== undefined && storedLettering(change.expected).trim() !== previous.trim()) {
      throw new ServiceError('LETTERING_STALE', { current: previous, billid: bill.id, number });
    }
    if (value === previous) return { billId: bill.id, number, previous, lettering: value, changed: false };

    if (value !== '') {
      // Compared by the column's collation: case, accents and trailing spaces do not make a new reference.
      const [holder] = await tx
        .select({ id: bills.id, emissiondate: bills.emissiondate, idnumber: bills.idnumber })
        .from(bills)
        .where(and(eq(bills.idnumber, value), ne(bills.id, bill.id)))
        .orderBy(asc(bills.id))
        .limit(1);
      if (holder) {
        throw new ServiceError('LETTERING_DUPLICATE', {
          lettering: value,
          billid: holder.id,
          number: invoiceNumber(holder.id, holder.emissiondate, timezone),
          held: storedLettering(holder.idnumber),
        });
      }
    }
    await tx.update(bills).set({ idnumber: value }).where(eq(bills.id, bill.id));
    return { billId: bill.id, number, previous, lettering: value, changed: true };
  }

  return {
    /** Reads (once) and returns the column's character set and collation; null if the table is missing. */
    async describeColumn(): Promise<LetteringColumn | null> {
      try {
        return await letteringColumn(database.db);
      } catch {
        return null;
      }
    },

    /** Sets, changes or clears the lettering of one bill. Throws ServiceError on refusal. */
    async setLettering(change: LetteringChange, options: WriteOptions = {}): Promise<LetteringResult> {
      const now = options.now ?? Date.now;
      const deadline = options.deadline ?? Number.POSITIVE_INFINITY;
      if (now() >= deadline) throw new ServiceError('TIMEOUT');
      return database.withConnection(async (db, connection) => {
        // The connection may have come late from a busy pool.
        if (now() >= deadline) throw new ServiceError('TIMEOUT');
        const target = await letteringColumn(db);
        const value = normalize(change, target);
        let lockNames: string[] = [];
        if (value !== '') {
          const wait = Math.max(0, Math.min(LOCK_WAIT_SECONDS, (deadline - now()) / 1000));
          const locks = await acquireReferenceLocks(db, target, database.prefix, [value], Math.round(wait * 1000) / 1000);
          if (locks.outcome === 'timeout') throw new ServiceError(now() >= deadline ? 'TIMEOUT' : 'BUSY');
          lockNames = locks.names;
        }
        try {
          return await db.transaction(
            async (tx) => {
              const result = await applyChange(tx as unknown as Db, change, value);
              // Throwing here rolls back: past the deadline the caller is told nothing changed.
              if (result.changed && now() >= deadline) throw new ServiceError('TIMEOUT');
              return result;
            },
            { isolationLevel: 'read committed' },
          );
        } finally {
          try {
            await releaseReferenceLocks(db, lockNames);
          } catch {
            // The connection is broken and its locks died with it: do not hand it back to the pool.
            connection.destroy();
          }
        }
      });
    },
  };
}

export type LetteringService = ReturnType<typeof createLetteringService>;
