import request from 'supertest';
import { runSeedScenario } from '@channel-ledger/application/testing/seed-scenario';
import { EventStore } from '@channel-ledger/event-store';
import { signIn, TestSession } from '../../test/sign-in';
import { startTestApp, TEST_STAFF, TestApp } from '../../test/test-app';
import { EVENT_STORE } from '../infrastructure/infrastructure.module';
import { DASHBOARD_TABLES } from '../read-models/reporting/dashboard/dashboard-tables';
import { ChannelHistory, generateChannelHistory } from './testing/channel-history';
import { canonicalRows, LedgerFigures, LedgerFilter, readWholeLog } from './testing/ledger-figures';
import { settleLedger, StoppedClock } from './testing/settled-ledger';

/**
 * The dashboard's figures against the ledger itself: a generated history (the seed story told
 * twice, plus a seeded channel history of two vendors, five resellers, three currencies and 13
 * months) is folded straight from the event log (readAll) by an independent implementation, and
 * every table the page shows is compared with the reporting read model's answer over HTTP, for
 * vendor administrators (with each filter) and for each reseller (its own figures only). CSV
 * downloads must parse back to the JSON rows, and the page must be served with its assets.
 */

const NOW = '2026-07-01T00:00:00.000Z';
const VENDORS = ['vendor-north', 'vendor-south'];
const ADMIN = (vendorId: string) => `admin@${vendorId}.test`;
type Row = Record<string, string | number | null>;

/** RFC 4180 with CRLF, as the API writes it: quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || record.length > 0) throw new Error('CSV does not end with CRLF');
  return records;
}

/** CSV back into JSON rows, by the table's column types: counts are numbers, an empty cell is null. */
function csvRows(text: string, columns: { key: string; type: string }[]): Row[] {
  const [header, ...records] = parseCsv(text);
  expect(header).toEqual(columns.map((c) => c.key));
  return records.map((record) =>
    Object.fromEntries(
      columns.map((column, i) => {
        const cell = record[i];
        if (cell === '') return [column.key, null];
        return [column.key, column.type === 'count' ? Number(cell) : cell];
      }),
    ),
  );
}

