/**
 * Commands over HTTP (issue 11): the API as `npm start` runs it — one process, the embedded
 * SQLite store at synchronous=FULL, the projections, the mail sender and the processes in that
 * process — in a child process of its own, loaded by autocannon from another child process (50
 * connections, after a warm-up). Every command row is beside the same app answering a trivial
 * route (GET /health) in the same run. Only 2xx answers count as commands: a 429, a 500 or a
 * socket error is counted and printed, never taken for throughput.
 *
 * The API runs from the sources through ts-node (transpile only: the same JavaScript tsc emits
 * for `npm start`, without a build into dist/ that other work in the tree could break). Its rate
 * limits are raised through its configuration (CHANNEL_LEDGER_RATE_LIMIT_*), since the bench is
 * one client address hammering one route. BENCH_HTTP_API_NODE_ARGS adds node flags to the API
 * process (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it under this load).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { embeddedChildEnv } from '@channel-ledger/application/testing/child-process-env';
import { readMailbox } from '../apps/api/test/mailbox';
import { fmt, report } from './report';

const ROOT = resolve(__dirname, '..');
const CONNECTIONS = 50;
const BAR = { rate: 2_000, p99Ms: 50 };
const BAR_TEXT = '>= 2,000 commands/s at p99 < 50 ms';
const OPERATOR = 'ops@bench-operator.example';
const TS_NODE = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'];

/** What the autocannon child is asked to do; `{n}` in the body becomes a number unique to the run. */
interface LoadSpec {
  url: string;
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  seconds: number;
}

/** What it answers: autocannon's figures, trimmed to those the bench prints. */
interface LoadResult {
  seconds: number;
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statuses: Record<string, number>;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export async function runHttpSection(options: { dir: string; quick: boolean }): Promise<void> {
  const seconds = options.quick ? 3 : 10;
  const warmUp = options.quick ? 1 : 3;
  console.log(
    `\n5. commands over HTTP: the API process (embedded store, FULL, projections in process) loaded by autocannon from another process, ${CONNECTIONS} connections, ${seconds} s per route after ${warmUp} s of warm-up`,
  );
  const api = await startApi(join(options.dir, 'http'));
  try {
    const apiKey = await signedInReseller(api);
    const operator = await signIn(api, OPERATOR, { role: 'operator' });
    const register = (tag: string): Omit<LoadSpec, 'connections' | 'seconds'> => ({
      url: api.url,
      method: 'POST',
      path: '/resellers',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ companyName: `Bench Resale ${tag}-{n}`, email: `r-${tag}-{n}@resale.example`, partnerKind: 'reseller' }),
    });
    const createOrganization = (tag: string): Omit<LoadSpec, 'connections' | 'seconds'> => ({
      url: api.url,
      method: 'POST',
      path: '/organizations',
      headers: { 'content-type': 'application/json', authorization: `ApiKey ${apiKey}` },
      body: JSON.stringify({
        vendorId: 'vendor-bench',
        name: `Customer ${tag}-{n}`,
        customerContactEmail: `c-${tag}-{n}@customer.example`,
      }),
    });
    const health = { url: api.url, method: 'GET' as const, path: '/health' };

    // Warm-up: the JIT, the connections, the first pages of every projection.
    await load({ ...health, connections: CONNECTIONS, seconds: warmUp });
    await load({ ...register('warm'), connections: CONNECTIONS, seconds: warmUp });
    await load({ ...createOrganization('warm'), connections: CONNECTIONS, seconds: warmUp });
    await caughtUp(api, operator);

    const baseline = await load({ ...health, connections: CONNECTIONS, seconds });
    const baselineRate = baseline.ok / baseline.seconds;
    report({ section: 'http', label: 'baseline: GET /health (trivial route)', value: baselineRate, unit: 'req/s' });
    report({ section: 'http', label: '  GET /health p50 / p99', value: baseline.p99, unit: `ms p99 (p50 ${fmt(baseline.p50)} ms)` });
    reportFailures('GET /health', baseline);

