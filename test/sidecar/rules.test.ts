import { describe, expect, it } from 'vitest';
import { LETTERING_MAX_LENGTH, normalizeLettering } from '../../sidecar/src/lettering/rules.js';
import { notLetterableReason } from '../../sidecar/src/lettering/statuses.js';
import { invoiceNumber, parseInvoiceNumber } from '../../sidecar/src/bills/invoice-number.js';
import { decodeCursor, encodeCursor } from '../../sidecar/src/bills/cursor.js';
import { negotiateLanguage, formatMessage } from '../../sidecar/src/i18n.js';

const utf8mb4 = { allowSupplementaryCharacters: true };
const utf8mb3 = { allowSupplementaryCharacters: false };

describe('lettering rules', () => {
  it('trims and normalizes to NFC', () => {
    expect(normalizeLettering('  FA-001\t ', utf8mb4)).toEqual({ ok: true, value: 'FA-001' });
    expect(normalizeLettering('Fe\u0301vrier', utf8mb4)).toEqual({ ok: true, value: 'Février' });
    expect(normalizeLettering('\u00a0FA\u00a0', utf8mb4)).toEqual({ ok: true, value: 'FA' });
  });

  it('reads an empty or blank value as a clear', () => {
    expect(normalizeLettering('', utf8mb4)).toEqual({ ok: true, value: '' });
    expect(normalizeLettering('   ', utf8mb4)).toEqual({ ok: true, value: '' });
  });

  it('counts characters, not UTF-16 units, against the limit', () => {
    expect(normalizeLettering('a'.repeat(LETTERING_MAX_LENGTH), utf8mb4).ok).toBe(true);
    expect(normalizeLettering('a'.repeat(LETTERING_MAX_LENGTH + 1), utf8mb4)).toMatchObject({ ok: false, violation: 'too_long' });
    expect(normalizeLettering('😀'.repeat(LETTERING_MAX_LENGTH), utf8mb4).ok).toBe(true);
  });

  it.each(['FA\n001', 'FA\u0000', 'FA\u007f1', 'FA\u00851', 'A\u2028B', 'A\u202eB', 'A\u2066B'])('refuses control characters in %j', (value) => {
    expect(normalizeLettering(value, utf8mb4)).toMatchObject({ ok: false, violation: 'control_characters' });
  });

  it('refuses lone surrogates', () => {
    expect(normalizeLettering('FA\ud800', utf8mb4)).toMatchObject({ ok: false, violation: 'invalid_characters' });
  });

  it('refuses characters a utf8mb3 column cannot store', () => {
    expect(normalizeLettering('FA😀', utf8mb3)).toMatchObject({ ok: false, violation: 'unsupported_characters' });
    expect(normalizeLettering('FA-é', utf8mb3)).toEqual({ ok: true, value: 'FA-é' });
  });

  it('knows which statuses can be lettered', () => {
    for (const status of ['SOLDOUT', 'COMPLETE', 'PAYBACK', 'PARTIAL', 'PREPROD', 'RECOVERING']) expect(notLetterableReason(status)).toBeNull();
    for (const status of ['PENDING', 'PLACED', 'WORKING']) expect(notLetterableReason(status)).toBe('order');
    for (const status of ['CANCELLED', 'FAILED', 'REFUSED']) expect(notLetterableReason(status)).toBe('attempt');
    expect(notLetterableReason('WHATEVER')).toBe('unknown_status');
  });
});

describe('invoice numbers', () => {
  it('carries the emission date in the site timezone', () => {
    // 2017-06-01 22:30 UTC is already June 2nd in Paris.
    expect(invoiceNumber(29, Date.UTC(2017, 5, 1, 22, 30) / 1000, 'Europe/Paris')).toBe('B-20170602-29');
    expect(invoiceNumber(29, Date.UTC(2017, 5, 1, 22, 30) / 1000, 'UTC')).toBe('B-20170601-29');
    expect(invoiceNumber(3, null, 'UTC')).toBe('B-19700101-3');
  });

  it('parses what people type', () => {
    expect(parseInvoiceNumber('B-20170601-29')).toBe(29);
    expect(parseInvoiceNumber(' b-20170601-29 ')).toBe(29);
    expect(parseInvoiceNumber('B-2017-29')).toBeNull();
    expect(parseInvoiceNumber('FA-20170601-29')).toBeNull();
  });
});

describe('cursors', () => {
  it('round-trips and refuses what it did not make', () => {
    const cursor = { emissiondate: 1496334928, id: 29 };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor(encodeCursor({ emissiondate: null, id: 4 }))).toEqual({ emissiondate: null, id: 4 });
    expect(decodeCursor('not a cursor')).toBeNull();
    expect(decodeCursor(Buffer.from('[1,-2]').toString('base64url'))).toBeNull();
    expect(decodeCursor(Buffer.from('{"a":1}').toString('base64url'))).toBeNull();
    expect(decodeCursor(Buffer.from('[1e400,2]').toString('base64url'))).toBeNull();
  });
});

describe('languages', () => {
  it('negotiates English or French from Accept-Language', () => {
    expect(negotiateLanguage(undefined)).toBe('en');
    expect(negotiateLanguage('fr')).toBe('fr');
    expect(negotiateLanguage('fr-FR,fr;q=0.9,en;q=0.8')).toBe('fr');
    expect(negotiateLanguage('de-DE, en;q=0.5, fr;q=0.7')).toBe('fr');
    expect(negotiateLanguage('de, es')).toBe('en');
    expect(negotiateLanguage('fr;q=0')).toBe('en');
    expect(negotiateLanguage(';;;,,,q=')).toBe('en');
  });

  it('fills Moodle placeholders', () => {
    expect(formatMessage('Invoice {$a->number} ({$a})', { number: 'B-1', a: 'x' })).toBe('Invoice B-1 (x)');
  });
});
