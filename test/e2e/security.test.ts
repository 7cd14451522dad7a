/**
 * Nothing lost, no one in: the plugin's real pages in Chromium, over the real
 * service, on a private MariaDB server this file may stop.
 *
 * - Values crafted as HTML or script (search text, bill id in the URL,
 *   lettering stored in the database, duplicate and stale messages) show as
 *   text: no script runs, no element is added, the characters read back as typed.
 * - A post without the session key, with a wrong one, or by a user without
 *   local/shop:salesadmin changes nothing and logs nothing.
 * - When the database behind the service goes away, the pages say so in the
 *   user's language, the typed value stays in the field, nothing is written,
 *   and the same page saves once the database is back (the service is not restarted).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database.js';
import { E2E_SECRET, PHP_MESSAGE, invoiceNumberOf, letter, mainText, startE2eSite, type E2eSite } from '../support/e2e.js';
import { insertBill, insertCustomer, insertShop, letteringOf } from '../support/fixtures.js';
import { startPrivateMariaDb, type PrivateMariaDb } from '../support/private-mariadb.js';
import { signedRequest } from '../support/service.js';

/** Every payload sets window.__pwned if it ever runs. */
const SCRIPT = '<script>window.__pwned=1</script>';
const ATTRIBUTE_BREAKOUT = '"><img src=x onerror=window.__pwned=1>';
const CRAFTED_LETTERING = `<b>bold</b>${SCRIPT}`;
const ENTITIES = 'FA&amp;1 &#60;i&#62; &lt;';

let mariadb: PrivateMariaDb;
let databaseDown = false;
let db: ThrowawayDatabase;
let site: E2eSite;
let page: Page;
let base: string;

const bills = { first: 0, crafted: 0, target: 0, outage: 0 };

const billUrl = (billId: number | string) => `${base}/local/shop/bills/view.php?view=viewBill&billid=${billId}`;
const listUrl = (params: Record<string, string> = {}) => `${base}/local/shop/bills/view.php?${new URLSearchParams({ view: 'viewAllBills', ...params })}`;

/**
 * Nothing crafted ran or became markup: no script ran (window.__pwned), the
 * pages (which have no script of their own) hold no script element, no
 * element from a payload and no inline event handler, and PHP printed nothing.
 */
async function expectNothingInjected(target: Page = page): Promise<void> {
  // An <img onerror> fires before the load event: after it, a payload would have run.
  await target.waitForLoadState('load');
  expect(await target.evaluate('typeof window.__pwned')).toBe('undefined');
  expect(await target.locator('script, img, iframe, object, embed').count()).toBe(0);
  expect(await target.locator('[onerror], [onload], [onclick], [onmouseover], [onfocus]').count()).toBe(0);
  expect(await target.locator('#region-main b').count()).toBe(0);
  expect(await target.content()).not.toMatch(PHP_MESSAGE);
}

