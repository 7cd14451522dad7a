/**
 * The zips for Moodle's plugin installer, opened and inspected: one top
 * folder named as Moodle expects, a version.php naming the right component,
 * language files in English and French, and nothing but the plugin's own
 * files (no tests, harness, scripts or dot files).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildZips } from '../../moodle-plugin/build-zips.js';

const PLUGINS = [
  { zip: 'build/local_shop.zip', top: 'shop', source: 'moodle-plugin/local/shop', component: 'local_shop' },
  { zip: 'build/block_shop_access.zip', top: 'shop_access', source: 'moodle-plugin/blocks/shop_access', component: 'block_shop_access' },
];

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

beforeAll(() => {
  buildZips();
});

describe.each(PLUGINS)('$zip', (plugin) => {
  const entries = () => execFileSync('unzip', ['-Z1', plugin.zip], { encoding: 'utf8' }).split('\n').filter((line) => line && !line.endsWith('/'));
  const read = (path: string) => execFileSync('unzip', ['-p', plugin.zip, path], { encoding: 'utf8' });

  it(`has the single top folder ${plugin.top}/`, () => {
    expect(new Set(entries().map((entry) => entry.split('/')[0]))).toEqual(new Set([plugin.top]));
  });

  it(`holds a version.php for ${plugin.component}`, () => {
    const version = read(`${plugin.top}/version.php`);
    expect(version).toContain(`$plugin->component = '${plugin.component}';`);
    expect(version).toMatch(/\$plugin->version = \d{10};/);
    expect(version).toMatch(/\$plugin->requires = \d{10};/);
  });

  it('holds the language files in English and French', () => {
    const list = entries();
    expect(list).toContain(`${plugin.top}/lang/en/${plugin.component}.php`);
    expect(list).toContain(`${plugin.top}/lang/fr/${plugin.component}.php`);
  });

  it("holds exactly the plugin's own files, and no tests, harness, scripts or dot files", () => {
    const list = entries();
    for (const entry of list) expect(entry).not.toMatch(/(^|\/)(tests?|harness|node_modules)\/|\.ts$|\.test\.|(^|\/)\.[^/]/);
    const source = filesUnder(plugin.source)
      .map((path) => `${plugin.top}/${relative(plugin.source, path)}`)
      .filter((path) => !path.endsWith('.ts'));
    expect(list.sort()).toEqual(source.sort());
    for (const entry of list) expect(read(entry)).toBe(readFileSync(join(plugin.source, relative(plugin.top, entry)), 'utf8'));
  });

  it('holds only PHP that parses', () => {
    for (const entry of entries().filter((path) => path.endsWith('.php'))) {
      const lint = execFileSync('php', ['-l'], { input: read(entry), encoding: 'utf8' });
      expect(lint, entry).toContain('No syntax errors');
    }
  });
});
