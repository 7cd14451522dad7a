/**
 * Messages in the caller's language, from lang/ — the string catalog the
 * Moodle plugin is built from too, so that a message reads the same in the
 * service's answer and on the page.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

export type Catalog = Record<Language, Record<string, string>>;

const LANG_DIR = fileURLToPath(new URL('../../lang/', import.meta.url));

/** Reads the local_shop strings of every language once. */
export function loadCatalog(directory = LANG_DIR): Catalog {
  const catalog = {} as Catalog;
  for (const language of LANGUAGES) {
    catalog[language] = JSON.parse(readFileSync(`${directory}${language}/local_shop.json`, 'utf8')) as Record<string, string>;
  }
  return catalog;
}

/**
 * Picks the best supported language of an Accept-Language header by its
 * q-values; English when none is supported or the header is absent or odd.
 */
export function negotiateLanguage(header: string | undefined | null): Language {
  if (!header) return DEFAULT_LANGUAGE;
  let best: { language: Language; quality: number } | null = null;
  for (const part of header.split(',').slice(0, 20)) {
    const [range, ...parameters] = part.trim().split(';');
    const primary = range?.trim().toLowerCase().split('-')[0];
    const language = LANGUAGES.find((candidate) => candidate === primary);
    if (!language) continue;
    let quality = 1;
    for (const parameter of parameters) {
      const match = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/.exec(parameter);
      if (match) quality = Number(match[1]);
    }
    if (quality > 0 && (!best || quality > best.quality)) best = { language, quality };
  }
  return best?.language ?? DEFAULT_LANGUAGE;
}

/**
 * Fills Moodle-style placeholders: {$a} with a single value, {$a->name} with
 * a field of the details.
 */
export function formatMessage(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{\$a(?:->(\w+))?\}/g, (whole, field: string | undefined) => {
    const value = field === undefined ? values.a : values[field];
    return value === undefined || value === null ? whole : String(value);
  });
}

export function translate(catalog: Catalog, language: Language, key: string, values: Record<string, unknown> = {}): string {
  const template = catalog[language][key] ?? catalog[DEFAULT_LANGUAGE][key] ?? catalog[DEFAULT_LANGUAGE].error_internal ?? key;
  return formatMessage(template, values);
}
