/**
 * Queries at scale (issue 11): "invoice owner at D, reseller view page, audit page: p50/p99",
 * bars "p99 < 2 ms in process" and "under 50 ms over HTTP during a rebuild". Run by the rebuild
 * section on its largest history, once every read model has been built from it.
 *
 * 1. In process: the read store opened as the API opens it (openReadStore), and the read helpers
 *    the API's query handlers call (invoiceOwnerAt, resellerSubscriptions, searchResellerCustomers,
 *    auditTrailOfSubscription), on subjects drawn at random (seeded) from the history: a
 *    subscription and an instant between its purchase and the end of the history; a reseller and
 *    one page of its subscriptions or customers at a random depth (the cursors collected by paging
 *    through first); the first page of a subscription's audit trail (the API's default of 100
 *    entries). The kinds take turns, so a noisy moment hits them alike. Baselines, in the same
 *    rounds: bare better-sqlite3 on the same file, a primary-key SELECT of a reseller subscription
 *    document and its JSON.parse (beside the single-subject reads), and as many as a page holds
 *    (a page drawn from the same pages) by a primary-key range (beside the pages).
 * 2. Over HTTP during a rebuild: the API as `npm start` runs it (apps/api/src/main.ts through
 *    ts-node transpile-only, in a child process, embedded store, projections and processes in that
 *    process) on one file holding copies of the history and the built read models (the embedded
 *    configuration keeps both in CHANNEL_LEDGER_SQLITE_PATH). Once the projections it runs beside
 *    the read models (mail outbox, process schedule) have caught up, the three routes (invoice
 *    owner, a reseller's subscriptions, a subscription's audit trail) are asked one request at a
 *    time on one keep-alive connection, first idle (the baseline), then while every read model is
 *    rebuilt through the operator route (POST /projections/:name/rebuild), until the rebuilds
 *    switch or a time cap (BENCH_QUERIES_REBUILD_SECONDS, default 120 / 20 with --quick).
 *    Meanwhile the time-driven processes take what fell due between the history's end and today's
 *    clock (renewals, lapsed offers: about a fifth of the history again, at a hundred-odd events
 *    a second, so far too long to wait for at 1M); their rate is printed for both phases.
 *    BENCH_QUERIES_SETTLE_SECONDS=<n> waits up to n s for them to finish first.
 *    Staff sign in with a link (POST /auth/sign-in-links, /auth/sessions); as in
 *    bench/dashboard.bench.ts the link's credential is derived from the secret the bench gave the
 *    API, from its SignInLinkIssued event, since the mail would queue behind the history's own.
 *    The history's mails (invoices, ownership offers, lapses: about two events in five ask for
 *    one) went out as it happened in a real ledger; here SMTP_URL points at a closed port, so the
 *    sender does not spend the measurement writing them: the oldest hundred fail and back off,
 *    and the rest wait behind them.
 *
 * BENCH_SKIP=queries-http skips part 2; BENCH_QUERY_ROUNDS overrides the in-process rounds;
 * BENCH_QUERIES_API_NODE_ARGS adds node flags to the API process (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`).
 */
import Database from 'better-sqlite3';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { mailedTokenPurpose, openReadStore, Secrets } from '@channel-ledger/application';
import { embeddedChildEnv } from '@channel-ledger/application/testing/child-process-env';
import {
  auditTrailOfSubscription,
  invoiceOwnerAt,
  ProjectionStatus,
  readModelProjections,
  RESELLER_SUBSCRIPTIONS,
  resellerSubscriptions,
  searchResellerCustomers,
} from '@channel-ledger/projections';
import { fmt, quantile, report } from './report';

export interface QueriesSectionOptions {
  eventsPath: string;
  readPath: string;
  events: number;
  quick: boolean;
  dir: string;
}

const ROOT = resolve(__dirname, '..');
const TS_NODE = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'];
const SEED = 11;
const OPERATOR = 'operator@bench.example';
const SUPPORT = 'support@bench.example';
const IN_PROCESS_BAR_MS = 2;
const HTTP_BAR_MS = 50;

export async function runQueriesSection(options: QueriesSectionOptions): Promise<void> {
  const skip = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
  const subjects = drawableSubjects(options.eventsPath);
  await inProcess(options, subjects);
  if (!skip.has('queries-http')) await overHttp(options, subjects);
}

