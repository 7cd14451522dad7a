/**
 * Opaque cursors for keyset pagination over (emissiondate DESC, id DESC).
 * A cursor names the last bill of a page; the next page starts after it, so
 * pages stay stable when bills are added meanwhile and deep pages cost what
 * the first one does.
 */

export interface BillCursor {
  emissiondate: number | null;
  id: number;
}

export function encodeCursor(cursor: BillCursor): string {
  return Buffer.from(JSON.stringify([cursor.emissiondate, cursor.id])).toString('base64url');
}

/** The cursor, or null when the text is not one this service made. */
export function decodeCursor(text: string): BillCursor | null {
  if (!/^[A-Za-z0-9_-]{1,80}$/.test(text)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [emissiondate, id] = value as unknown[];
    const validDate = emissiondate === null || (Number.isSafeInteger(emissiondate) && (emissiondate as number) >= 0);
    const validId = Number.isSafeInteger(id) && (id as number) > 0;
    if (!validDate || !validId) return null;
    return { emissiondate: emissiondate as number | null, id: id as number };
  } catch {
    return null;
  }
}