describe('reporting dashboard: the figures agree with the ledger', () => {
  let t: TestApp;
  let store: EventStore;
  let ledger: LedgerFigures;
  let history: ChannelHistory;
  const admins: Record<string, TestSession> = {};
  const resellers: Record<string, TestSession> = {};
  const now = new Date(NOW);

  const get = (path: string, session: { auth: Record<string, string> }) => request(t.http).get(path).set(session.auth);
  const vendorTable = async (vendorId: string, table: string, filter: Record<string, string> = {}) =>
    (await get(`/reports/vendors/${vendorId}/dashboard/${table}`, admins[vendorId]).query(filter).expect(200)).body;

  beforeAll(async () => {
    const staff = [
      `support:${TEST_STAFF.support}`,
      ...VENDORS.map((vendorId) => `vendor-admin:${vendorId}:${ADMIN(vendorId)}`),
      'vendor-admin:gitkraken-alpha:admin@alpha-vendor.test',
    ].join(',');
    t = await startTestApp({
      env: { CHANNEL_LEDGER_STAFF: staff, CHANNEL_LEDGER_RATE_LIMIT_PUBLIC: '100000', CHANNEL_LEDGER_RATE_LIMIT_SIGNED_IN: '100000' },
    });
    // Nothing falls due while the history is written; then the time-driven processes take what
    // fell due until ten days before NOW and stop, so the last days' lapses are unrecorded
    // (judged at read time) and the log holds still while it is compared.
    const clock = new StoppedClock(t.app, '2025-01-01T00:00:00.000Z');
    store = t.app.get<EventStore>(EVENT_STORE);
    await runSeedScenario(store, 'alpha');
    await runSeedScenario(store, 'bravo');
    history = await generateChannelHistory(store, {
      tag: 'dash',
      seed: 20260701,
      vendors: VENDORS,
      resellers: 5,
      start: '2025-06-01T00:00:00.000Z',
      months: 13,
      purchasesPerMonth: 6,
      until: NOW,
      lateOffers: 8,
    });
    clock.setTo(new Date(Date.parse(NOW) - 10 * 86_400_000).toISOString());
    await settleLedger(t.app);
    clock.setTo(NOW);
    await settleLedger(t.app);
    ledger = new LedgerFigures(await readWholeLog(store));
    for (const vendorId of VENDORS) admins[vendorId] = await signIn(t, ADMIN(vendorId), { role: 'vendor-admin' });
    for (const r of history.resellers) resellers[r.resellerId] = await signIn(t, r.email, { role: 'reseller' });
  }, 180_000);
  afterAll(() => t?.close());

  it('generated a history with every kind of figure in it', () => {
    const all = VENDORS.flatMap((vendorId) => DASHBOARD_TABLES.flatMap((table) => ledger.table(table, { kind: 'vendor', vendorId }, now)));
    const sum = (key: string) => all.reduce((total, row) => total + (typeof row[key] === 'number' ? (row[key] as number) : 0), 0);
    expect(new Set(all.map((r) => r.currency).filter(Boolean))).toEqual(new Set(['USD', 'EUR', 'JPY']));
    for (const key of [
      'seatsNew',
      'seatsAdded',
      'seatsRenewed',
      'pending',
      'accepted',
      'lapsed',
      'cancelled',
      'used',
      'blockedUnused',
      'expiredUnused',
    ]) {
      expect([key, sum(key)]).toEqual([key, expect.any(Number)]);
      expect(sum(key)).toBeGreaterThan(0);
    }
    expect(all.some((r) => r.resellerId === null && 'newRevenue' in r)).toBe(true); // a direct sale (rule 11)
    expect(all.some((r) => r.withinDays === 30 && (r.subscriptions as number) > 0)).toBe(true);
    // A lapse no sweep recorded: only the read-time judgement counts it.
    const unrecorded = [...ledger.transfers.values()].filter((x) => x.outcome === null && Date.parse(x.expiresAt) <= now.getTime());
    expect(unrecorded.length).toBeGreaterThan(0);
    // And lapses and ended terms the time-driven processes recorded before they stopped.
    expect([...ledger.subscriptions.values()].some((x) => x.status === 'expired')).toBe(true);
    expect([...ledger.transfers.values()].some((x) => x.outcome?.kind === 'lapsed')).toBe(true);
    expect(history.steps).toBeGreaterThan(400);
    expect(history.refused).toBeLessThan(history.steps / 20);
  });

  it('answers every table of a vendor administrator exactly as the event log computes it, with each filter', async () => {
    for (const vendorId of VENDORS) {
      const partners = history.resellers.filter((r) => r.vendors.includes(vendorId));
      const filters: LedgerFilter[] = [
        {},
        { fromMonth: '2025-09', toMonth: '2026-03' },
        { currency: 'EUR' },
        { resellerId: partners[0].resellerId },
        { resellerId: null },
        { resellerId: partners[partners.length - 1].resellerId, currency: 'USD', fromMonth: '2026-01' },
      ];
      for (const filter of filters) {
        const query: Record<string, string> = {};
        for (const [key, value] of Object.entries(filter)) query[key] = value === null ? 'direct' : String(value);
        for (const table of DASHBOARD_TABLES) {
          const body = await vendorTable(vendorId, table, query);
          expect(body).toMatchObject({ table, scope: { kind: 'vendor', vendorId }, asOf: NOW });
          const expected = canonicalRows(ledger.table(table, { kind: 'vendor', vendorId }, now, filter));
          expect({ vendorId, table, filter, rows: canonicalRows(body.rows) }).toEqual({ vendorId, table, filter, rows: expected });
          for (const row of body.rows) expect(Object.keys(row)).toEqual(body.columns.map((c: { key: string }) => c.key));
          if (Object.keys(filter).length === 0) expect([table, body.rows.length > 0]).toEqual([table, true]);
        }
      }
    }
  }, 120_000);

  it("agrees with the ledger for the seed story's vendor too", async () => {
    const admin = await signIn(t, 'admin@alpha-vendor.test', { role: 'vendor-admin' });
    for (const table of DASHBOARD_TABLES) {
      const body = (await get(`/reports/vendors/gitkraken-alpha/dashboard/${table}`, admin).expect(200)).body;
      expect(canonicalRows(body.rows)).toEqual(
        canonicalRows(ledger.table(table, { kind: 'vendor', vendorId: 'gitkraken-alpha' }, new Date(body.asOf))),
      );
    }
    const revenue = (await get('/reports/vendors/gitkraken-alpha/dashboard/revenue', admin).expect(200)).body.rows;
    // 10 seats × 96.00 in January; 5 seats added in June, prorated.
    expect(revenue.map((r: Row) => [r.month, r.resellerName, r.newRevenue, r.expansionRevenue])).toEqual([
      ['2026-01', 'Acme Resale', '960.00', '0.00'],
      ['2026-06', 'Acme Resale', '0.00', expect.stringMatching(/^\d+\.\d{2}$/)],
    ]);
  });

  it('never adds money of two currencies: each amount row names one currency', async () => {
    for (const table of ['revenue', 'active-subscriptions', 'renewals-due']) {
      const body = await vendorTable('vendor-north', table);
      const amounts = body.columns.filter((c: { type: string }) => c.type === 'amount').map((c: { key: string }) => c.key);
      expect(amounts.length).toBeGreaterThan(0);
      for (const row of body.rows) {
        expect(['USD', 'EUR', 'JPY']).toContain(row.currency);
        for (const key of amounts) expect(row[key]).toMatch(row.currency === 'JPY' ? /^-?\d+$/ : /^-?\d+\.\d{2}$/);
      }
    }
  });

  it("shows a reseller its own figures, across its vendors, and another reseller's dashboard as missing", async () => {
    for (const reseller of history.resellers) {
      const session = resellers[reseller.resellerId];
      const others = history.resellers.filter((r) => r.resellerId !== reseller.resellerId);
      for (const table of DASHBOARD_TABLES) {
        const body = (
          await get(`/reports/resellers/${reseller.resellerId}/dashboard/${table}`, session).query({ fromMonth: '2025-06' }).expect(200)
        ).body;
        const expected = ledger.table(table, { kind: 'reseller', resellerId: reseller.resellerId }, new Date(body.asOf), {
          fromMonth: '2025-06',
        });
        expect(canonicalRows(body.rows)).toEqual(canonicalRows(expected));
        expect(new Set(body.rows.map((r: Row) => r.resellerId))).toEqual(body.rows.length ? new Set([reseller.resellerId]) : new Set());
        const text = JSON.stringify(body);
        for (const other of others) expect(text).not.toContain(other.companyName);
        // Another reseller's dashboard is answered like a missing one; a vendor's is not for resellers.
        const other = others[0];
        const refused = await get(`/reports/resellers/${other.resellerId}/dashboard/${table}`, session).expect(404);
        expect(refused.body.code).toBe('reseller-not-found');
        expect(JSON.stringify(refused.body)).not.toContain(other.companyName);
        await get(`/reports/vendors/${reseller.vendors[0]}/dashboard/${table}`, session).expect(403);
      }
      const overview = (await get(`/reports/resellers/${reseller.resellerId}/dashboard`, session).expect(200)).body;
      expect(overview.partners.map((p: Row) => p.vendorId).sort()).toEqual([...reseller.vendors].sort());
      expect(overview.partners.every((p: Row) => p.resellerName === reseller.companyName)).toBe(true);
    }
  }, 120_000);

  it("shows a vendor administrator its own vendor only: another vendor's dashboard is missing", async () => {
    const refused = await get('/reports/vendors/vendor-south/dashboard/revenue', admins['vendor-north']).expect(404);
    expect(refused.body.code).toBe('vendor-not-found');
    await get('/reports/vendors/vendor-south/dashboard', admins['vendor-north']).expect(404);
    const overview = (await get('/reports/vendors/vendor-north/dashboard', admins['vendor-north']).expect(200)).body;
    const expected = history.resellers.filter((r) => r.vendors.includes('vendor-north')).map((r) => r.companyName);
    expect(
      overview.partners
        .filter((p: Row) => p.resellerId !== null)
        .map((p: Row) => p.resellerName)
        .sort(),
    ).toEqual(expected.sort());
    expect(overview.currencies).toEqual(['EUR', 'JPY', 'USD']);
    const months = ledger.sales
      .filter((x) => x.vendorId === 'vendor-north')
      .map((x) => x.month)
      .sort();
    expect(overview.months).toEqual({ first: months[0], last: months[months.length - 1] });
    expect(overview.tables.map((x: Row) => x.name)).toEqual([...DASHBOARD_TABLES]);
  });

  it('gives CSV downloads that parse back to the JSON figures', async () => {
    const reseller = history.resellers[2];
    const cases: [string, TestSession, Record<string, string>][] = [
      ['/reports/vendors/vendor-north/dashboard', admins['vendor-north'], {}],
      ['/reports/vendors/vendor-south/dashboard', admins['vendor-south'], { fromMonth: '2026-01', currency: 'USD' }],
      [`/reports/resellers/${reseller.resellerId}/dashboard`, resellers[reseller.resellerId], { toMonth: '2026-06' }],
    ];
    for (const [base, session, filter] of cases) {
      for (const table of DASHBOARD_TABLES) {
        const json = (await get(`${base}/${table}`, session).query(filter).expect(200)).body;
        const csv = await get(`${base}/${table}`, session)
          .query({ ...filter, format: 'csv' })
          .expect(200);
        expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
        expect(csv.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="${table}-[A-Za-z0-9._-]+\\.csv"$`));
        expect(csvRows(csv.text, json.columns)).toEqual(json.rows);
      }
    }
  });

  it('lets a BI tool read the same figures with a read-only API key, and nothing else', async () => {
    const created = await request(t.http)
      .post('/api-keys')
      .set(admins['vendor-north'].auth)
      .send({ name: 'Metabase', readOnly: true })
      .expect(201);
    const key = { auth: { Authorization: `ApiKey ${created.body.apiKey}` } };
    for (const table of DASHBOARD_TABLES) {
      const withKey = (await get(`/reports/vendors/vendor-north/dashboard/${table}`, key).query({ format: 'csv' }).expect(200)).text;
      const withSession = (
        await get(`/reports/vendors/vendor-north/dashboard/${table}`, admins['vendor-north']).query({ format: 'csv' }).expect(200)
      ).text;
      expect(withKey).toBe(withSession);
    }
    await get('/reports/vendors/vendor-south/dashboard/revenue', key).expect(404);
    await request(t.http).post('/api-keys').set(key.auth).send({ name: 'more' }).expect(403);
    await request(t.http).get('/reports/vendors/vendor-north/dashboard/revenue').expect(401);
  });

  it('refuses malformed filters with a 400 naming the field', async () => {
    const admin = admins['vendor-north'];
    const cases: [Record<string, string>, string][] = [
      [{ fromMonth: '2026-13' }, 'fromMonth'],
      [{ fromMonth: '2026-05', toMonth: '2026-04' }, 'toMonth'],
      [{ currency: 'usd' }, 'currency'],
      [{ format: 'xlsx' }, 'format'],
      [{ cursor: 'x' }, 'cursor'],
    ];
    for (const [query, field] of cases) {
      const response = await get('/reports/vendors/vendor-north/dashboard/revenue', admin).query(query).expect(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const reseller = history.resellers[0];
    const response = await get(`/reports/resellers/${reseller.resellerId}/dashboard/revenue`, resellers[reseller.resellerId])
      .query({ resellerId: 'x' })
      .expect(400);
    expect(response.body.code).toBe('invalid-input');
  });
});

describe('reporting dashboard: the page', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('serves /dashboard as a public HTML shell with labelled charts and tables, scripts from its own files only', async () => {
    const page = await request(t.http).get('/dashboard').expect(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    const policy = page.headers['content-security-policy'];
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("style-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|https?:|upgrade-insecure-requests/);
    const html = page.text;
    expect(html).toMatch(/<html lang="en">/);
    // No inline script, style or event handler: everything is in files the policy allows.
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    // A sign-in form; then for each table a labelled chart, a captioned table and a CSV button.
    expect(html).toMatch(/<form id="sign-in-form"[\s\S]*<label for="sign-in-email">[\s\S]*<input id="sign-in-email"/);
    for (const table of DASHBOARD_TABLES) {
      const canvas = new RegExp(`<canvas id="chart-${table}" role="img" aria-label="[^"]{20,}" aria-describedby="caption-${table}">`);
      expect([table, canvas.test(html)]).toEqual([table, true]);
      expect(html).toContain(`<table id="table-${table}"><caption id="caption-${table}">`);
      expect(html).toContain(`<button type="button" class="csv" data-table="${table}">`);
    }
    for (const id of ['filter-from', 'filter-to', 'filter-reseller', 'filter-currency']) expect(html).toContain(`<label for="${id}">`);
  });

  it('serves every script and stylesheet the pages name, with content types and lasting cache', async () => {
    for (const path of ['/dashboard', '/sign-in']) {
      const html = (await request(t.http).get(path).expect(200)).text;
      const assets = [...html.matchAll(/(?:src|href)="(\/dashboard\/assets\/[^"]+)"/g)].map((m) => m[1]);
      expect(assets.length).toBeGreaterThanOrEqual(path === '/dashboard' ? 4 : 3);
      for (const asset of assets) {
        const response = await request(t.http).get(asset).expect(200);
        expect(response.headers['content-type']).toMatch(asset.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
        expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
        expect(response.headers['x-content-type-options']).toBe('nosniff');
        expect(Number(response.headers['content-length'])).toBeGreaterThan(500);
      }
      if (path === '/dashboard') expect(assets.some((a) => /\/chart\.umd\.min\.[0-9a-f]{12}\.js$/.test(a))).toBe(true);
    }
    const chart = (await request(t.http).get('/dashboard').expect(200)).text.match(
      /\/dashboard\/assets\/chart\.umd\.min\.[0-9a-f]+\.js/,
    )![0];
    expect((await request(t.http).get(chart)).text).toContain('Chart');
  });

  it('serves /sign-in, which redeems the mailed link from the fragment, under the same strict policy', async () => {
    const page = await request(t.http).get('/sign-in').expect(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.text).toContain('id="membership-form"');
    const script = page.text.match(/\/dashboard\/assets\/sign-in\.[0-9a-f]+\.js/)![0];
    const js = (await request(t.http).get(script).expect(200)).text;
    expect(js).toContain("'/auth/sessions'");
    expect(js).toContain('history.replaceState');
  });

  it('answers an unknown or malformed asset name with a problem, never a file from elsewhere', async () => {
    const missing = await request(t.http).get('/dashboard/assets/dashboard.000000000000.js').expect(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(missing.body.code).toBe('asset-not-found');
    await request(t.http).get('/dashboard/assets/..%2F..%2Fpackage.json').expect(400);
    await request(t.http).get('/dashboard?cursor=x').expect(400);
  });
});