    for (const [label, spec] of [
      ['POST /resellers (public registration)', register('run')],
      ['POST /organizations (API key, signed in)', createOrganization('run')],
    ] as const) {
      const result = await load({ ...spec, connections: CONNECTIONS, seconds });
      const rate = result.ok / result.seconds;
      const clean = result.non2xx === 0 && result.errors === 0;
      report({
        section: 'http',
        label,
        value: rate,
        unit: '2xx/s',
        baseline: { label: 'GET /health', value: baselineRate },
        bar: { text: `${BAR_TEXT}, no non-2xx`, met: rate >= BAR.rate && result.p99 < BAR.p99Ms && clean },
      });
      report({
        section: 'http',
        label: '  latency p50 / p99',
        value: result.p99,
        unit: `ms p99 (p50 ${fmt(result.p50)} ms, max ${fmt(result.max)} ms)`,
        baseline: { label: 'GET /health p99', value: baseline.p99 },
      });
      reportFailures(label.split(' (')[0], result);
      // What the answers did not wait for: the read models and the mail, after the last answer.
      const lag = await caughtUp(api, operator);
      report({ section: 'http', label: '  read models caught up, after the run', value: lag.readModels, unit: 'ms' });
      report({ section: 'http', label: '  outbox mail all sent, after the run', value: lag.mail, unit: 'ms' });
    }
  } finally {
    await api.stop();
  }
}

function reportFailures(what: string, result: LoadResult): void {
  const statuses = Object.entries(result.statuses)
    .filter(([status]) => !status.startsWith('2'))
    .map(([status, count]) => `${status}: ${count}`)
    .join(', ');
  report({
    section: 'http',
    label: `  ${what}: non-2xx + socket errors`,
    // autocannon counts a timeout among the errors too.
    value: result.non2xx + result.errors,
    unit: `of ${result.requests.toLocaleString('en-US')}${statuses ? ` (${statuses})` : ''}${result.errors ? ` (${result.errors} socket errors, ${result.timeouts} of them timeouts)` : ''}`,
  });
}

// ---------------------------------------------------------------------------------------------
// The API process.

interface RunningApi {
  url: string;
  mailboxDir: string;
  stop(): Promise<void>;
}

