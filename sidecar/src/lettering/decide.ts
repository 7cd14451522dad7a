/**
 * The lettering rules that need the bill as stored: what a change does to a
 * bill, or why it is refused. Pure, so that every way of writing (one bill
 * now, batches later) applies exactly the same rules.
 */
import { ServiceError } from '../errors.js';
import { storedLettering } from './rules.js';
import { notLetterableReason } from './statuses.js';

export interface StoredBill {
  id: number;
  status: string;
  idnumber: string | null;
  emissiondate: number | null;
}

/** Another bill that holds the reference, if any (compared as the column's collation compares). */
export interface Holder {
  id: number;
  number: string;
  idnumber: string | null;
}

export type Decision = { kind: 'unchanged'; previous: string } | { kind: 'write'; previous: string };

/**
 * @param value the normalized new lettering ('' clears)
 * @param expected what the editor saw, when the change carries it
 */
export function decideChange(bill: StoredBill, value: string, expected: string | null | undefined, holder: Holder | null, number: string): Decision {
  const previous = storedLettering(bill.idnumber);
  const reason = notLetterableReason(bill.status);
  // Clearing stays possible on any bill: it can only remove a reference that should not be there.
  if (value !== '' && reason !== null) {
    throw new ServiceError('BILL_NOT_LETTERABLE', { status: bill.status, reason, billid: bill.id }, `error_not_letterable_${reason}`);
  }
  // Writing what is there already succeeds, whatever the editor saw: the bill holds what they want.
  if (value === previous) return { kind: 'unchanged', previous };
  if (expected !== undefined && storedLettering(expected).trim() !== previous.trim()) {
    throw new ServiceError('LETTERING_STALE', { current: previous, billid: bill.id, number });
  }
  if (value !== '' && holder) {
    throw new ServiceError('LETTERING_DUPLICATE', { lettering: value, billid: holder.id, number: holder.number, held: storedLettering(holder.idnumber) });
  }
  return { kind: 'write', previous };
}
