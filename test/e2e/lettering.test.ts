/**
 * The documented path, end to end, in a real browser: Sales services block →
 * Sales administration → Sales service → All bills → an invoice → lettering,
 * in English and in French. The plugin's real pages run on PHP's built-in
 * server with the test harness standing in for Moodle core; they talk to the
 * real service, which writes to a throwaway MariaDB database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../sidecar/src/config.js';
import { startServer, type RunningServer } from '../../sidecar/src/server.js';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database.js';
import { insertBill, insertCustomer, insertShop, letteringOf } from '../support/fixtures.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SECRET = 'e2e-secret-0123456789-abcdefghijklmnopqrstuv';
const TIMEZONE = 'Europe/Paris';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let db: ThrowawayDatabase;
let sidecar: RunningServer | null = null;
let php: ChildProcess;
let phpOutput = '';
let browser: Browser;
let context: BrowserContext;
let page: Page;
let dirroot: string;
let statePath: string;
let eventLog: string;
let base: string;

/** Bill ids by role in the fixtures. */
const bills = {
  completed: [] as number[],
  lettered: 0,
  toLetter: 0,
  other: 0,
  french: 0,
  pending: 0,
  failed: 0,
  escaped: 0,
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function writeState(overrides: { secret?: string; url?: string } = {}): void {
  const state = {
    config: {
      local_shop: {
        sidecarurl: overrides.url ?? `http://127.0.0.1:${sidecar?.port ?? 9}`,
        sidecarsecret: overrides.secret ?? SECRET,
        sidecartimeout: '5',
      },
    },
    users: { '2': { caps: ['local/shop:salesadmin'] }, '3': { caps: [] } },
    timezone: TIMEZONE,
    eventlog: eventLog,
  };
  writeFileSync(statePath, JSON.stringify(state));
}

function events(): Array<{ eventname: string; objectid: number; other: { previous: string; lettering: string; number: string }; userid: number }> {
  if (!existsSync(eventLog)) return [];
  return readFileSync(eventLog, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
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

/** The text of the main region, and a check that PHP printed no warning, notice or error into it. */
async function mainText(): Promise<string> {
  const html = await page.content();
  expect(html).not.toMatch(/(Warning|Notice|Deprecated|Fatal error|Parse error|Uncaught)\b.*\bon line\b/);
  return page.locator('#region-main').innerText();
}

async function openFromList(billId: number): Promise<void> {
  await page.locator(`tr[data-billid="${billId}"] a`).click();
  await page.waitForLoadState();
}

async function letter(value: string): Promise<void> {
  await page.fill('#local-shop-idnumber', value);
  await Promise.all([page.waitForLoadState(), page.locator('[data-region="letteringform"] button[type="submit"]').click()]);
  await page.waitForLoadState();
}

async function invoiceNumberOf(billId: number): Promise<string> {
  const [rows] = (await db.admin.query(`SELECT emissiondate FROM mdl_local_shop_bill WHERE id = ?`, [billId])) as unknown as [Array<{ emissiondate: number }>];
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: TIMEZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(rows[0]!.emissiondate * 1000));
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `B-${part('year')}${part('month')}${part('day')}-${billId}`;
}

beforeAll(async () => {
  db = await createThrowawayDatabase();
  const shop = await insertShop(db.admin, 'mdl_', 'Boutique principale');
  const camille = await insertCustomer(db.admin, 'mdl_', { shopid: shop, firstname: 'Camille', lastname: 'Martin', email: 'camille.martin@example.com' });
  const hugo = await insertCustomer(db.admin, 'mdl_', { shopid: shop, firstname: 'Hugo', lastname: 'Durand', email: 'hugo.durand@example.com' });
  const tricky = await insertCustomer(db.admin, 'mdl_', { shopid: shop, firstname: 'Zoé', lastname: '<b>Bold</b> & "Co"', email: 'zoe@example.com' });
  // 25 completed invoices a day apart (two pages of 20), the newest first in the list.
  const start = 1496334928; // 2017-06-01 18:35:28 Paris
  for (let i = 0; i < 25; i++) {
    bills.completed.push(
      await insertBill(db.admin, 'mdl_', {
        shopid: shop,
        customerid: i % 2 === 0 ? camille : hugo,
        status: 'COMPLETE',
        emissiondate: start + i * 86400,
        idnumber: i < 5 ? `FA-2017-${String(i + 1).padStart(4, '0')}` : '',
        amount: `${1000 + i}.505`,
        transactionid: `TXE2E${String(i).padStart(4, '0')}`,
      }),
    );
  }
  bills.lettered = bills.completed[0]!; // FA-2017-0001, the oldest
  bills.toLetter = bills.completed[24]!; // the newest: first row of the first page
  bills.other = bills.completed[23]!;
  bills.french = bills.completed[22]!;
  bills.escaped = await insertBill(db.admin, 'mdl_', { shopid: shop, customerid: tricky, status: 'SOLDOUT', emissiondate: start, idnumber: '<i>x</i>' });
  bills.pending = await insertBill(db.admin, 'mdl_', { shopid: shop, customerid: camille, status: 'PENDING', emissiondate: start });
  bills.failed = await insertBill(db.admin, 'mdl_', { shopid: shop, customerid: hugo, status: 'FAILED', emissiondate: start });
  await db.admin.query(
    `INSERT INTO mdl_local_shop_billitem (billid, ordering, type, itemcode, abstract, description, unitcost, quantity, totalprice, taxcode) VALUES (?, 1, 'BILLING', 'MOOC-PY', 'Python for beginners', '', '120.000', 2, '240.000', 'TVA20')`,
    [bills.toLetter],
  );

  sidecar = await startServer(
    loadConfig({
      LETTERING_DATABASE_URL: db.url,
      LETTERING_DB_PREFIX: 'mdl_',
      LETTERING_SECRET: SECRET,
      LETTERING_PORT: '0',
      LETTERING_TIMEZONE: TIMEZONE,
      LETTERING_LOG_LEVEL: 'silent',
    }),
  );

  // A throwaway dirroot: the plugin and block as shipped, plus the harness's config.php and dashboard.
  dirroot = mkdtempSync(join(tmpdir(), 'lettering-e2e-'));
  cpSync(join(ROOT, 'moodle-plugin/local/shop'), join(dirroot, 'local/shop'), { recursive: true });
  cpSync(join(ROOT, 'moodle-plugin/blocks/shop_access'), join(dirroot, 'blocks/shop_access'), { recursive: true });
  cpSync(join(ROOT, 'test/harness/www'), dirroot, { recursive: true });
  statePath = join(dirroot, 'harness-state.json');
  eventLog = join(dirroot, 'events.log');
  writeFileSync(
    join(dirroot, 'config.php'),
    `<?php\n$CFG = new stdClass();\n$CFG->harnessstate = ${JSON.stringify(statePath)};\nrequire(${JSON.stringify(join(ROOT, 'test/harness/lib/setup.php'))});\n`,
  );
  writeState();

  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  php = spawn('php', ['-d', 'display_errors=1', '-d', 'error_reporting=-1', '-S', `127.0.0.1:${port}`, '-t', dirroot], { stdio: ['ignore', 'pipe', 'pipe'] });
  php.stdout?.on('data', (chunk) => (phpOutput += chunk));
  php.stderr?.on('data', (chunk) => (phpOutput += chunk));
  await waitForServer(`${base}/my/index.php`);

  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  context = await browser.newContext();
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  php?.kill();
  await sidecar?.stop();
  await db?.drop();
  if (dirroot) rmSync(dirroot, { recursive: true, force: true });
});

describe('lettering through the Moodle pages, in English', () => {
  it('shows nothing in the Sales services block to a user without the capability, and refuses the pages', async () => {
    await page.goto(`${base}/my/index.php?harnessuser=3&lang=en`);
    expect(await page.locator('[data-block="shop_access"]').count()).toBe(0);
    const response = await page.goto(`${base}/local/shop/bills/view.php?view=viewAllBills`);
    expect(response?.status()).toBe(403);
    expect(await page.locator('body').innerText()).not.toContain('B-2017');
  });

  it('goes from the block to All bills, which opens on the completed invoices', async () => {
    await page.goto(`${base}/my/index.php?harnessuser=2&lang=en`);
    const block = page.locator('[data-block="shop_access"]');
    expect(await block.locator('h2').innerText()).toBe('Sales services');
    await block.getByRole('link', { name: 'Sales administration' }).click();
    await page.waitForLoadState();
    expect(await page.locator('h1').innerText()).toBe('Sales service');
    await page.getByRole('link', { name: 'All bills' }).click();
    await page.waitForLoadState();
    expect(page.url()).toContain('view=viewAllBills');
    const tabs = page.locator('[data-region="tabs"] a');
    expect(await page.locator('[data-region="tabs"] a.active').innerText()).toBe('Completed (25)');
    expect(await tabs.allInnerTexts()).toEqual(expect.arrayContaining(['Paid (1)', 'Pending (1)', 'Failed (1)', 'All (28)']));
    const rows = page.locator('[data-region="bills"] tbody tr');
    expect(await rows.count()).toBe(20);
    const first = await rows.first().locator('td').allInnerTexts();
    expect(first[0]).toBe(await invoiceNumberOf(bills.toLetter));
    expect(first[2]).toContain('Camille Martin');
    expect(first[3]).toBe('1,024.51 EUR');
    expect(first[4]).toBe('Completed');
    expect(first[5]).toBe('Not lettered');
    await mainText();
  });

  it('pages through the list', async () => {
    await page.getByRole('link', { name: 'Next page' }).click();
    await page.waitForLoadState();
    const rows = page.locator('[data-region="bills"] tbody tr');
    expect(await rows.count()).toBe(5);
    expect(await page.locator('.pagination .active').innerText()).toBe('Page 2');
    expect(await rows.last().getAttribute('data-billid')).toBe(String(bills.lettered));
    expect(await rows.last().locator('[data-field="lettering"]').innerText()).toBe('FA-2017-0001');
    await page.getByRole('link', { name: 'Previous page' }).click();
    await page.waitForLoadState();
    expect(await rows.count()).toBe(20);
    expect(await page.locator('.pagination .active').innerText()).toBe('Page 1');
  });

  it('searches by invoice number, lettering, transaction code and customer', async () => {
    const search = async (text: string) => {
      await page.fill('#local-shop-search', text);
      await Promise.all([page.waitForLoadState(), page.getByRole('button', { name: 'Search' }).click()]);
      await page.waitForLoadState();
      return page.locator('[data-region="bills"] tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-billid')));
    };
    expect(await search(await invoiceNumberOf(bills.other))).toEqual([String(bills.other)]);
    expect(await search('FA-2017-0001')).toEqual([String(bills.lettered)]);
    expect(await search('TXE2E0022')).toEqual([String(bills.french)]);
    const hugo = await search('Durand');
    expect(hugo).toHaveLength(12);
    expect(await page.locator('[data-region="tabs"] a.active').innerText()).toBe('Completed (12)');
    expect(await search('nobody-matches-this')).toEqual([]);
    expect(await page.locator('[data-region="nobills"]').innerText()).toBe('No bill matches.');
    await search('');
  });

  it('filters unlettered bills only', async () => {
    await page.check('#local-shop-unlettered');
    await Promise.all([page.waitForLoadState(), page.getByRole('button', { name: 'Search' }).click()]);
    await page.waitForLoadState();
    expect(await page.locator('[data-region="tabs"] a.active').innerText()).toBe('Completed (20)');
    const letterings = await page.locator('[data-region="bills"] [data-field="lettering"]').allInnerTexts();
    expect(letterings).toHaveLength(20);
    expect(new Set(letterings)).toEqual(new Set(['Not lettered']));
    expect(await page.isChecked('#local-shop-unlettered')).toBe(true);
    const [rows] = (await db.admin.query(`SELECT COUNT(*) AS n FROM mdl_local_shop_bill WHERE status = 'COMPLETE' AND (idnumber IS NULL OR idnumber = '')`)) as unknown as [Array<{ n: number }>];
    expect(Number(rows[0]!.n)).toBe(20);
  });

  it('opens an invoice showing what the documentation shows, and letters it', async () => {
    await openFromList(bills.toLetter);
    const header = page.locator('[data-region="billheader"]');
    expect(await header.locator('[data-field="number"]').innerText()).toBe(await invoiceNumberOf(bills.toLetter));
    expect(await header.locator('[data-field="transactionid"]').innerText()).toBe('TXE2E0024');
    expect(await header.locator('[data-field="paymentmethod"]').innerText()).toBe('SystemPay Plus (Caisse d\'Epargne/Banque Populaire)');
    expect(await header.locator('[data-field="paymentcode"]').innerText()).toMatch(/^PAY-\d+$/);
    expect(await header.locator('[data-field="emissiondate"]').innerText()).toBe('Sunday 25 June 2017, 18:35');
    expect(await header.locator('label[for="local-shop-idnumber"]').innerText()).toBe('Lettering');
    expect(await header.locator('[data-region="helpicon"]').getAttribute('data-content')).toContain('accounting software');
    expect(await page.locator('[data-region="lines"]').innerText()).toContain('Python for beginners');
    expect(await page.locator('[data-region="totals"] [data-field="amount"]').innerText()).toBe('1,024.51 EUR');

    await letter('  FA-E2E-0001 ');
    expect(await page.locator('[data-region="notification"]').innerText()).toBe(
      `The lettering of invoice ${await invoiceNumberOf(bills.toLetter)} is now "FA-E2E-0001".`,
    );
    expect(await page.inputValue('#local-shop-idnumber')).toBe('FA-E2E-0001');
    expect(await letteringOf(db.admin, 'mdl_', bills.toLetter)).toBe('FA-E2E-0001');
    const set = events().at(-1)!;
    expect(set.eventname).toBe('\\local_shop\\event\\lettering_set');
    expect(set).toMatchObject({ objectid: bills.toLetter, userid: 2, other: { previous: '', lettering: 'FA-E2E-0001' } });
  });

  it('refuses a duplicate with a link to the invoice holding the reference, keeping the typed value', async () => {
    await page.goto(`${base}/local/shop/bills/view.php?view=viewBill&billid=${bills.other}`);
    await letter('fa-e2e-0001');
    const error = page.locator('[data-region="error"]');
    expect(await error.innerText()).toContain(`The lettering "fa-e2e-0001" is already used by invoice ${await invoiceNumberOf(bills.toLetter)}.`);
    expect(await page.inputValue('#local-shop-idnumber')).toBe('fa-e2e-0001');
    expect(await letteringOf(db.admin, 'mdl_', bills.other)).toBe('');
    await error.locator('[data-region="holder"]').click();
    await page.waitForLoadState();
    expect(await page.locator('[data-field="number"]').innerText()).toBe(await invoiceNumberOf(bills.toLetter));
    expect(await page.inputValue('#local-shop-idnumber')).toBe('FA-E2E-0001');
  });

  it('refuses a stale edit, shows the current value, and a second click applies', async () => {
    // The page shows FA-E2E-0001; meanwhile someone else changes it.
    await db.admin.query(`UPDATE mdl_local_shop_bill SET idnumber = 'FA-OTHER-9' WHERE id = ?`, [bills.toLetter]);
    await letter('FA-E2E-0002');
    expect(await page.locator('[data-region="error"]').innerText()).toBe(
      'Someone else changed the lettering of this invoice in the meantime. It is now "FA-OTHER-9".',
    );
    expect(await page.inputValue('#local-shop-idnumber')).toBe('FA-E2E-0002');
    expect(await letteringOf(db.admin, 'mdl_', bills.toLetter)).toBe('FA-OTHER-9');
    await Promise.all([page.waitForLoadState(), page.locator('[data-region="letteringform"] button[type="submit"]').click()]);
    await page.waitForLoadState();
    expect(await page.locator('[data-region="notification"]').innerText()).toContain('is now "FA-E2E-0002"');
    expect(await letteringOf(db.admin, 'mdl_', bills.toLetter)).toBe('FA-E2E-0002');
    expect(events().at(-1)).toMatchObject({ eventname: '\\local_shop\\event\\lettering_changed', other: { previous: 'FA-OTHER-9', lettering: 'FA-E2E-0002' } });
  });

  it('clears a lettering', async () => {
    await letter('');
    expect(await page.locator('[data-region="notification"]').innerText()).toBe(`The lettering of invoice ${await invoiceNumberOf(bills.toLetter)} was cleared.`);
    expect(await letteringOf(db.admin, 'mdl_', bills.toLetter)).toBe('');
    expect(events().at(-1)).toMatchObject({ eventname: '\\local_shop\\event\\lettering_cleared', objectid: bills.toLetter, other: { previous: 'FA-E2E-0002', lettering: '' } });
  });

  it('says why an order or a failed attempt cannot be lettered, without the form', async () => {
    await page.goto(`${base}/local/shop/bills/view.php?view=viewBill&billid=${bills.pending}`);
    expect(await page.locator('[data-region="notletterable"]').innerText()).toBe('This bill (PENDING) is an order, not an invoice yet: it cannot be lettered.');
    expect(await page.locator('#local-shop-idnumber').count()).toBe(0);
    await page.goto(`${base}/local/shop/bills/view.php?view=viewBill&billid=${bills.failed}`);
    expect(await page.locator('[data-region="notletterable"]').innerText()).toContain('failed or cancelled payment attempt');
    expect(await page.locator('#local-shop-idnumber').count()).toBe(0);
  });

  it('escapes every value', async () => {
    await page.goto(`${base}/local/shop/bills/view.php?view=viewBill&billid=${bills.escaped}`);
    expect(await page.locator('[data-region="customer"]').innerText()).toContain('Zoé <b>Bold</b> & "Co"');
    expect(await page.inputValue('#local-shop-idnumber')).toBe('<i>x</i>');
    expect(await page.locator('[data-region="customer"] b').count()).toBe(0);
    await letter('<script>x</script>"\'');
    expect(await letteringOf(db.admin, 'mdl_', bills.escaped)).toBe('<script>x</script>"\'');
    expect(await page.locator('[data-region="notification"]').innerText()).toContain('is now "<script>x</script>"\'"');
    expect(await page.locator('#region-main script').count()).toBe(0);
  });

  it('says so when the shared secret is wrong', async () => {
    writeState({ secret: 'not-the-secret-0123456789-abcdefghijkl' });
    await page.goto(`${base}/local/shop/bills/view.php?view=viewAllBills`);
    expect(await page.locator('[data-region="error"]').innerText()).toBe('The request to the lettering service is not signed with the right secret.');
    expect(await mainText()).not.toContain(SECRET.slice(0, 12));
    writeState();
  });
});