/** A page of the site says nothing about PHP's internals: no warning, no stack trace, no file path. */
function expectNoInternals(text: string): void {
  expect(text).not.toMatch(PHP_MESSAGE);
  expect(text).not.toMatch(/Stack trace|#0 \/|\.php:\d+|\bon line \d+/);
}

/** Sets the session's user or language with a request of its own, as the harness allows, leaving `page` where it is. */
async function useSession(params: { harnessuser?: number; lang?: 'en' | 'fr' }): Promise<void> {
  const tab = await site.context.newPage();
  const query = new URLSearchParams(Object.entries(params).map(([name, value]): [string, string] => [name, String(value)]));
  await tab.goto(`${base}/my/index.php?${query}`);
  await tab.close();
}

/** Posts the lettering form's fields from the page itself, as a script in the page (or a forged form) would. */
async function postFromPage(fields: Record<string, string>): Promise<{ status: number; text: string }> {
  return page.evaluate(
    async ({ url, body }) => {
      const response = await fetch(url, { method: 'POST', body: new URLSearchParams(body), credentials: 'same-origin' });
      return { status: response.status, text: await response.text() };
    },
    { url: `${base}/local/shop/bills/view.php`, body: fields },
  );
}

/** The session key the page's form carries. */
async function formSesskey(): Promise<string> {
  const value = await page.locator('[data-region="letteringform"] input[name="sesskey"]').getAttribute('value');
  expect(value).toMatch(/^\w{8,}$/);
  return value!;
}

/** Submits the form after the page's session key input was changed: null removes it. */
async function submitWithSesskey(sesskey: string | null, lettering: string): Promise<void> {
  await page.locator('[data-region="letteringform"] input[name="sesskey"]').evaluate(
    (input, value) => (value === null ? input.remove() : input.setAttribute('value', value)),
    sesskey,
  );
  await letter(page, lettering);
}

beforeAll(async () => {
  mariadb = await startPrivateMariaDb();
  db = await createThrowawayDatabase({ server: { host: '127.0.0.1', port: mariadb.port, user: 'root', password: '' } });
  const shop = await insertShop(db.admin, db.prefix, 'Boutique principale');
  const customer = await insertCustomer(db.admin, db.prefix, { shopid: shop, firstname: 'Camille', lastname: 'Martin' });
  bills.first = await insertBill(db.admin, db.prefix, { shopid: shop, customerid: customer, idnumber: 'FA-SEC-0001' });
  bills.crafted = await insertBill(db.admin, db.prefix, { shopid: shop, customerid: customer, idnumber: CRAFTED_LETTERING });
  bills.target = await insertBill(db.admin, db.prefix, { shopid: shop, customerid: customer, idnumber: '' });
  bills.outage = await insertBill(db.admin, db.prefix, { shopid: shop, customerid: customer, idnumber: '' });
  site = await startE2eSite(db);
  ({ page, base } = site);
  // Every page here answers in well under a second: a missing element should fail fast, not after 30 s.
  page.setDefaultTimeout(10_000);
  await useSession({ harnessuser: 2, lang: 'en' });
});

afterAll(async () => {
  await site?.close();
  // A failed outage test must not leave the database behind on a stopped server.
  if (databaseDown) await mariadb.start();
  await db?.drop();
  await mariadb?.destroy();
});

describe('values crafted as HTML or script show as text', () => {
  it('keeps a crafted search text in the search box and in the links, typed or in the URL', async () => {
    for (const q of [SCRIPT, ATTRIBUTE_BREAKOUT]) {
      await page.goto(listUrl({ q, status: SCRIPT, trail: ATTRIBUTE_BREAKOUT }));
      await expectNothingInjected();
      expect(await page.inputValue('#local-shop-search')).toBe(q);
      expect(await page.locator('[data-region="nobills"]').innerText()).toBe('No bill matches.');
      // Each tab keeps the search: its link carries the text as typed, and only it.
      const links = await page.locator('[data-region="tabs"] a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
      expect(links.length).toBeGreaterThan(5);
      for (const link of links) expect(new URL(link!).searchParams.get('q')).toBe(q);
      // The crafted status fell back to the completed invoices.
      expect(await page.locator('[data-region="tabs"] a.active').getAttribute('data-status')).toBe('COMPLETE');
    }
    await page.goto(listUrl());
    await page.fill('#local-shop-search', ATTRIBUTE_BREAKOUT);
    await Promise.all([page.waitForLoadState(), page.getByRole('button', { name: 'Search' }).click()]);
    await expectNothingInjected();
    expect(await page.inputValue('#local-shop-search')).toBe(ATTRIBUTE_BREAKOUT);
  });

  it('shows a crafted lettering from the database as text in the list, found by searching for it', async () => {
    await page.goto(listUrl({ q: '<b>bold' }));
    await expectNothingInjected();
    const rows = page.locator('[data-region="bills"] tbody tr');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-billid')))).toEqual([String(bills.crafted)]);
    const cell = rows.first().locator('[data-field="lettering"]');
    expect(await cell.innerText()).toBe(CRAFTED_LETTERING);
    expect(await cell.locator('*').count()).toBe(0);
  });

  it('shows a crafted lettering on the invoice in the field, and saves a crafted one as typed', async () => {
    await page.goto(billUrl(bills.crafted));
    await expectNothingInjected();
    expect(await page.inputValue('#local-shop-idnumber')).toBe(CRAFTED_LETTERING);
    expect(await page.locator('input[name="expected"]').getAttribute('value')).toBe(CRAFTED_LETTERING);
    // Saving it unchanged: the value round-trips through the form byte for byte.
    await letter(page, CRAFTED_LETTERING);
    await expectNothingInjected();
    expect(await page.locator('[data-region="notification"]').innerText()).toBe(`Invoice ${await invoiceNumberOf(db, bills.crafted)} already had this lettering: nothing changed.`);
    // The success message quotes the new value: it must read as typed.
    await letter(page, ATTRIBUTE_BREAKOUT);
    await expectNothingInjected();
    expect(await page.locator('[data-region="notification"]').innerText()).toBe(
      `The lettering of invoice ${await invoiceNumberOf(db, bills.crafted)} is now "${ATTRIBUTE_BREAKOUT}".`,
    );
    expect(await page.inputValue('#local-shop-idnumber')).toBe(ATTRIBUTE_BREAKOUT);
    expect(await letteringOf(db.admin, db.prefix, bills.crafted)).toBe(ATTRIBUTE_BREAKOUT);
    // Entities are characters too: "&#60;" must not come back as "<".
    await letter(page, ENTITIES);
    await expectNothingInjected();
    expect(await page.locator('[data-region="notification"]').innerText()).toContain(`is now "${ENTITIES}".`);
    expect(await page.inputValue('#local-shop-idnumber')).toBe(ENTITIES);
    await letter(page, CRAFTED_LETTERING);
    await expectNothingInjected();
    expect(await page.locator('[data-region="notification"]').innerText()).toContain(`is now "${CRAFTED_LETTERING}".`);
    expect(await letteringOf(db.admin, db.prefix, bills.crafted)).toBe(CRAFTED_LETTERING);
  });

  it('reads a bill id crafted in the URL as a number, and never echoes it', async () => {
    const number = await invoiceNumberOf(db, bills.first);
    for (const billid of [`${bills.first}${SCRIPT}`, `${bills.first}%22%3E%3Cscript%3Ewindow.__pwned=1%3C/script%3E`, `${bills.first}"><img src=x onerror=window.__pwned=1>`]) {
      await page.goto(billUrl(billid));
      await expectNothingInjected();
      expect(await page.locator('[data-field="number"]').innerText()).toBe(number);
      expect(await page.locator('input[name="billid"]').getAttribute('value')).toBe(String(bills.first));
      expect(await page.content()).not.toContain('__pwned');
    }
    // No number at all: a clear refusal, still nothing echoed.
    await page.goto(billUrl(encodeURIComponent(ATTRIBUTE_BREAKOUT)));
    await expectNothingInjected();
    expect(await page.locator('[data-region="error"]').innerText()).not.toBe('');
    expect(await page.content()).not.toContain('__pwned');
    expectNoInternals(await mainText(page));
  });

  it('quotes a crafted lettering as text in a duplicate refusal, with a working link to its holder', async () => {
    await page.goto(billUrl(bills.target));
    await letter(page, CRAFTED_LETTERING);
    await expectNothingInjected();
    const error = page.locator('[data-region="error"]');
    const holderNumber = await invoiceNumberOf(db, bills.crafted);
    expect(await error.innerText()).toBe(`The lettering "${CRAFTED_LETTERING}" is already used by invoice ${holderNumber}. Open invoice ${holderNumber}`);
    expect(await error.locator('*').count()).toBe(1); // the link, and nothing else
    expect(await page.inputValue('#local-shop-idnumber')).toBe(CRAFTED_LETTERING);
    expect(await letteringOf(db.admin, db.prefix, bills.target)).toBe('');
    const holder = error.locator('[data-region="holder"]');
    expect(new URL((await holder.getAttribute('href'))!).searchParams.get('billid')).toBe(String(bills.crafted));
    await Promise.all([page.waitForLoadState(), holder.click()]);
    await expectNothingInjected();
    expect(await page.locator('[data-field="number"]').innerText()).toBe(holderNumber);
    expect(await page.inputValue('#local-shop-idnumber')).toBe(CRAFTED_LETTERING);
  });

  it('quotes a crafted current value as text in a stale refusal, and the next click applies over it', async () => {
    await page.goto(billUrl(bills.target));
    // Meanwhile someone else stores a crafted value.
    await db.admin.query(`UPDATE \`${db.prefix}local_shop_bill\` SET idnumber = ? WHERE id = ?`, [ATTRIBUTE_BREAKOUT, bills.target]);
    await letter(page, 'FA-SEC-STALE');
    await expectNothingInjected();
    expect(await page.locator('[data-region="error"]').innerText()).toBe(
      `Someone else changed the lettering of this invoice in the meantime. It is now "${ATTRIBUTE_BREAKOUT}".`,
    );
    expect(await page.inputValue('#local-shop-idnumber')).toBe('FA-SEC-STALE');
    // The form now expects the crafted value: only an exact round trip through the attribute lets the next click apply.
    expect(await page.locator('input[name="expected"]').getAttribute('value')).toBe(ATTRIBUTE_BREAKOUT);
    await Promise.all([page.waitForLoadState(), page.locator('[data-region="letteringform"] button[type="submit"]').click()]);
    await expectNothingInjected();
    expect(await page.locator('[data-region="notification"]').innerText()).toContain('is now "FA-SEC-STALE"');
    expect(await letteringOf(db.admin, db.prefix, bills.target)).toBe('FA-SEC-STALE');
    expect(site.events().at(-1)).toMatchObject({ objectid: bills.target, other: { previous: ATTRIBUTE_BREAKOUT, lettering: 'FA-SEC-STALE' } });
  });
});

describe('a forged or unauthorised post changes nothing', () => {
  const refusal = 'The form could not be verified: it comes from an expired session or was not sent from this page. Nothing was changed; type the lettering again and click Update.';

  it('refuses the form without its session key, and with a wrong one, saying so in English and in French', async () => {
    for (const sesskey of [null, 'forged0123456789']) {
      await page.goto(billUrl(bills.target));
      const before = site.events().length;
      await submitWithSesskey(sesskey, 'FA-FORGED-1');
      expect(await page.locator('[data-region="error"]').innerText()).toBe(refusal);
      expectNoInternals(await mainText(page));
      // The field shows what the bill holds, not what the refused post carried.
      expect(await page.inputValue('#local-shop-idnumber')).toBe('FA-SEC-STALE');
      expect(await letteringOf(db.admin, db.prefix, bills.target)).toBe('FA-SEC-STALE');
      expect(site.events()).toHaveLength(before);
    }
    await useSession({ lang: 'fr' });
    try {
      await page.goto(billUrl(bills.target));
      await submitWithSesskey(null, 'FA-FORGED-1');
      expect(await page.locator('[data-region="error"]').innerText()).toBe(
        "Le formulaire n'a pas pu être vérifié : il provient d'une session expirée ou n'a pas été envoyé depuis cette page. Rien n'a été modifié ; saisissez de nouveau le lettrage et cliquez sur Mettre à jour.",
      );
      expect(await letteringOf(db.admin, db.prefix, bills.target)).toBe('FA-SEC-STALE');
    } finally {
      await useSession({ lang: 'en' });
    }
  });

  it('refuses a raw post without or with a wrong session key, while the same post with the right key applies', async () => {
    await page.goto(billUrl(bills.target));
    const fields = { view: 'viewBill', billid: String(bills.target), what: 'reclettering', idnumber: 'FA-FORGED-2' };
    const before = site.events().length;
    for (const sesskey of [undefined, '', 'forged0123456789']) {
      const answer = await postFromPage(sesskey === undefined ? fields : { ...fields, sesskey });
      expect(answer.text).toContain(refusal);
      expectNoInternals(answer.text);
      expect(await letteringOf(db.admin, db.prefix, bills.target)).toBe('FA-SEC-STALE');
      expect(site.events()).toHaveLength(before);
    }
    // The control: the very same post with the form's key goes through, so only the key was missing above.
    const accepted = await postFromPage({ ...fields, sesskey: await formSesskey() });
    expect(accepted.status).toBe(200);
    expect(accepted.text).toContain('is now "FA-FORGED-2".');
    expect(await letteringOf(db.admin, db.prefix, bills.target)).toBe('FA-FORGED-2');
    expect(site.events()).toHaveLength(before + 1);
  });

  it('refuses a user without local/shop:salesadmin, even with a valid session key, and hides the pages from them', async () => {
    await page.goto(billUrl(bills.target));
    const sesskey = await formSesskey();
    const before = site.events().length;
    await useSession({ harnessuser: 3 });
    try {
      // The form was shown to user 2; the session is now user 3's, with the same valid key.
      await page.fill('#local-shop-idnumber', 'FA-NOCAP-1');
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.locator('[data-region="letteringform"] button[type="submit"]').click(),
      ]);
      await page.waitForLoadState();
      expect(response.status()).toBe(403);
      expect(await page.locator('body').innerText()).toContain('you do not currently have permissions to do that (local/shop:salesadmin)');
      const raw = await postFromPage({ view: 'viewBill', billid: String(bills.target), what: 'reclettering', idnumber: 'FA-NOCAP-2', sesskey });
      expect(raw.status).toBe(403);
      expect(await letteringOf(db.admin, db.prefix, bills.target)).toBe('FA-FORGED-2');
      expect(site.events()).toHaveLength(before);

      const secrets = [await invoiceNumberOf(db, bills.target), 'FA-FORGED-2', 'FA-SEC-0001', 'Camille'];
      for (const url of [`${base}/local/shop/index.php`, listUrl(), listUrl({ status: 'all', q: 'FA' }), billUrl(bills.target), billUrl(bills.first)]) {
        const get = await page.goto(url);
        expect(get?.status(), url).toBe(403);
        const text = await page.locator('body').innerText();
        for (const secret of secrets) expect(text).not.toContain(secret);
        expectNoInternals(text);
      }
    } finally {
      await useSession({ harnessuser: 2 });
    }
  });
});

