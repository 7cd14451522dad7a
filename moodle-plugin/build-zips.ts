/**
 * Builds the zip files Moodle's plugin installer takes (Site administration →
 * Plugins → Install plugins): build/local_shop.zip (top folder shop/) and
 * build/block_shop_access.zip (top folder shop_access/).
 *
 *   npm run build:plugins
 *
 * Refuses to build when the PHP language files are out of date with the
 * catalog. Only the plugin folders go in: no tests, no harness, no scripts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { staleLangFiles } from '../lang/build.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUILD = join(ROOT, 'build');

export const PLUGINS = [
  { zip: 'local_shop.zip', parent: 'moodle-plugin/local', folder: 'shop' },
  { zip: 'block_shop_access.zip', parent: 'moodle-plugin/blocks', folder: 'shop_access' },
] as const;

export function buildZips(): string[] {
  const stale = staleLangFiles(ROOT);
  if (stale.length > 0) throw new Error(`Language files out of date (run npm run lang): ${stale.join(', ')}`);
  mkdirSync(BUILD, { recursive: true });
  const built: string[] = [];
  for (const plugin of PLUGINS) {
    const target = join(BUILD, plugin.zip);
    if (existsSync(target)) rmSync(target);
    execFileSync('zip', ['-q', '-r', '-X', target, plugin.folder, '-x', '*.ts', '*/.*'], { cwd: join(ROOT, plugin.parent), stdio: 'inherit' });
    built.push(target);
  }
  return built;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    for (const file of buildZips()) process.stdout.write(`${relative(ROOT, file)}\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
