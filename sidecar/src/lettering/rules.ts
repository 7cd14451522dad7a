/**
 * The rules a lettering value follows, in one place for every way in:
 * one bill at a time today, bulk imports and history later.
 */

export const LETTERING_MAX_LENGTH = 255;

/**
 * Characters refused in a lettering: C0/C1 controls and DEL, line and
 * paragraph separators, and the bidirectional embedding, override and isolate
 * controls (they make a reference display differently from what it is).
 */
const FORBIDDEN_CHARACTERS = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
const LONE_SURROGATE = /\p{Cs}/u;
const SUPPLEMENTARY_CHARACTER = /[\u{10000}-\u{10FFFF}]/u;

export type LetteringRuleViolation = 'too_long' | 'control_characters' | 'invalid_characters' | 'unsupported_characters';

export type NormalizedLettering =
  | { ok: true; value: string }
  | { ok: false; violation: LetteringRuleViolation; maxLength?: number };

export interface LetteringRuleOptions {
  /**
   * False when the column's character set holds only 3-byte UTF-8 (utf8mb3):
   * characters outside the Basic Multilingual Plane could not be stored.
   */
  allowSupplementaryCharacters: boolean;
}

/**
 * Trims, normalizes to NFC and checks a value typed by a person. The empty
 * string means "no lettering" (clear).
 */
export function normalizeLettering(input: string, options: LetteringRuleOptions): NormalizedLettering {
  if (LONE_SURROGATE.test(input)) return { ok: false, violation: 'invalid_characters' };
  const value = input.normalize('NFC').trim();
  if (FORBIDDEN_CHARACTERS.test(value)) return { ok: false, violation: 'control_characters' };
  if (!options.allowSupplementaryCharacters && SUPPLEMENTARY_CHARACTER.test(value)) {
    return { ok: false, violation: 'unsupported_characters' };
  }
  // The column counts characters (code points), not UTF-16 units.
  if ([...value].length > LETTERING_MAX_LENGTH) return { ok: false, violation: 'too_long', maxLength: LETTERING_MAX_LENGTH };
  return { ok: true, value };
}

/** What the table holds as "no lettering": upstream writes '' when clearing, older rows hold NULL. */
export function storedLettering(value: string | null | undefined): string {
  return value ?? '';
}