describe('the database behind the service goes away, and comes back', () => {
  const unavailable = {
    en: 'The shop database is unavailable. Nothing was changed; please try again later.',
    fr: "La base de données de la boutique est indisponible. Rien n'a été modifié ; veuillez réessayer plus tard.",
  };

  it('says so on the invoice and the list in English and in French, keeps the typed value, and writes nothing', async () => {
    await page.goto(billUrl(bills.outage));
    const before = site.events().length;
    databaseDown = true;
    await mariadb.stop();

    // The service itself is up and answers that its database is unavailable.
    const direct = await fetch(signedRequest('GET', `/v1/bills/${bills.outage}`, { secret: E2E_SECRET, language: 'en' }, `http://127.0.0.1:${site.sidecar.port}`));
    expect(direct.status).toBe(503);
    expect(((await direct.json()) as { error: { code: string } }).error.code).toBe('DATABASE_UNAVAILABLE');

    const list = await site.context.newPage();
    try {
      for (const language of ['en', 'fr'] as const) {
        await useSession({ lang: language });
        const typed = `FA-PANNE-${language.toUpperCase()}`;
        await letter(page, typed);
        const errors = page.locator('[data-region="error"]');
        expect(await errors.allInnerTexts()).toEqual([unavailable[language]]);
        expect(await page.inputValue('#local-shop-idnumber')).toBe(typed);
        expectNoInternals(await mainText(page));

        await list.goto(listUrl());
        expect(await list.locator('[data-region="error"]').innerText()).toBe(unavailable[language]);
        expect(await list.locator('[data-region="bills"]').count()).toBe(0);
        expectNoInternals(await mainText(list));
      }
    } finally {
      await list.close();
    }
    expect(site.events()).toHaveLength(before);
    expect(site.phpOutput()).not.toMatch(/PHP (Warning|Notice|Deprecated|Fatal)/);
  });

  it('saves the typed value from the same page once the database is back, without restarting the service', async () => {
    await mariadb.start();
    databaseDown = false;
    // Nothing was written during the outage.
    expect(await letteringOf(db.admin, db.prefix, bills.outage)).toBe('');
    expect(await page.inputValue('#local-shop-idnumber')).toBe('FA-PANNE-FR');
    await Promise.all([page.waitForLoadState(), page.locator('[data-region="letteringform"] button[type="submit"]').click()]);
    await page.waitForLoadState();
    expect(await page.locator('[data-region="notification"]').innerText()).toBe(
      `Le lettrage de la facture ${await invoiceNumberOf(db, bills.outage)} est maintenant « FA-PANNE-FR ».`,
    );
    expect(await page.locator('[data-region="error"]').count()).toBe(0);
    expect(await letteringOf(db.admin, db.prefix, bills.outage)).toBe('FA-PANNE-FR');
    expect(site.events().at(-1)).toMatchObject({ eventname: '\\local_shop\\event\\lettering_set', objectid: bills.outage, userid: 2 });
    await page.goto(listUrl({ q: 'FA-PANNE' }));
    expect(await page.locator('[data-region="bills"] [data-field="lettering"]').allInnerTexts()).toEqual(['FA-PANNE-FR']);
    expect(site.phpOutput()).not.toMatch(/PHP (Warning|Notice|Deprecated|Fatal)/);
    await useSession({ lang: 'en' });
  });
});
