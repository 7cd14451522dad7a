/**
 * Builds Moodle's language files from the string catalog.
 *
 * The catalog (lang/<language>/<component>.json) is the one source of every
 * user-facing string; the service reads it directly, the Moodle plugin and
 * block through the PHP files this script writes into moodle-plugin/ (one
 * single-quoted literal per string, sorted, with Moodle's header). Those PHP
 * files are committed; `--check` fails when they differ from what the catalog
 * gives, so a test catches any drift.
 *
 *   npm run lang              # write the PHP files
 *   npx tsx lang/build.ts --check
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const LANGUAGES = ['en', 'fr'] as const;

/** Each catalog component and the plugin folder (inside moodle-plugin/) that ships it. */
export const COMPONENTS = [
  { component: 'local_shop', folder: 'local/shop', description: 'Strings for the shop back office and invoice lettering' },
  { component: 'block_shop_access', folder: 'blocks/shop_access', description: 'Strings for the Sales services block' },
] as const;

const LANGUAGE_NAMES: Record<(typeof LANGUAGES)[number], string> = { en: 'English', fr: 'French' };

export type Strings = Record<string, string>;

export function readCatalog(component: string, language: string, root = ROOT): Strings {
  return JSON.parse(readFileSync(join(root, 'lang', language, `${component}.json`), 'utf8')) as Strings;
}

/** The placeholders of a string ({$a} and {$a->name}), sorted and deduplicated. */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\$a(?:->\w+)?\}/g)].map((match) => match[0]))].sort();
}

/** What is wrong with the catalog of one component: keys missing in a language, placeholders that differ. */
export function catalogProblems(component: string, catalogs: Record<string, Strings>): string[] {
  const problems: string[] = [];
  const keys = new Set(Object.values(catalogs).flatMap((strings) => Object.keys(strings)));
  for (const key of [...keys].sort()) {
    for (const language of LANGUAGES) {
      const value = catalogs[language]?.[key];
      if (typeof value !== 'string') problems.push(`${component}: "${key}" is missing in ${language}`);
      else if (value.trim() === '') problems.push(`${component}: "${key}" is empty in ${language}`);
    }
    const reference = catalogs.en?.[key];
    const translated = catalogs.fr?.[key];
    if (typeof reference === 'string' && typeof translated === 'string') {
      const expected = placeholders(reference).join(' ');
      const found = placeholders(translated).join(' ');
      if (expected !== found) problems.push(`${component}: "${key}" has placeholders [${expected}] in en but [${found}] in fr`);
    }
  }
  return problems;
}

/** A PHP single-quoted literal: only the backslash and the quote need escaping. */
export function phpLiteral(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function renderLangFile(component: string, language: (typeof LANGUAGES)[number], strings: Strings, description: string): string {
  const lines = Object.keys(strings)
    .sort(compareKeys)
    .map((key) => `$string[${phpLiteral(key)}] = ${phpLiteral(strings[key]!)};`);
  return `<?php
// This file is part of Moodle - https://moodle.org/
//
// Moodle is free software: you can redistribute it and/or modify
// it under the terms of the GNU General Public License as published by
// the Free Software Foundation, either version 3 of the License, or
// (at your option) any later version.
//
// Moodle is distributed in the hope that it will be useful,
// but WITHOUT ANY WARRANTY; without even the implied warranty of
// MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
// GNU General Public License for more details.
//
// You should have received a copy of the GNU General Public License
// along with Moodle.  If not, see <https://www.gnu.org/licenses/>.

/**
 * ${description} (${LANGUAGE_NAMES[language]}).
 *
 * Generated from lang/${language}/${component}.json by lang/build.ts (npm run lang): edit the catalog, not this file.
 *
 * @package    ${component}
 * @copyright  2026 The shop lettering project
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

${lines.join('\n')}
`;
}

export interface LangFile {
  path: string;
  content: string;
}

/** Every PHP language file the catalog gives; throws when the catalog itself is inconsistent. */
export function buildLangFiles(root = ROOT): LangFile[] {
  const files: LangFile[] = [];
  const problems: string[] = [];
  for (const { component, folder, description } of COMPONENTS) {
    const catalogs = Object.fromEntries(LANGUAGES.map((language) => [language, readCatalog(component, language, root)]));
    problems.push(...catalogProblems(component, catalogs));
    for (const language of LANGUAGES) {
      files.push({
        path: join(root, 'moodle-plugin', folder, 'lang', language, `${component}.php`),
        content: renderLangFile(component, language, catalogs[language]!, description),
      });
    }
  }
  if (problems.length > 0) throw new Error(`The string catalog is inconsistent:\n${problems.join('\n')}`);
  return files;
}

/** The generated files that are missing or differ from the catalog. */
export function staleLangFiles(root = ROOT): string[] {
  return buildLangFiles(root)
    .filter((file) => !existsSync(file.path) || readFileSync(file.path, 'utf8') !== file.content)
    .map((file) => relative(root, file.path));
}

function main(): void {
  const check = process.argv.includes('--check');
  try {
    if (check) {
      const stale = staleLangFiles();
      if (stale.length > 0) {
        process.stderr.write(`Out of date (run npm run lang): ${stale.join(', ')}\n`);
        process.exit(1);
      }
      process.stdout.write('Language files match the catalog.\n');
      return;
    }
    for (const file of buildLangFiles()) {
      mkdirSync(dirname(file.path), { recursive: true });
      writeFileSync(file.path, file.content);
      process.stdout.write(`${relative(ROOT, file.path)}\n`);
    }
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
