/**
 * npm run bench:dashboard: how long the reporting dashboard takes to load for a vendor
 * administrator over a history of ~100,000 events on the embedded store (one SQLite file for
 * events and read models, the API in one process, as `npm start` runs it).
 *
 * 1. A seeded channel history (apps/api/src/dashboard/testing/channel-history.ts: one vendor,
 *    resellers, three currencies, purchases with ownership offers, renewals, seats, upgrades,
 *    cancellations, direct purchases, issuance rights) is written through the real use cases
 *    until the log holds BENCH_EVENTS events (default 100,000). Written with synchronous=NORMAL
 *    to save time; the API then opens the file as it always does (FULL).
 * 2. The API starts on that file and its projections catch up (timed, reported).
 * 3. The page load a browser does, over HTTP on 127.0.0.1: GET /dashboard, its four assets in
 *    parallel, GET /auth/me, the overview, then the six tables in parallel (the page's default
 *    period: the last twelve months with figures). First (cold) load, then the median and p95 of
 *    BENCH_RUNS warm loads (assets are cached for good by a browser, so warm loads skip them).
 * 4. Where Debian's chromium is installed, the same page in headless chromium: navigation to
 *    "figures loaded" (tables and charts rendered).
 *
 * A script, not a test: the figure goes to docs/benchmarks.md.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig, mailedTokenPurpose, Secrets } from '@channel-ledger/application';
import { openSqliteEventStore } from '@channel-ledger/event-store';
import { ProjectionRunner } from '@channel-ledger/projections';
import { createApp } from '../apps/api/src/bootstrap';
import { generateChannelHistory } from '../apps/api/src/dashboard/testing/channel-history';
import { settleLedger, StoppedClock } from '../apps/api/src/dashboard/testing/settled-ledger';
import { EVENT_STORE } from '../apps/api/src/infrastructure/infrastructure.module';
import { PROJECTION_RUNNER } from '../apps/api/src/infrastructure/read-store.provider';
import type { EventStore } from '@channel-ledger/event-store';

const TARGET = Number(process.env.BENCH_EVENTS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const VENDOR = 'vendor-bench';
const ADMIN = 'admin@vendor-bench.test';
const NOW = '2026-07-01T00:00:00.000Z';
const TABLES = ['revenue', 'seats', 'active-subscriptions', 'renewals-due', 'transfers', 'issuance-utilization'];

const ms = (from: number) => performance.now() - from;
const quantile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];

async function main(): Promise<void> {
  // BENCH_KEEP_DIR: keep the store there and reuse it on the next run (skips steps 1 and most of 2).
  const keep = process.env.BENCH_KEEP_DIR;
  if (keep) mkdirSync(keep, { recursive: true });
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'bench-dashboard-'));
  const sqlitePath = join(dir, 'ledger.sqlite');
  try {
    console.log(`dashboard bench: ${TARGET} events, ${RUNS} warm loads (node ${process.version})`);

    // 1. The history: about 9.5 events per purchase over 24 months, in batches until the target.
    let started = performance.now();
    const writer = await openSqliteEventStore({ path: sqlitePath, synchronous: 'NORMAL' });
    let batch = 0;
    let head = (await writer.headPosition()) ?? 0n;
    if (head > 0n) console.log(`  reusing ${sqlitePath}: ${head} events`);
    while (head < BigInt(TARGET)) {
      const missing = TARGET - Number(head);
      const purchasesPerMonth = Math.max(5, Math.ceil(missing / 9.5 / 24));
      await generateChannelHistory(writer, {
        tag: `b${++batch}`,
        seed: 1000 + batch,
        vendors: [VENDOR],
        resellers: 30,
        start: '2024-07-01T00:00:00.000Z',
        months: 24,
        purchasesPerMonth,
        until: NOW,
        lateOffers: 20,
      });
      head = (await writer.headPosition()) ?? 0n;
      console.log(`  history batch ${batch}: log at ${head} events`);
    }
    await writer.close();
    console.log(`  history written in ${(ms(started) / 1000).toFixed(1)} s`);

    // 2. The API on that file; projections catch up.
    const config = loadConfig({
      CHANNEL_LEDGER_SQLITE_PATH: sqlitePath,
      CHANNEL_LEDGER_MAILBOX: join(dir, 'mailbox'),
      CHANNEL_LEDGER_STAFF: `vendor-admin:${VENDOR}:${ADMIN}`,
      CHANNEL_LEDGER_TEST_CLOCK: 'true',
      CHANNEL_LEDGER_RATE_LIMIT_PUBLIC: '1000000',
      CHANNEL_LEDGER_RATE_LIMIT_SIGNED_IN: '1000000',
      PORT: '0',
    });
    started = performance.now();
    const app = await createApp(config, { logger: false });
    // The ledger clock stands at NOW (before the processes start): they take what fell due by
    // then (offers lapse, terms end) and stop, so nothing moves while the page is measured.
    new StoppedClock(app, NOW);
    await app.init();
    const store = app.get<EventStore>(EVENT_STORE);
    await app.get<ProjectionRunner>(PROJECTION_RUNNER).waitUntilCaughtUp(await store.headPosition(), { timeoutMs: 1_800_000 });
    console.log(`  projections caught up over ${await store.headPosition()} events in ${(ms(started) / 1000).toFixed(1)} s`);
    started = performance.now();
    const beforeProcesses = (await store.headPosition()) ?? 0n;
    await settleLedger(app, { timeoutMs: 1_800_000 });
    const settled = (await store.headPosition()) ?? 0n;
    console.log(
      `  time-driven processes recorded ${settled - beforeProcesses} events of what fell due by ${NOW} in ${(ms(started) / 1000).toFixed(1)} s; the log now holds ${settled} events`,
    );

    const http = app.getHttpServer();
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    // Sign in with a link, over HTTP. The outbox would mail the whole history's offers and
    // deliveries before it (minutes for 100,000 events), so the link's credential is recomputed
    // from the secret exactly as the mail composer does, from the SignInLinkIssued event.
    const before = await store.headPosition();
    await fetch(`${base}/auth/sign-in-links`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: ADMIN }),
    });
    const issued = (await store.readAll({ after: before, limit: 100 })).events.find((e) => e.type === 'SignInLinkIssued');
    if (!issued) throw new Error('no SignInLinkIssued after POST /auth/sign-in-links');
    const linkId = issued.data.linkId as string;
    const token = `${linkId}.${app.get(Secrets).derive(mailedTokenPurpose.signInLink(linkId))}`;
    const answer = await fetch(`${base}/auth/sessions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    if (!answer.ok) throw new Error(`sign-in failed: ${answer.status} ${await answer.text()}`);
    const session = (await answer.json()) as { accessToken: string; refreshToken: string; principal: unknown };
    const auth = { Authorization: `Bearer ${session.accessToken}` };

    // 3. The page load, as the browser does it.
    const get = async (path: string, headers: Record<string, string> = {}) => {
      const response = await fetch(`${base}${path}`, { headers });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return response;
    };
    const load = async (withAssets: boolean) => {
      const t0 = performance.now();
      const html = await (await get('/dashboard')).text();
      if (withAssets) {
        const assets = [...html.matchAll(/(?:src|href)="(\/dashboard\/assets\/[^"]+)"/g)].map((m) => m[1]);
        await Promise.all(assets.map(async (asset) => (await get(asset)).arrayBuffer()));
      }
      await (await get('/auth/me', auth)).json();
      const dashboard = `/reports/vendors/${VENDOR}/dashboard`;
      const overview = (await (await get(dashboard, auth)).json()) as { months: { last: string } };
      const last = overview.months.last;
      const first = `${Number(last.slice(0, 4)) - 1}-${String((Number(last.slice(5, 7)) % 12) + 1).padStart(2, '0')}`;
      const timings: Record<string, number> = {};
      const rows: Record<string, number> = {};
      await Promise.all(
        TABLES.map(async (table) => {
          const t = performance.now();
          const body = (await (await get(`${dashboard}/${table}?fromMonth=${first}&toMonth=${last}`, auth)).json()) as { rows: unknown[] };
          timings[table] = ms(t);
          rows[table] = body.rows.length;
        }),
      );
      return { total: ms(t0), timings, rows };
    };

    const cold = await load(true);
    console.log(`  first load (cold, with assets): ${cold.total.toFixed(0)} ms`);
    console.log(`    rows per table: ${TABLES.map((t) => `${t} ${cold.rows[t]}`).join(', ')}`);
    const warm: number[] = [];
    const perTable: Record<string, number[]> = Object.fromEntries(TABLES.map((t) => [t, []]));
    for (let i = 0; i < RUNS; i++) {
      const run = await load(false);
      warm.push(run.total);
      for (const t of TABLES) perTable[t].push(run.timings[t]);
    }
    const sequential: Record<string, number[]> = Object.fromEntries(TABLES.map((t) => [t, []]));
    for (let i = 0; i < 5; i++) {
      for (const table of TABLES) {
        const t = performance.now();
        await (await get(`/reports/vendors/${VENDOR}/dashboard/${table}`, auth)).arrayBuffer();
        sequential[table].push(ms(t));
      }
    }
    console.log(
      `    one table alone (no period filter), median: ${TABLES.map((t) => `${t} ${quantile(sequential[t], 0.5).toFixed(0)} ms`).join(', ')}`,
    );
    console.log(
      `  warm loads (HTML + me + overview + 6 tables): median ${quantile(warm, 0.5).toFixed(0)} ms, p95 ${quantile(warm, 0.95).toFixed(0)} ms`,
    );
    console.log(`    median per table (in parallel): ${TABLES.map((t) => `${t} ${quantile(perTable[t], 0.5).toFixed(0)} ms`).join(', ')}`);

    // 4. In a real browser, where there is one.
    if (existsSync(CHROMIUM)) {
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({
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
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${base}/sign-in`);
      const tokens = {
        accessToken: session.accessToken,
        refreshToken: session.refreshToken,
        expiresAt: Date.now() + 3_600_000,
        principal: session.principal,
      };
      await page.evaluate(`window.sessionStorage.setItem('channel-ledger.session', ${JSON.stringify(JSON.stringify(tokens))})`);
      const browserLoads: number[] = [];
      const phases: Record<string, number>[] = [];
      for (let i = 0; i < Math.min(RUNS, 10) + 1; i++) {
        await page.goto(`${base}/dashboard`);
        await page.locator('body[data-loaded="true"]').waitFor({ timeout: 60_000 });
        // Milliseconds from the start of navigation, by the page's own clock.
        const marks = await page.evaluate<Record<string, number>>(`(() => {
          const nav = performance.getEntriesByType('navigation')[0];
          const marks = Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]));
          return { html: Math.round(nav.responseEnd), domContentLoaded: Math.round(nav.domContentLoadedEventEnd), ...marks };
        })()`);
        phases.push(marks);
        browserLoads.push(marks['figures-painted']);
      }
      const [first, ...rest] = browserLoads;
      console.log(
        `  chromium, navigation start to figures painted: first ${first} ms, then median ${quantile(rest, 0.5)} ms, p95 ${quantile(rest, 0.95)} ms`,
      );
      const median = (key: string) =>
        quantile(
          phases.slice(1).map((p) => p[key]),
          0.5,
        );
      console.log(
        `    median phases: HTML ${median('html')} ms, DOMContentLoaded ${median('domContentLoaded')} ms, figures requested ${median('figures-requested')} ms, received ${median('figures-received')} ms, charts drawn ${median('charts-rendered')} ms, tables built ${median('figures-rendered')} ms, painted ${median('figures-painted')} ms`,
      );
      await browser.close();
    } else {
      console.log(`  chromium: not measured (no browser at ${CHROMIUM})`);
    }
    await app.close();
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
