/**
 * The invoice number people see and type: "B-" + emission date (YYYYMMDD in
 * the site's timezone) + "-" + bill id, e.g. B-20170601-29.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timezone, formatter);
  }
  return formatter;
}

/** YYYYMMDD of a Unix time in a timezone. A missing date reads as the epoch, as PHP's date() does. */
export function compactDate(unixSeconds: number | null, timezone: string): string {
  const parts = dateFormatter(timezone).formatToParts(new Date((unixSeconds ?? 0) * 1000));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}${part('month')}${part('day')}`;
}

export function invoiceNumber(billId: number, emissiondate: number | null, timezone: string): string {
  return `B-${compactDate(emissiondate, timezone)}-${billId}`;
}

/** The bill id an invoice number names, or null when the text is not an invoice number. */
export function parseInvoiceNumber(text: string): number | null {
  const match = /^B-?\s*(\d{8})\s*-\s*(\d{1,15})$/i.exec(text.trim());
  if (!match) return null;
  const id = Number(match[2]);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