// ---------------------------------------------------------------------------------------------
// What the queries ask about: every subscription (with its purchase instant) and every reseller.

interface Subjects {
  subscriptions: Array<{ id: string; from: number }>;
  resellers: string[];
  /** Business time of the last event: the end of the history. */
  until: number;
}

function drawableSubjects(eventsPath: string): Subjects {
  const db = new Database(eventsPath, { readonly: true });
  try {
    const firsts = db
      .prepare(
        `SELECT stream_id, json_extract(metadata, '$.occurredAt') AS at FROM events
           WHERE revision = 0 AND (stream_id LIKE 'subscription-%' OR stream_id LIKE 'reseller-%') ORDER BY position`,
      )
      .all() as Array<{ stream_id: string; at: string }>;
    const last = db.prepare("SELECT json_extract(metadata, '$.occurredAt') AS at FROM events ORDER BY position DESC LIMIT 1").get() as {
      at: string;
    };
    const subscriptions = firsts
      .filter((row) => row.stream_id.startsWith('subscription-'))
      .map((row) => ({ id: row.stream_id.slice('subscription-'.length), from: Date.parse(row.at) }));
    const resellers = firsts.filter((row) => row.stream_id.startsWith('reseller-')).map((row) => row.stream_id.slice('reseller-'.length));
    if (subscriptions.length === 0 || resellers.length === 0) throw new Error(`no subscriptions or resellers in ${eventsPath}`);
    return { subscriptions, resellers, until: Date.parse(last.at) };
  } finally {
    db.close();
  }
}

/** mulberry32, seeded: the same subjects in every run over the same history. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function picker(subjects: Subjects, seed: number) {
  const rnd = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
  return {
    pick,
    /** A subscription and an instant between its purchase and the end of the history. */
    ownerQuestion: () => {
      const subscription = pick(subjects.subscriptions);
      const at = new Date(subscription.from + Math.floor(rnd() * Math.max(1, subjects.until - subscription.from))).toISOString();
      return { subscriptionId: subscription.id, at };
    },
  };
}

const ms = (from: number) => performance.now() - from;
const us = (milliseconds: number) => milliseconds * 1000;

// ---------------------------------------------------------------------------------------------
// 1. In process.

