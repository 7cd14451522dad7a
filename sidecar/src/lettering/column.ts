/**
 * What the database says about the lettering column: its character set and
 * collation. Uniqueness is "as the database compares", so the named lock that
 * serializes writers of one reference is keyed on the collation's weight of
 * the value, and the character set decides which characters can be stored.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';

export interface LetteringColumn {
  charset: string;
  collation: string;
}

const SAFE_NAME = /^[a-z0-9_]{1,64}$/;

export async function readLetteringColumn(db: Db, table: string): Promise<LetteringColumn | null> {
  const [rows] = (await db.execute(sql`
    SELECT CHARACTER_SET_NAME AS charset, COLLATION_NAME AS collation
      FROM information_schema.COLUMNS
     WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ${table} AND COLUMN_NAME = 'idnumber'`)) as unknown as [
    Array<{ charset: string | null; collation: string | null }>,
  ];
  const row = rows[0];
  if (!row?.charset || !row.collation) return null;
  const charset = row.charset.toLowerCase();
  const collation = row.collation.toLowerCase();
  // Both are interpolated into SQL (COLLATE takes no parameter): accept only plain names.
  if (!SAFE_NAME.test(charset) || !SAFE_NAME.test(collation)) return null;
  return { charset, collation };
}

/** utf8mb3 (called utf8 by older servers) cannot store characters beyond the Basic Multilingual Plane. */
export function storesSupplementaryCharacters(column: LetteringColumn): boolean {
  return column.charset.startsWith('utf8mb4') || column.charset.startsWith('utf16') || column.charset.startsWith('utf32');
}
