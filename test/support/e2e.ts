/**
 * The plugin's real pages in a real browser, for the end-to-end tests.
 *
 * startE2eSite() runs the real service (startServer) on a throwaway database,
 * copies the plugin and the block as shipped into a temporary dirroot beside
 * the harness that stands in for Moodle core (test/harness), serves it with
 * PHP's built-in server, and opens Debian's Chromium on it. The helpers below
 * are the few gestures the tests share: read the main region (failing on any
 * PHP message), submit the lettering form, read the event log.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { loadConfig } from '../../sidecar/src/config.js';
import { startServer, type RunningServer } from '../../sidecar/src/server.js';
import type { ThrowawayDatabase } from './database.js';
import { freePort } from '../../sidecar/scripts/free-port.js';
export { freePort };

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const E2E_SECRET = 'e2e-secret-0123456789-abcdefghijklmnopqrstuv';
export const E2E_TIMEZONE = 'Europe/Paris';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A PHP warning, notice or error as PHP prints it into a page (display_errors is on). */
export const PHP_MESSAGE = /(Warning|Notice|Deprecated|Fatal error|Parse error|Uncaught)\b.*\bon line\b/;

/** One event the plugin triggered, as the harness logs it. */
export interface LoggedEvent {
  eventname: string;
  objectid: number;
  userid: number;
  other: { previous: string; lettering: string; number: string };
}

export interface HarnessStateOverrides {
  /** The shared secret the plugin signs with (the service's by default). */
  secret?: string;
  /** The service's address as the plugin is configured with it. */
  url?: string;
}

export interface E2eSite {
  /** The address of PHP's built-in server, e.g. http://127.0.0.1:40123. */
  base: string;
  sidecar: RunningServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Everything PHP's built-in server printed so far. */
  phpOutput(): string;
  /** Rewrites the harness state the pages read at each request: plugin settings, users, timezone. */
  writeState(overrides?: HarnessStateOverrides): void;
  /** The events the plugin triggered, oldest first. */
  events(): LoggedEvent[];
  /** Closes the browser, PHP's server and the service, and removes the dirroot (not the database). */
  close(): Promise<void>;
}

async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`${url} did not answer`);
}

/**
 * The whole site on a database the caller made (and fills, before or after).
 * User 2 holds local/shop:salesadmin, user 3 holds no capability.
 */
export async function startE2eSite(db: ThrowawayDatabase, options: { sidecarEnv?: Record<string, string> } = {}): Promise<E2eSite> {
  // What is started is stopped in reverse order, also when a later step fails.
  const cleanups: Array<() => Promise<unknown> | unknown> = [];
  const close = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  };
  try {
    const sidecar = await startServer(
      loadConfig({
        LETTERING_DATABASE_URL: db.url,
        LETTERING_DB_PREFIX: db.prefix,
        LETTERING_SECRET: E2E_SECRET,
        LETTERING_PORT: '0',
        LETTERING_TIMEZONE: E2E_TIMEZONE,
        LETTERING_LOG_LEVEL: 'silent',
        ...options.sidecarEnv,
      }),
    );
    cleanups.push(() => sidecar.stop());

    // A throwaway dirroot: the plugin and block as shipped, plus the harness's config.php and dashboard.
    const dirroot = mkdtempSync(join(tmpdir(), 'lettering-e2e-'));
    cleanups.push(() => rmSync(dirroot, { recursive: true, force: true }));
    cpSync(join(ROOT, 'moodle-plugin/local/shop'), join(dirroot, 'local/shop'), { recursive: true });
    cpSync(join(ROOT, 'moodle-plugin/blocks/shop_access'), join(dirroot, 'blocks/shop_access'), { recursive: true });
    cpSync(join(ROOT, 'test/harness/www'), dirroot, { recursive: true });
    const statePath = join(dirroot, 'harness-state.json');
    const eventLog = join(dirroot, 'events.log');
    writeFileSync(
      join(dirroot, 'config.php'),
      `<?php\n$CFG = new stdClass();\n$CFG->harnessstate = ${JSON.stringify(statePath)};\nrequire(${JSON.stringify(join(ROOT, 'test/harness/lib/setup.php'))});\n`,
    );
    const writeState = (overrides: HarnessStateOverrides = {}) => {
      const state = {
        config: {
          local_shop: {
            sidecarurl: overrides.url ?? `http://127.0.0.1:${sidecar.port}`,
            sidecarsecret: overrides.secret ?? E2E_SECRET,
            sidecartimeout: '5',
          },
        },
        users: { '2': { caps: ['local/shop:salesadmin'] }, '3': { caps: [] } },
        timezone: E2E_TIMEZONE,
        eventlog: eventLog,
      };
      writeFileSync(statePath, JSON.stringify(state));
    };
    writeState();

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    let output = '';
    const php: ChildProcess = spawn('php', ['-d', 'display_errors=1', '-d', 'error_reporting=-1', '-S', `127.0.0.1:${port}`, '-t', dirroot], { stdio: ['ignore', 'pipe', 'pipe'] });
    cleanups.push(() => php.kill());
    php.stdout?.on('data', (chunk) => (output += chunk));
    php.stderr?.on('data', (chunk) => (output += chunk));
    await waitForServer(`${base}/my/index.php`);

    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    cleanups.push(() => browser.close());
    const context = await browser.newContext();
    const page = await context.newPage();

    return {
      base,
      sidecar,
      browser,
      context,
      page,
      phpOutput: () => output,
      writeState,
      events: () =>
        existsSync(eventLog)
          ? readFileSync(eventLog, 'utf8')
              .split('\n')
              .filter(Boolean)
              .map((line) => JSON.parse(line) as LoggedEvent)
          : [],
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The text of the main region, and a check that PHP printed no warning, notice or error into the page. */
export async function mainText(page: Page): Promise<string> {
  const html = await page.content();
  expect(html).not.toMatch(PHP_MESSAGE);
  return page.locator('#region-main').innerText();
}

/** Opens a bill from the list shown. */
export async function openFromList(page: Page, billId: number): Promise<void> {
  await page.locator(`tr[data-billid="${billId}"] a`).click();
  await page.waitForLoadState();
}

/** Types a lettering on the invoice shown and clicks Update. */
export async function letter(page: Page, value: string): Promise<void> {
  await page.fill('#local-shop-idnumber', value);
  await Promise.all([page.waitForLoadState(), page.locator('[data-region="letteringform"] button[type="submit"]').click()]);
  await page.waitForLoadState();
}

/** The invoice number the service gives a bill: B-, the emission date in the site's timezone, -, the id. */
export async function invoiceNumberOf(db: ThrowawayDatabase, billId: number): Promise<string> {
  const [rows] = (await db.admin.query(`SELECT emissiondate FROM \`${db.prefix}local_shop_bill\` WHERE id = ?`, [billId])) as unknown as [Array<{ emissiondate: number }>];
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: E2E_TIMEZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(rows[0]!.emissiondate * 1000));
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `B-${part('year')}${part('month')}${part('day')}-${billId}`;
}