async function inProcess(options: QueriesSectionOptions, subjects: Subjects): Promise<void> {
  const rounds = Number(process.env.BENCH_QUERY_ROUNDS ?? (options.quick ? 2_000 : 10_000));
  console.log(
    `\n  queries in process over ${options.events.toLocaleString('en-US')} events (${subjects.subscriptions.length.toLocaleString('en-US')} subscriptions, ${subjects.resellers.length} resellers): ${rounds.toLocaleString('en-US')} rounds, each kind once per round`,
  );
  const readStore = await openReadStore({ readStore: { kind: 'sqlite', path: options.readPath } });
  const bare = new Database(options.readPath, { readonly: true });
  try {
    const alias = bare.prepare('SELECT physical FROM read_store_aliases WHERE logical = ?').get(RESELLER_SUBSCRIPTIONS) as
      { physical: string } | undefined;
    if (!alias) throw new Error(`no alias for ${RESELLER_SUBSCRIPTIONS} in ${options.readPath}`);
    const byId = bare.prepare(`SELECT body FROM "read_store_doc_${alias.physical}" WHERE id = ?`);
    const fromId = bare.prepare(`SELECT body FROM "read_store_doc_${alias.physical}" WHERE id >= ? ORDER BY id LIMIT ?`);

    // Cursors of every page of every reseller's lists, so a sample can ask for any page.
    const started = performance.now();
    const subscriptionPages = await everyPage(subjects.resellers, (resellerId, cursor) =>
      resellerSubscriptions(readStore, resellerId, { cursor }),
    );
    const customerPages = await everyPage(subjects.resellers, (resellerId, cursor) =>
      searchResellerCustomers(readStore, resellerId, { cursor }),
    );
    console.log(
      `  (paged through every reseller's subscriptions and customers first: ${subscriptionPages.length} + ${customerPages.length} pages of up to 100 in ${(ms(started) / 1000).toFixed(1)} s)`,
    );

    const { pick, ownerQuestion } = picker(subjects, SEED);
    // Single-subject reads are set beside the bare single read, pages beside as many bare rows.
    const kinds: Array<{ key: string; label: string; page?: boolean; run: () => Promise<unknown> }> = [
      {
        key: 'bare',
        label: 'bare PK SELECT + JSON.parse',
        run: async () => {
          const row = byId.get(pick(subjects.subscriptions).id) as { body: string } | undefined;
          return row ? JSON.parse(row.body) : null;
        },
      },
      {
        key: 'bare-page',
        label: "bare PK range SELECT of a page's size + JSON.parse",
        run: async () => {
          const rows = fromId.all(pick(subjects.subscriptions).id, pick(subscriptionPages).size) as Array<{ body: string }>;
          return rows.map((row) => JSON.parse(row.body) as unknown);
        },
      },
      {
        key: 'owner',
        label: 'invoice owner at D',
        run: () => {
          const { subscriptionId, at } = ownerQuestion();
          return invoiceOwnerAt(readStore, subscriptionId, at);
        },
      },
      {
        key: 'subscriptions',
        label: "page of a reseller's subscriptions",
        page: true,
        run: () => {
          const page = pick(subscriptionPages);
          return resellerSubscriptions(readStore, page.resellerId, { cursor: page.cursor });
        },
      },
      {
        key: 'customers',
        label: "page of a reseller's customers",
        page: true,
        run: () => {
          const page = pick(customerPages);
          return searchResellerCustomers(readStore, page.resellerId, { cursor: page.cursor });
        },
      },
      {
        key: 'audit',
        label: "page of a subscription's audit trail",
        run: () => auditTrailOfSubscription(readStore, pick(subjects.subscriptions).id),
      },
    ];
    const samples = new Map(kinds.map((kind) => [kind.key, [] as number[]]));
    const warmUp = Math.min(500, Math.floor(rounds / 10));
    for (let round = -warmUp; round < rounds; round++) {
      for (let k = 0; k < kinds.length; k++) {
        const kind = kinds[(round + warmUp + k) % kinds.length];
        const at = performance.now();
        await kind.run();
        if (round >= 0) samples.get(kind.key)!.push(ms(at));
      }
    }

    const quantiles = (key: string) => {
      const values = samples.get(key)!;
      return { p50: us(quantile(values, 0.5)), p99: us(quantile(values, 0.99)) };
    };
    const single = quantiles('bare');
    const pageSized = quantiles('bare-page');
    report({ section: 'queries', label: 'baseline: bare PK SELECT + JSON.parse, p50', value: single.p50, unit: 'µs' });
    report({ section: 'queries', label: 'baseline: bare PK SELECT + JSON.parse, p99', value: single.p99, unit: 'µs' });
    report({ section: 'queries', label: 'baseline: bare rows of a page + JSON.parse, p50', value: pageSized.p50, unit: 'µs' });
    report({ section: 'queries', label: 'baseline: bare rows of a page + JSON.parse, p99', value: pageSized.p99, unit: 'µs' });
    for (const kind of kinds.filter((k) => !k.key.startsWith('bare'))) {
      const { p50, p99 } = quantiles(kind.key);
      const base = kind.page ? { name: 'bare rows', ...pageSized } : { name: 'bare', ...single };
      report({
        section: 'queries',
        label: `${kind.label}, p50`,
        value: p50,
        unit: 'µs',
        baseline: { label: `${base.name} p50`, value: base.p50 },
      });
      report({
        section: 'queries',
        label: `${kind.label}, p99`,
        value: p99,
        unit: 'µs',
        baseline: { label: `${base.name} p99`, value: base.p99 },
        bar: { text: `p99 < ${IN_PROCESS_BAR_MS} ms in process`, met: p99 < IN_PROCESS_BAR_MS * 1000 },
      });
    }
  } finally {
    bare.close();
    await readStore.close();
  }
}

async function everyPage(
  resellers: readonly string[],
  read: (resellerId: string, cursor: string | null) => Promise<{ items: unknown[]; nextCursor: string | null }>,
): Promise<Array<{ resellerId: string; cursor: string | null; size: number }>> {
  const pages: Array<{ resellerId: string; cursor: string | null; size: number }> = [];
  for (const resellerId of resellers) {
    let cursor: string | null = null;
    do {
      const page = await read(resellerId, cursor);
      pages.push({ resellerId, cursor, size: page.items.length });
      cursor = page.nextCursor;
    } while (cursor);
  }
  return pages;
}

// ---------------------------------------------------------------------------------------------
// 2. Over HTTP, idle and during a rebuild.

