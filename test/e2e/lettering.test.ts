/**
 * The documented path, end to end, in a real browser: Sales services block →
 * Sales administration → Sales service → All bills → an invoice → lettering,
 * in English and in French. The plugin's real pages run on PHP's built-in
 * server with the test harness standing in for Moodle core; they talk to the
 * real service, which writes to a throwaway MariaDB database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database.js';
import { E2E_SECRET, invoiceNumberOf, letter, mainText, openFromList, startE2eSite, type E2eSite } from '../support/e2e.js';
import { insertBill, insertCustomer, insertShop, letteringOf } from '../support/fixtures.js';

let db: ThrowawayDatabase;
let site: E2eSite;
let page: Page;
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

  site = await startE2eSite(db);
  ({ page, base } = site);
});

afterAll(async () => {
  await site?.close();
  await db?.drop();
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
    expect(first[0]).toBe(await invoiceNumberOf(db, bills.toLetter));
    expect(first[2]).toContain('Camille Martin');
    expect(first[3]).toBe('1,024.51 EUR');
    expect(first[4]).toBe('Completed');
    expect(first[5]).toBe('Not lettered');
    await mainText(page);
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
    expect(await search(await invoiceNumberOf(db, bills.other))).toEqual([String(bills.other)]);
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
    await openFromList(page, bills.toLetter);
    const header = page.locator('[data-region="billheader"]');
    expect(await header.locator('[data-field="number"]').innerText()).toBe(await invoiceNumberOf(db, bills.toLetter));
    expect(await header.locator('[data-field="transactionid"]').innerText()).toBe('TXE2E0024');
    expect(await header.locator('[data-field="paymentmethod"]').innerText()).toBe('SystemPay Plus (Caisse d\'Epargne/Banque Populaire)');
    expect(await header.locator('[data-field="paymentcode"]').innerText()).toMatch(/^PAY-\d+$/);
    expect(await header.locator('[data-field="emissiondate"]').innerText()).toBe('Sunday 25 June 2017, 18:35');
    expect(await header.locator('label[for="local-shop-idnumber"]').innerText()).toBe('Lettering');
    expect(await header.locator('[data-region="helpicon"]').getAttribute('data-content')).toContain('accounting software');
    expect(await page.locator('[data-region="lines"]').innerText()).toContain('Python for beginners');
    expect(await page.locator('[data-region="totals"] [data-field="amount"]').innerText()).toBe('1,024.51 EUR');

    await letter(page, '  FA-E2E-0001 ');
    expect(await page.locator('[data-region="notification"]').innerText()).toBe(
      `The lettering of invoice ${await invoiceNumberOf(db, bills.toLetter)} is now "FA-E2E-0001".`,
    );
    expect(await page.inputValue('#local-shop-idnumber')).toBe('FA-E2E-0001');
    expect(await letteringOf(db.admin, 'mdl_', bills.toLetter)).toBe('FA-E2E-0001');
    const set = site.events().at(-1)!;
    expect(set.eventname).toBe('\\local_shop\\event\\lettering_set');
    expect(set).toMatchObject({ objectid: bills.toLetter, userid: 2, other: { previous: '', lettering: 'FA-E2E-0001' } });
  });

  it('refuses a duplicate with a link to the invoice holding the reference, keeping the typed value', async () => {
    await page.goto(`${base}/local/shop/bills/view.php?view=viewBill&billid=${bills.other}`);
    await letter(page, 'fa-e2e-0001');
    const error = page.locator('[data-region="error"]');
    expect(await error.innerText()).toContain(`The lettering "fa-e2e-0001" is already used by invoice ${await invoiceNumberOf(db, bills.toLetter)}.`);
    expect(await page.inputValue('#local-shop-idnumber')).toBe('fa-e2e-0001');
    expect(await letteringOf(db.admin, 'mdl_', bills.other)).toBe('');
    await error.locator('[data-region="holder"]').click();
    await page.waitForLoadState();
    expect(await page.locator('[data-field="number"]').innerText()).toBe(await invoiceNumberOf(db, bills.toLetter));
    expect(await page.inputValue('#local-shop-idnumber')).toBe('FA-E2E-0001');
  });

  it('refuses a stale edit, shows the current value, and a second click applies', async () => {
    // The page shows FA-E2E-0001; meanwhile someone else changes it.
    await db.admin.query(`UPDATE mdl_local_shop_bill SET idnumber = 'FA-OTHER-9' WHERE id = ?`, [bills.toLetter]);
    await letter(page, 'FA-E2E-0002');
    expect(await page.locator('[data-region="error"]').innerText()).toBe(
      'Someone else changed the lettering of this invoice in the meantime. It is now "FA-OTHER-9".',
    );
    expect(await page.inputValue('#local-shop-idnumber')).toBe('FA-E2E-0002');
    expect(await letteringOf(db.admin, 'mdl_', bills.toLetter)).toBe('FA-OTHER-9');
    await Promise.all([page.waitForLoadState(), page.locator('[data-region="letteringform"] button[type="submit"]').click()]);
    await page.waitForLoadState();
    expect(await page.locator('[data-region="notification"]').innerText()).toContain('is now "FA-E2E-0002"');
    expect(await letteringOf(db.admin, 'mdl_', bills.toLetter)).toBe('FA-E2E-0002');
    expect(site.events().at(-1)).toMatchObject({ eventname: '\\local_shop\\event\\lettering_changed', other: { previous: 'FA-OTHER-9', lettering: 'FA-E2E-0002' } });
  });

  it('clears a lettering', async () => {
    await letter(page, '');
    expect(await page.locator('[data-region="notification"]').innerText()).toBe(`The lettering of invoice ${await invoiceNumberOf(db, bills.toLetter)} was cleared.`);
    expect(await letteringOf(db.admin, 'mdl_', bills.toLetter)).toBe('');
    expect(site.events().at(-1)).toMatchObject({ eventname: '\\local_shop\\event\\lettering_cleared', objectid: bills.toLetter, other: { previous: 'FA-E2E-0002', lettering: '' } });
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
    await letter(page, '<script>x</script>"\'');
    expect(await letteringOf(db.admin, 'mdl_', bills.escaped)).toBe('<script>x</script>"\'');
    expect(await page.locator('[data-region="notification"]').innerText()).toContain('is now "<script>x</script>"\'"');
    expect(await page.locator('#region-main script').count()).toBe(0);
  });

  it('says so when the shared secret is wrong', async () => {
    site.writeState({ secret: 'not-the-secret-0123456789-abcdefghijkl' });
    await page.goto(`${base}/local/shop/bills/view.php?view=viewAllBills`);
    expect(await page.locator('[data-region="error"]').innerText()).toBe('The request to the lettering service is not signed with the right secret.');
    expect(await mainText(page)).not.toContain(E2E_SECRET.slice(0, 12));
    site.writeState();
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

    await openFromList(page, bills.french);
    expect(await page.locator('label[for="local-shop-idnumber"]').innerText()).toBe('Lettrage');
    expect(await page.locator('[data-field="emissiondate"]').innerText()).toBe('vendredi 23 juin 2017, 18:35');
    expect(await page.locator('[data-region="billheader"]').innerText()).toContain('Code transaction');
    await page.fill('#local-shop-idnumber', 'FA-FR-0001');
    await Promise.all([page.waitForLoadState(), page.getByRole('button', { name: 'Mettre à jour' }).click()]);
    await page.waitForLoadState();
    expect(await page.locator('[data-region="notification"]').innerText()).toBe(
      `Le lettrage de la facture ${await invoiceNumberOf(db, bills.french)} est maintenant « FA-FR-0001 ».`,
    );
    expect(await letteringOf(db.admin, 'mdl_', bills.french)).toBe('FA-FR-0001');
  });

  it('refuses a duplicate in French with a working link', async () => {
    await page.goto(`${base}/local/shop/bills/view.php?view=viewBill&billid=${bills.other}`);
    await letter(page, 'FA-2017-0001');
    const error = page.locator('[data-region="error"]');
    expect(await error.innerText()).toContain(`Le lettrage « FA-2017-0001 » est déjà utilisé par la facture ${await invoiceNumberOf(db, bills.lettered)}.`);
    expect(await error.locator('[data-region="holder"]').innerText()).toBe(`Ouvrir la facture ${await invoiceNumberOf(db, bills.lettered)}`);
    expect(await page.inputValue('#local-shop-idnumber')).toBe('FA-2017-0001');
    await error.locator('[data-region="holder"]').click();
    await page.waitForLoadState();
    expect(await page.locator('[data-field="number"]').innerText()).toBe(await invoiceNumberOf(db, bills.lettered));
  });

  it('refuses a stale edit in French', async () => {
    await page.goto(`${base}/local/shop/bills/view.php?view=viewBill&billid=${bills.french}`);
    await db.admin.query(`UPDATE mdl_local_shop_bill SET idnumber = '' WHERE id = ?`, [bills.french]);
    await letter(page, 'FA-FR-0002');
    expect(await page.locator('[data-region="error"]').innerText()).toBe(
      "Quelqu'un d'autre a modifié le lettrage de cette facture entre-temps. Il vaut maintenant « ».",
    );
    expect(await page.inputValue('#local-shop-idnumber')).toBe('FA-FR-0002');
    expect(await letteringOf(db.admin, 'mdl_', bills.french)).toBe('');
  });

  it('keeps the typed value and says so when the service is stopped', async () => {
    await page.goto(`${base}/local/shop/bills/view.php?view=viewBill&billid=${bills.other}`);
    await site.sidecar.stop();
    await letter(page, 'FA-FR-PANNE');
    expect(await page.locator('[data-region="error"]').first().innerText()).toBe(
      "Le service de lettrage est injoignable. Rien n'a été modifié ; veuillez réessayer plus tard.",
    );
    expect(await page.inputValue('#local-shop-idnumber')).toBe('FA-FR-PANNE');
    await mainText(page);
    await page.goto(`${base}/local/shop/bills/view.php?view=viewAllBills`);
    expect(await page.locator('[data-region="error"]').innerText()).toContain('injoignable');
    expect(await letteringOf(db.admin, 'mdl_', bills.other)).toBe('');
    expect(site.phpOutput()).not.toMatch(/PHP (Warning|Notice|Deprecated|Fatal)/);
  });
});