describe('lettering through the Moodle pages, in French', () => {
  it('follows the documented path: Service commercial, Toutes les factures, Lettrage, Mettre à jour', async () => {
    await page.goto(`${base}/my/index.php?lang=fr`);
    const block = page.locator('[data-block="shop_access"]');
    expect(await block.locator('h2').innerText()).toBe('Services commerciaux');
    await block.getByRole('link', { name: 'Administration des ventes' }).click();
    await page.waitForLoadState();
    expect(await page.locator('h1').innerText()).toBe('Service commercial');
    await page.getByRole('link', { name: 'Toutes les factures' }).click();
    await page.waitForLoadState();
    expect(await page.locator('[data-region="tabs"] a.active').innerText()).toBe('Réalisées (25)');
    const first = await page.locator('[data-region="bills"] tbody tr').first().locator('td').allInnerTexts();
    expect(first[3]).toBe('1 024,51 EUR');
    expect(first[4]).toBe('Réalisée');
    expect(first[5]).toBe('Non lettrée');

    await page.check('#local-shop-unlettered');
    await page.fill('#local-shop-search', 'Martin');
    await Promise.all([page.waitForLoadState(), page.getByRole('button', { name: 'Rechercher' }).click()]);
    await page.waitForLoadState();
    expect(await page.locator('[data-region="tabs"] a.active').innerText()).toBe('Réalisées (10)');

    await openFromList(bills.french);
    expect(await page.locator('label[for="local-shop-idnumber"]').innerText()).toBe('Lettrage');
    expect(await page.locator('[data-field="emissiondate"]').innerText()).toBe('vendredi 23 juin 2017, 18:35');
    expect(await page.locator('[data-region="billheader"]').innerText()).toContain('Code transaction');
    await page.fill('#local-shop-idnumber', 'FA-FR-0001');
    await Promise.all([page.waitForLoadState(), page.getByRole('button', { name: 'Mettre à jour' }).click()]);
    await page.waitForLoadState();
    expect(await page.locator('[data-region="notification"]').innerText()).toBe(
      `Le lettrage de la facture ${await invoiceNumberOf(bills.french)} est maintenant « FA-FR-0001 ».`,
    );
    expect(await letteringOf(db.admin, 'mdl_', bills.french)).toBe('FA-FR-0001');
  });

  it('refuses a duplicate in French with a working link', async () => {
    await page.goto(`${base}/local/shop/bills/view.php?view=viewBill&billid=${bills.other}`);
    await letter('FA-2017-0001');
    const error = page.locator('[data-region="error"]');
    expect(await error.innerText()).toContain(`Le lettrage « FA-2017-0001 » est déjà utilisé par la facture ${await invoiceNumberOf(bills.lettered)}.`);
    expect(await error.locator('[data-region="holder"]').innerText()).toBe(`Ouvrir la facture ${await invoiceNumberOf(bills.lettered)}`);
    expect(await page.inputValue('#local-shop-idnumber')).toBe('FA-2017-0001');
    await error.locator('[data-region="holder"]').click();
    await page.waitForLoadState();
    expect(await page.locator('[data-field="number"]').innerText()).toBe(await invoiceNumberOf(bills.lettered));
  });

  it('refuses a stale edit in French', async () => {
    await page.goto(`${base}/local/shop/bills/view.php?view=viewBill&billid=${bills.french}`);
    await db.admin.query(`UPDATE mdl_local_shop_bill SET idnumber = '' WHERE id = ?`, [bills.french]);
    await letter('FA-FR-0002');
    expect(await page.locator('[data-region="error"]').innerText()).toBe(
      "Quelqu'un d'autre a modifié le lettrage de cette facture entre-temps. Il vaut maintenant « ».",
    );
    expect(await page.inputValue('#local-shop-idnumber')).toBe('FA-FR-0002');
    expect(await letteringOf(db.admin, 'mdl_', bills.french)).toBe('');
  });

  it('keeps the typed value and says so when the service is stopped', async () => {
    await page.goto(`${base}/local/shop/bills/view.php?view=viewBill&billid=${bills.other}`);
    await sidecar!.stop();
    await letter('FA-FR-PANNE');
    expect(await page.locator('[data-region="error"]').first().innerText()).toBe(
      "Le service de lettrage est injoignable. Rien n'a été modifié ; veuillez réessayer plus tard.",
    );
    expect(await page.inputValue('#local-shop-idnumber')).toBe('FA-FR-PANNE');
    await mainText();
    await page.goto(`${base}/local/shop/bills/view.php?view=viewAllBills`);
    expect(await page.locator('[data-region="error"]').innerText()).toContain('injoignable');
    expect(await letteringOf(db.admin, 'mdl_', bills.other)).toBe('');
    expect(phpOutput).not.toMatch(/PHP (Warning|Notice|Deprecated|Fatal)/);
  });
});