async function overHttp(options: QueriesSectionOptions, subjects: Subjects): Promise<void> {
  const cap = Number(process.env.BENCH_QUERIES_REBUILD_SECONDS ?? (options.quick ? 20 : 120));
  const idleRounds = options.quick ? 100 : 1_000;
  const settleSeconds = Number(process.env.BENCH_QUERIES_SETTLE_SECONDS ?? 0);
  console.log(
    `\n  queries over HTTP: the API process on copies of the history and the read models; idle, then while every read model is rebuilt (at most ${cap} s), one request at a time`,
  );
  const work = mkdtempSync(join(options.dir, 'queries-api-'));
  const dataFile = join(work, 'ledger.sqlite');
  let started = performance.now();
  mergeInto(dataFile, options.readPath, options.eventsPath);
  console.log(`  (one file for the API: read models and history copied in ${(ms(started) / 1000).toFixed(1)} s)`);

  const api = await startApi(work, dataFile);
  const client = new HttpClient(api.port);
  try {
    started = performance.now();
    await until('the API to answer /health', 600_000, async () => {
      if (api.exited()) throw new Error(`the API exited; its log:\n${api.logTail()}`);
      return (await client.call('GET', '/health').catch(() => null))?.status === 200 ? true : null;
    });
    console.log(`  (API up in ${(ms(started) / 1000).toFixed(1)} s)`);
    const operator = await signIn(client, dataFile, api.secret, OPERATOR);
    const support = await signIn(client, dataFile, api.secret, SUPPORT);

    started = performance.now();
    const caughtUp = await settle(client, operator, 3_600_000, 0);
    console.log(
      `  (the projections that run beside the read models, mail outbox and process schedule, caught up with ${caughtUp.head} events in ${(ms(started) / 1000).toFixed(1)} s)`,
    );
    if (settleSeconds > 0) {
      started = performance.now();
      const settled = await settle(client, operator, settleSeconds * 1000, 2_000).catch(() => null);
      console.log(
        settled
          ? `  (the processes took what fell due by today in ${(ms(started) / 1000).toFixed(1)} s; the log now holds ${settled.head} events)`
          : `  (the processes were still taking what fell due by today after ${settleSeconds} s; measuring anyway)`,
      );
    }

    const { pick, ownerQuestion } = picker(subjects, SEED + 1);
    const routes: Array<{ key: string; label: string; path: () => string }> = [
      {
        key: 'owner',
        label: 'HTTP invoice owner at D',
        path: () => {
          const { subscriptionId, at } = ownerQuestion();
          return `/audit/subscriptions/${encodeURIComponent(subscriptionId)}/invoice-owner?at=${encodeURIComponent(at)}`;
        },
      },
      {
        key: 'subscriptions',
        label: 'HTTP reseller subscriptions',
        path: () => `/resellers/${encodeURIComponent(pick(subjects.resellers))}/subscriptions`,
      },
      {
        key: 'audit',
        label: 'HTTP audit trail page',
        path: () => `/audit/subscriptions/${encodeURIComponent(pick(subjects.subscriptions).id)}/events`,
      },
    ];
    const failures: string[] = [];
    const ask = async (round: number, into: Map<string, number[]>) => {
      const route = routes[((round % routes.length) + routes.length) % routes.length];
      const path = route.path();
      const answer = await client.call('GET', path, support);
      if (answer.status !== 200) {
        if (failures.length < 5) failures.push(`${path}: ${answer.status} ${answer.body.slice(0, 200)}`);
        return;
      }
      into.get(route.key)!.push(answer.ms);
    };
    const fresh = () => new Map(routes.map((route) => [route.key, [] as number[]]));

    const idle = fresh();
    let head = await headOf(client, operator);
    started = performance.now();
    for (let round = -routes.length * 20; round < idleRounds * routes.length; round++) await ask(round, round < 0 ? fresh() : idle);

    const idleSeconds = ms(started) / 1000;
    const idleAppended = (await headOf(client, operator)) - head;
    head += idleAppended;

    const names = readModelProjections.map((projection) => projection.name);
    for (const name of names) {
      const answer = await client.call('POST', `/projections/${name}/rebuild`, operator);
      if (answer.status !== 202) throw new Error(`POST /projections/${name}/rebuild: ${answer.status} ${answer.body}`);
    }
    const rebuildStarted = performance.now();
    const during = fresh();
    let lastLook = performance.now();
    let rebuilding = await rebuildingNow(client, operator, names);
    let asked = 0;
    while (rebuilding.length > 0 && ms(rebuildStarted) < cap * 1000) {
      await ask(asked++, during);
      if (ms(lastLook) >= 500) {
        rebuilding = await rebuildingNow(client, operator, names);
        lastLook = performance.now();
      }
    }
    const seconds = ms(rebuildStarted) / 1000;
    const progress = rebuilding.length === 0 ? 'every rebuild switched' : `still rebuilding: ${rebuilding.join(', ')}`;
    const answered = [...during.values()].reduce((n, values) => n + values.length, 0);
    console.log(`  (${answered} requests answered during ${seconds.toFixed(1)} s of rebuild; ${progress})`);
    const rebuildAppended = (await headOf(client, operator)) - head;
    console.log(
      `  (the time-driven processes meanwhile, taking what fell due between the history's end and today: ${fmt(idleAppended / idleSeconds)} events/s appended during the idle rounds, ${fmt(rebuildAppended / seconds)} events/s during the rebuild)`,
    );
    if (failures.length > 0) console.log(`  (answers other than 200, not counted: ${failures.join('; ')})`);

    for (const route of routes) {
      const idleValues = idle.get(route.key)!;
      const values = during.get(route.key)!;
      if (values.length === 0) continue;
      report({
        section: 'queries-http',
        label: `${route.label}, p50 in rebuild`,
        value: quantile(values, 0.5),
        unit: 'ms',
        baseline: { label: 'idle p50', value: quantile(idleValues, 0.5) },
      });
      const p99 = quantile(values, 0.99);
      report({
        section: 'queries-http',
        label: `${route.label}, p99 in rebuild`,
        value: p99,
        unit: 'ms',
        baseline: { label: 'idle p99', value: quantile(idleValues, 0.99) },
        bar: { text: `< ${HTTP_BAR_MS} ms at p99 during a rebuild`, met: p99 < HTTP_BAR_MS },
      });
    }
  } finally {
    client.close();
    await api.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The embedded configuration keeps the log and the read models in one file: a copy of the built
 * read models with the history's tables (and their indexes) copied in beside them.
 */
function mergeInto(target: string, readPath: string, eventsPath: string): void {
  // Closing the last connection checkpoints the WAL into the file, so a file copy is whole.
  for (const path of [readPath, eventsPath]) new Database(path).close();
  copyFileSync(readPath, target);
  const db = new Database(target);
  try {
    db.pragma('synchronous = OFF');
    db.prepare('ATTACH DATABASE ? AS history').run(eventsPath);
    const objects = db
      .prepare("SELECT type, name, sql FROM history.sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'")
      .all() as Array<{ type: string; name: string; sql: string }>;
    db.transaction(() => {
      for (const table of objects.filter((o) => o.type === 'table')) {
        db.exec(table.sql);
        db.exec(`INSERT INTO main."${table.name}" SELECT * FROM history."${table.name}"`);
      }
      for (const other of objects.filter((o) => o.type !== 'table')) db.exec(other.sql);
    })();
    db.exec('DETACH DATABASE history');
  } finally {
    db.close();
  }
}

interface RunningApi {
  port: number;
  secret: string;
  exited(): boolean;
  logTail(): string;
  stop(): Promise<void>;
}

async function startApi(work: string, dataFile: string): Promise<RunningApi> {
  const port = await freePort();
  const closedPort = await freePort();
  const secret = randomBytes(32).toString('base64url');
  const logFile = join(work, 'api.log');
  const log = openSync(logFile, 'w');
  const env = embeddedChildEnv({
    TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
    CHANNEL_LEDGER_SQLITE_PATH: dataFile,
    CHANNEL_LEDGER_MAILBOX: join(work, 'mailbox'),
    CHANNEL_LEDGER_SECRET: secret,
    CHANNEL_LEDGER_STAFF: `operator:${OPERATOR},support:${SUPPORT}`,
    SMTP_URL: `smtp://127.0.0.1:${closedPort}`,
    PORT: String(port),
    HOST: '127.0.0.1',
    ACCESS_TOKEN_TTL_SECONDS: '86400',
    CHANNEL_LEDGER_SHUTDOWN_TIMEOUT_MS: '10000',
    // One client address asking thousands of times a minute: the limits are the bench's to lift.
    CHANNEL_LEDGER_RATE_LIMIT_PUBLIC: '1000000000',
    CHANNEL_LEDGER_RATE_LIMIT_SIGNED_IN: '1000000000',
  });
  const extra = (process.env.BENCH_QUERIES_API_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...extra, ...TS_NODE, join(ROOT, 'apps/api/src/main.ts')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  let gone = false;
  const exited = new Promise<void>((done) =>
    child.once('exit', () => {
      gone = true;
      done();
    }),
  );
  return {
    port,
    secret,
    exited: () => gone,
    logTail: () => readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n'),
    stop: async () => {
      if (gone) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

type Auth = Record<string, string>;

/**
 * A staff member signs in with a link over HTTP; the link's credential is derived from the
 * secret, exactly as the mail composer derives it from the SignInLinkIssued event.
 */
async function signIn(client: HttpClient, dataFile: string, secret: string, email: string): Promise<Auth> {
  const log = new Database(dataFile, { readonly: true });
  try {
    const head = (log.prepare('SELECT MAX(position) AS head FROM events').get() as { head: number }).head;
    const asked = await client.call('POST', '/auth/sign-in-links', {}, { email });
    if (asked.status !== 202) throw new Error(`POST /auth/sign-in-links: ${asked.status} ${asked.body}`);
    const issued = log
      .prepare(
        "SELECT json_extract(data, '$.linkId') AS linkId FROM events WHERE position > ? AND type = 'SignInLinkIssued' ORDER BY position",
      )
      .get(head) as { linkId: string } | undefined;
    if (!issued) throw new Error('no SignInLinkIssued after POST /auth/sign-in-links');
    const token = `${issued.linkId}.${new Secrets(secret).derive(mailedTokenPurpose.signInLink(issued.linkId))}`;
    const session = await client.call('POST', '/auth/sessions', {}, { token });
    if (session.status !== 201) throw new Error(`sign-in as ${email}: ${session.status} ${session.body}`);
    return { Authorization: `Bearer ${(JSON.parse(session.body) as { accessToken: string }).accessToken}` };
  } finally {
    log.close();
  }
}

interface StatusAnswer {
  projections: ProjectionStatus[];
  processes: Array<{ name: string; state: string; nextDueAt: string | null }>;
}

async function status(client: HttpClient, auth: Auth): Promise<StatusAnswer> {
  const answer = await client.call('GET', '/projections', auth);
  if (answer.status !== 200) throw new Error(`GET /projections: ${answer.status} ${answer.body}`);
  return JSON.parse(answer.body) as StatusAnswer;
}

/**
 * Every projection live (caught up with the log), and the head unchanged for `stillMs`: with 2 s,
 * the time-driven processes have taken everything due (each step appends, so the head moves).
 */
async function settle(client: HttpClient, auth: Auth, timeoutMs: number, stillMs: number): Promise<{ head: string }> {
  let head = '';
  let stillSince = performance.now();
  return until('the API to settle', timeoutMs, async () => {
    const now = await status(client, auth);
    const at = now.projections[0]?.headPosition ?? '';
    if (at !== head) {
      head = at;
      stillSince = performance.now();
    }
    const live = now.projections.every((p) => p.state === 'live' && (stillMs === 0 || p.lag === '0'));
    return live && ms(stillSince) >= stillMs ? { head } : null;
  });
}

async function headOf(client: HttpClient, auth: Auth): Promise<number> {
  return Number((await status(client, auth)).projections[0]?.headPosition ?? 0);
}

async function rebuildingNow(client: HttpClient, auth: Auth, names: readonly string[]): Promise<string[]> {
  const now = await status(client, auth);
  return now.projections.filter((p) => names.includes(p.name) && p.state === 'rebuilding').map((p) => p.name);
}

/** One keep-alive connection; each answer with the time from sending to its last byte. */
class HttpClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });

  constructor(private readonly port: number) {}

  call(method: string, path: string, headers: Auth = {}, body?: unknown): Promise<{ status: number; body: string; ms: number }> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((done, fail) => {
      const at = performance.now();
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: this.port,
          method,
          path,
          agent: this.agent,
          headers: { ...headers, ...(payload !== undefined && { 'Content-Type': 'application/json' }) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: ms(at) }));
          res.on('error', fail);
        },
      );
      req.on('error', fail);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | null>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${fmt(timeoutMs / 1000)} s waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 250));
  }
}
