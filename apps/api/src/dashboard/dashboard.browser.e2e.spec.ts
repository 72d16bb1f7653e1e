import { existsSync, mkdirSync, rmSync, readFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { EventStore } from '@channel-ledger/event-store';
import { mailboxFiles, signIn, waitForNewMail } from '../../test/sign-in';
import { startTestApp, TestApp } from '../../test/test-app';
import { EVENT_STORE } from '../infrastructure/infrastructure.module';
import { ChannelHistory, generateChannelHistory } from './testing/channel-history';
import { LedgerFigures, readWholeLog } from './testing/ledger-figures';
import { settleLedger, StoppedClock } from './testing/settled-ledger';

/**
 * The dashboard in a real browser: Debian's chromium driven by playwright-core (no browser
 * download), headless, without sandbox or background networking (the machine has no network).
 * A vendor administrator signs in through the mailed link, reads a figure off the page and checks
 * it against the event log, changes a filter, downloads a CSV, moves through the page with the
 * keyboard, and a screenshot is kept. Signed in as a reseller, the page holds only its own names.
 *
 * Skipped, saying why, where chromium is not installed (CI's machine has none):
 * `apt-get install chromium`, or set CHROMIUM_PATH.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Screenshots are kept only where asked (DASHBOARD_ARTIFACTS_DIR); otherwise they go to a temp folder the test deletes.
const KEEP = process.env.DASHBOARD_ARTIFACTS_DIR;
const ARTIFACTS = KEEP ?? join(tmpdir(), `channel-ledger-dashboard-${process.pid}`);
const NOW = '2026-07-01T00:00:00.000Z';
const VENDOR = 'vendor-north';
const ADMIN = 'admin@vendor-north.test';
const available = existsSync(CHROMIUM);
if (!available) console.log(`dashboard browser test skipped: no chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);

(available ? describe : describe.skip)('reporting dashboard in a browser (chromium)', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let ledger: LedgerFigures;
  let history: ChannelHistory;
  const problems: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({
      env: {
        CHANNEL_LEDGER_STAFF: `vendor-admin:${VENDOR}:${ADMIN},vendor-admin:vendor-south:admin@vendor-south.test`,
        CHANNEL_LEDGER_RATE_LIMIT_PUBLIC: '100000',
      },
    });
    // The history is written with the clock before it, then the processes take what is due at NOW and stop.
    const clock = new StoppedClock(t.app, '2025-01-01T00:00:00.000Z');
    const store = t.app.get<EventStore>(EVENT_STORE);
    history = await generateChannelHistory(store, {
      tag: 'view',
      seed: 42,
      vendors: [VENDOR, 'vendor-south'],
      resellers: 4,
      start: '2025-07-01T00:00:00.000Z',
      months: 12,
      purchasesPerMonth: 5,
      until: NOW,
    });
    clock.setTo(NOW);
    await settleLedger(t.app);
    ledger = new LedgerFigures(await readWholeLog(store));
    await new Promise<void>((resolve) => t.http.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(t.http.address() as AddressInfo).port}`;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    if (!KEEP) rmSync(ARTIFACTS, { recursive: true, force: true });
  });

  async function open(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' || /Content.Security.Policy/i.test(message.text())) problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    return page;
  }

  /** Asks for a link on the page, follows the mailed link (to this server) and waits for the figures. */
  async function signInOnPage(page: Page, email: string): Promise<void> {
    await page.goto(`${base}/dashboard`);
    await page.getByLabel('E-mail address').fill(email);
    const seen = await mailboxFiles(t);
    await page.getByRole('button', { name: 'Mail me a sign-in link' }).click();
    await page.getByText('a sign-in link is on its way').waitFor();
    const mail = await waitForNewMail(t, email, seen, 'sign-in link');
    const link = /https?:\/\/\S+(\/sign-in#\S+)/.exec(mail.text)?.[1];
    expect(link).toBeDefined();
    await page.goto(`${base}${link}`);
    await page.waitForURL(`${base}/dashboard`);
    await page.locator('body[data-loaded="true"]').waitFor({ timeout: 20_000 });
  }

  const cell = (page: Page, table: string, rowText: string[], key: string) =>
    page
      .locator(`#table-${table} tbody tr`)
      .filter({ has: page.locator('th, td').filter({ hasText: rowText[0] }) })
      .filter({ hasText: rowText[1] ?? '' })
      .filter({ hasText: rowText[2] ?? '' })
      .locator(`[data-key="${key}"]`);

  it('signs in a vendor administrator, shows figures that agree with the ledger, filters, downloads a CSV', async () => {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    const page = await open(context);
    await signInOnPage(page, ADMIN);
    await expect(page.locator('#who').textContent()).resolves.toContain(`vendor administrator of ${VENDOR}`);
    // The tokens stay in this tab's sessionStorage; the link's credential is gone from the address bar.
    expect(page.url()).toBe(`${base}/dashboard`);
    await expect(page.evaluate('Object.keys(window.sessionStorage)')).resolves.toEqual(['channel-ledger.session']);

    // A figure read off the page, checked against the event log. The page opens on the last
    // twelve months with figures.
    const from = await page.locator('#filter-from').inputValue();
    const to = await page.locator('#filter-to').inputValue();
    const expected = ledger.revenue({ kind: 'vendor', vendorId: VENDOR }, { fromMonth: from, toMonth: to });
    expect(expected.length).toBeGreaterThan(3);
    const sample = expected[Math.floor(expected.length / 2)];
    const shown = await cell(
      page,
      'revenue',
      [String(sample.month), String(sample.resellerName), String(sample.currency)],
      'totalRevenue',
    ).textContent();
    expect(shown).toBe(sample.totalRevenue);
    // A long table shows its first rows until asked for all.
    if (await page.locator('#more-revenue').isVisible()) await page.locator('#more-revenue').click();
    const rowsShown = await page.locator('#table-revenue tbody tr').count();
    expect(rowsShown).toBe(expected.length);
    await expect(page.locator('#count-revenue').textContent()).resolves.toContain(`${expected.length} rows`);

    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-vendor-admin-top.png') });

    // Change a filter: EUR only.
    await page.getByLabel('Currency', { exact: true }).selectOption('EUR');
    await page.evaluate('delete document.body.dataset.loaded');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.locator('body[data-loaded="true"]').waitFor();
    const eur = ledger.revenue({ kind: 'vendor', vendorId: VENDOR }, { fromMonth: from, toMonth: to, currency: 'EUR' });
    const currencies = await page.locator('#table-revenue tbody [data-key="currency"]').allTextContents();
    expect(new Set(currencies)).toEqual(new Set(['EUR']));
    expect(currencies.length).toBe(eur.length);
    const eurTotal = await cell(page, 'revenue', [String(eur[0].month), String(eur[0].resellerName), 'EUR'], 'totalRevenue').textContent();
    expect(eurTotal).toBe(eur[0].totalRevenue);
    // The seats table follows the same filter (seats of EUR sales).
    const seats = ledger.seats({ kind: 'vendor', vendorId: VENDOR }, { fromMonth: from, toMonth: to, currency: 'EUR' });
    const seatsSold = (await page.locator('#table-seats tbody [data-key="seatsSold"]').allTextContents()).reduce(
      (a, b) => a + Number(b),
      0,
    );
    expect(seatsSold).toBe(seats.reduce((a, r) => a + (r.seatsSold as number), 0));

    // Download the revenue CSV: the same rows as the JSON the table shows.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV: revenue' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`revenue-${VENDOR}-${from}_${to}.csv`);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'month,vendorId,resellerId,resellerName,currency,newRevenue,renewalRevenue,expansionRevenue,totalRevenue,invoices',
    );
    expect(lines.length - 1).toBe(eur.length);
    expect(lines.slice(1).every((line) => line.split(',')[4] === 'EUR')).toBe(true);

    const screenshot = join(ARTIFACTS, 'dashboard-vendor-admin.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    if (KEEP) console.log(`dashboard screenshot kept at ${screenshot}`);
    expect(problems).toEqual([]);
    await context.close();
  }, 90_000);

  it('is usable from the keyboard: skip link first, then every control, table and download in order', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await open(context);
    const session = await signIn(t, ADMIN, { role: 'vendor-admin' });
    // Hand the session to the page as /sign-in would have.
    await page.goto(`${base}/sign-in`);
    const tokens = {
      accessToken: session.accessToken,
      refreshToken: session.refreshToken,
      expiresAt: Date.now() + 600_000,
      principal: session.principal,
    };
    await page.evaluate(`window.sessionStorage.setItem('channel-ledger.session', ${JSON.stringify(JSON.stringify(tokens))})`);
    await page.goto(`${base}/dashboard`);
    await page.locator('body[data-loaded="true"]').waitFor();
    const reached: string[] = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      reached.push(
        await page.evaluate<string>(`(() => {
          const el = document.activeElement;
          if (!el) return '';
          return el.id || (el.classList.contains('csv') ? 'csv:' + el.dataset.table : el.getAttribute('aria-labelledby') || el.tagName);
        })()`),
      );
    }
    expect(reached[0]).toBe('A'); // the skip link
    const order = [
      'sign-out',
      'filter-from',
      'filter-to',
      'filter-reseller',
      'filter-currency',
      'chart-currency-revenue',
      'caption-revenue',
      'csv:revenue',
      'caption-seats',
      'csv:seats',
      'csv:issuance-utilization',
    ];
    const positions = order.map((id) => reached.indexOf(id));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // Enter on a focused download button works like a click.
    await page.locator('button.csv[data-table="seats"]').focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/^seats-vendor-north-.*\.csv$/);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it('refreshes an expired access token with the refresh token, and signs out', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await open(context);
    const session = await signIn(t, ADMIN, { role: 'vendor-admin' });
    await page.goto(`${base}/sign-in`);
    // An access token that no longer works, past its expiry: the page must refresh before asking.
    const stale = {
      accessToken: 'expired',
      refreshToken: session.refreshToken,
      expiresAt: Date.now() - 1000,
      principal: session.principal,
    };
    await page.evaluate(`window.sessionStorage.setItem('channel-ledger.session', ${JSON.stringify(JSON.stringify(stale))})`);
    await page.goto(`${base}/dashboard`);
    await page.locator('body[data-loaded="true"]').waitFor();
    const kept = JSON.parse(await page.evaluate<string>(`window.sessionStorage.getItem('channel-ledger.session')`));
    expect(kept.refreshToken).not.toBe(session.refreshToken);
    expect(kept.accessToken).not.toBe('expired');
    // The old refresh token was rotated away; signing out ends the session on the server too.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.locator('#sign-in').waitFor({ state: 'visible' });
    await expect(page.evaluate('window.sessionStorage.length')).resolves.toBe(0);
    expect(problems.filter((p) => !/401/.test(p))).toEqual([]);
    problems.length = 0;
    await context.close();
  }, 60_000);

  it("shows a reseller only its own figures: no other reseller's name anywhere in the page", async () => {
    const reseller = history.resellers[1];
    const others = history.resellers.filter((r) => r.resellerId !== reseller.resellerId);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await open(context);
    await signInOnPage(page, reseller.email);
    await expect(page.locator('#who').textContent()).resolves.toContain(`reseller of ${reseller.companyName}`);
    expect(await page.locator('#filter-reseller-field').isHidden()).toBe(true);
    const html = await page.content();
    for (const other of others) {
      expect([other.companyName, html.includes(other.companyName)]).toEqual([other.companyName, false]);
      expect(html.includes(other.resellerId)).toBe(false);
    }
    const activeRows = await page.locator('#table-active-subscriptions tbody tr').count();
    expect(activeRows).toBe(
      Math.max(1, ledger.activeSubscriptions({ kind: 'reseller', resellerId: reseller.resellerId }, new Date(NOW)).length),
    );
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-reseller.png'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);
});