async function startApi(dir: string): Promise<RunningApi> {
  const port = await freePort();
  const mailboxDir = join(dir, 'mailbox');
  const logFile = join(dir, 'api.log');
  mkdirSync(dir, { recursive: true });
  const log = openSync(logFile, 'w');
  const env = embeddedChildEnv({
    TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
    CHANNEL_LEDGER_SQLITE_PATH: join(dir, 'ledger.sqlite'),
    CHANNEL_LEDGER_MAILBOX: mailboxDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    // One client address on one public route, thousands of times a second: the limits are the bench's to lift.
    CHANNEL_LEDGER_RATE_LIMIT_PUBLIC: '1000000000',
    CHANNEL_LEDGER_RATE_LIMIT_SIGNED_IN: '1000000000',
    // Reads the mail outbox's counts (GET /mail/outbox), to wait for the mail a run caused.
    CHANNEL_LEDGER_STAFF: `operator:${OPERATOR}`,
  });
  const extra = (process.env.BENCH_HTTP_API_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...extra, ...TS_NODE, join(ROOT, 'apps/api/src/main.ts')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    }
  };
  try {
    await until('the API to be ready', 120_000, async () => {
      if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
      return (await fetch(`${url}/health/ready`)).status === 200 ? true : null;
    });
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}; its log:\n${tail(logFile)}`);
  }
  return { url, mailboxDir, stop };
}

/** A verified reseller with an API key (`clk_...`), made through the API as a person would. */
async function signedInReseller(api: RunningApi): Promise<string> {
  const email = 'owner@bench-resale.example';
  const registered = await call(api, 'POST', '/resellers', { companyName: 'Bench Resale', email, partnerKind: 'reseller' }, 201);
  const resellerId = String(registered.resellerId);
  const verification = await mailedToken(api, email, 'Verify', /"token":"([A-Za-z0-9_-]+)"/);
  await call(api, 'POST', `/resellers/${resellerId}/email-verification`, { token: verification }, 200);
  const session = await signIn(api, email, { role: 'reseller', tenantId: resellerId });
  const key = await call(api, 'POST', '/api-keys', { name: 'bench' }, 201, session);
  return String(key.apiKey);
}

/** Signs in by the mailed link, as a person would; the Authorization header of the session. */
async function signIn(api: RunningApi, email: string, choice: { role: string; tenantId?: string }): Promise<Record<string, string>> {
  await call(api, 'POST', '/auth/sign-in-links', { email }, 202);
  const link = await mailedToken(api, email, 'sign-in link', /"token":"([0-9a-f-]{36}\.[A-Za-z0-9_-]+)"/);
  const session = await call(api, 'POST', '/auth/sessions', { token: link, ...choice }, 201);
  return { authorization: `Bearer ${String(session.accessToken)}` };
}

async function mailedToken(api: RunningApi, to: string, subject: string, pattern: RegExp): Promise<string> {
  const seen = new Set<string>();
  return until(`a "${subject}" mail to ${to}`, 30_000, async () => {
    for (const mail of await readMailbox(api.mailboxDir)) {
      if (seen.has(mail.file) || mail.to !== to || !mail.subject.includes(subject)) continue;
      seen.add(mail.file);
      const token = pattern.exec(mail.text)?.[1];
      if (token) return token;
    }
    return null;
  });
}

async function call(
  api: RunningApi,
  method: string,
  path: string,
  body: unknown,
  expected: number,
  headers: Record<string, string> = {},
): Promise<Record<string, unknown>> {
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== expected) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/**
 * Waits until every projection has applied the whole log (GET /health/ready) and the mail outbox
 * has nothing pending (GET /mail/outbox, as the operator); returns how long each took, ms.
 */
async function caughtUp(api: RunningApi, operator: Record<string, string>): Promise<{ readModels: number; mail: number }> {
  const started = performance.now();
  let readModels: number | null = null;
  await until('the read models to catch up and the mail to go out', 300_000, async () => {
    if (readModels === null) {
      const ready = (await (await fetch(`${api.url}/health/ready`)).json()) as {
        details?: { projections?: { projections?: Array<{ lag: string }> } };
      };
      const projections = ready.details?.projections?.projections ?? [];
      if (projections.length === 0 || projections.some((p) => p.lag !== '0')) return null;
      readModels = performance.now() - started;
    }
    const outbox = (await (await fetch(`${api.url}/mail/outbox`, { headers: operator })).json()) as { pending?: number };
    return outbox.pending === 0 ? true : null;
  });
  return { readModels: readModels!, mail: performance.now() - started };
}

// ---------------------------------------------------------------------------------------------
// The load, from a process of its own.

function load(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((done, fail) => {
    const child: ChildProcess = spawn(process.execPath, [...TS_NODE, __filename, '--autocannon', JSON.stringify(spec)], {
      cwd: ROOT,
      env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('error', fail);
    child.on('exit', (code) => {
      if (code !== 0) return fail(new Error(`autocannon child exited with ${code}: ${out}`));
      done(JSON.parse(out.trim().split('\n').pop()!) as LoadResult);
    });
  });
}

/** In the autocannon child: runs the load and prints one JSON line. */
async function autocannonChild(spec: LoadSpec): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const autocannon = require('autocannon') as typeof import('autocannon');
  let n = 0;
  const tag = `${process.pid}${Date.now().toString(36)}`;
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.seconds,
    timeout: 10,
    requests: [
      {
        method: spec.method,
        path: spec.path,
        headers: spec.headers,
        ...(spec.body !== undefined && {
          setupRequest: (request) => ({ ...request, body: spec.body!.replaceAll('{n}', `${tag}-${++n}`) }),
        }),
      },
    ],
  });
  const statuses: Record<string, number> = {};
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = stats.count ?? 0;
  const answer: LoadResult = {
    seconds: result.duration,
    requests: result.requests.total,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
  };
  console.log(JSON.stringify(answer));
}

// ---------------------------------------------------------------------------------------------

function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | null>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let value: T | null = null;
    try {
      value = await probe();
    } catch (error) {
      if (error instanceof Error && /exited/.test(error.message)) throw error;
    }
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '(no log)';
  }
}

if (require.main === module && process.argv.includes('--autocannon')) {
  autocannonChild(JSON.parse(process.argv[process.argv.indexOf('--autocannon') + 1]) as LoadSpec).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
