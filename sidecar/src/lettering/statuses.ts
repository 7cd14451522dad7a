/**
 * Bill statuses of the shop and what they mean for lettering.
 *
 * Only invoices carry a lettering: orders that are not invoiced yet and
 * payment attempts that failed or were cancelled are refused, each with its
 * own reason so that the page can say why.
 */

export const ORDER_STATUSES = ['PENDING', 'PLACED', 'WORKING'] as const;
export const ATTEMPT_STATUSES = ['CANCELLED', 'FAILED', 'REFUSED'] as const;
export const INVOICE_STATUSES = ['SOLDOUT', 'COMPLETE', 'PAYBACK', 'PARTIAL', 'PREPROD', 'RECOVERING'] as const;

export const BILL_STATUSES = [...ORDER_STATUSES, ...INVOICE_STATUSES, ...ATTEMPT_STATUSES] as const;
export type BillStatus = (typeof BILL_STATUSES)[number];

/** The groups of tabs of the bill list, beside single statuses. */
export const STATUS_GROUPS = {
  invoices: INVOICE_STATUSES,
  orders: ORDER_STATUSES,
  attempts: ATTEMPT_STATUSES,
} as const;
export type StatusGroup = keyof typeof STATUS_GROUPS | 'all';

/** Why a bill cannot be lettered: it is an order, a failed attempt, or a status the shop does not define. */
export type NotLetterableReason = 'order' | 'attempt' | 'unknown_status';

export function isBillStatus(value: string): value is BillStatus {
  return (BILL_STATUSES as readonly string[]).includes(value);
}

/** null when a bill of this status may be lettered, else the reason it may not. */
export function notLetterableReason(status: string): NotLetterableReason | null {
  if ((INVOICE_STATUSES as readonly string[]).includes(status)) return null;
  if ((ORDER_STATUSES as readonly string[]).includes(status)) return 'order';
  if ((ATTEMPT_STATUSES as readonly string[]).includes(status)) return 'attempt';
  return 'unknown_status';
}
