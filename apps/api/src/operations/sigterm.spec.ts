import { embeddedChildEnv } from '@channel-ledger/application/testing/child-process-env';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openSqliteEventStore } from '@channel-ledger/event-store';
import { checkpointName, mailOutboxProjection, readModelProjections } from '@channel-ledger/projections';
import { openSqliteReadStore } from '@channel-ledger/read-store';

const ROOT = resolve(__dirname, '../../../..');

interface Reply {
  status: number;
  body: string;
}

/** One request on a connection of its own; `body` may be sent in parts by the caller through `send`. */
function call(port: number, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: { ...headers, ...(body !== undefined && { 'Content-Length': String(Buffer.byteLength(body)) }) },
        agent: false,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => done({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The real API process (apps/api/src/main.ts, embedded SQLite file) gets SIGTERM while a command
 * is in flight: the command finishes and is answered, newcomers are turned away, the projections
 * commit everything that was appended, and the process exits cleanly. Its stdout is JSON lines
 * carrying the command and correlation ids, with no secret in them.
 */
describe('API process on SIGTERM', () => {
  jest.setTimeout(120_000);
  let dir: string;
  let child: ChildProcess | null = null;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'api-sigterm-'));
  });
  afterEach(() => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('finishes the in-flight command, commits the projections, exits 0, and logged JSON without secrets', async () => {
    const port = await freePort();
    const dataFile = join(dir, 'ledger.sqlite');
    const mailbox = join(dir, 'mailbox');
    const env = embeddedChildEnv({
      TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
      CHANNEL_LEDGER_SQLITE_PATH: dataFile,
      CHANNEL_LEDGER_MAILBOX: mailbox,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      CHANNEL_LEDGER_SHUTDOWN_TIMEOUT_MS: '30000',
    });
    const started = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(ROOT, 'apps/api/src/main.ts')],
      {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child = started;
    let stdout = '';
    let stderr = '';
    started.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    started.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
      started.on('exit', (code, signal) => done({ code, signal })),
    );

    await until('the API to answer /health', async () => ((await call(port, 'GET', '/health')).status === 200 ? true : null));

    // A first registration, to learn what a mailed token looks like (it must never be logged).
    const first = await call(
      port,
      'POST',
      '/resellers',
      { 'Content-Type': 'application/json' },
      JSON.stringify({ companyName: 'Early Resale', email: 'early@resale.example', partnerKind: 'reseller' }),
    );
    expect(first.status).toBe(201);
    const mailedToken = await until('the verification mail', async () => {
      const files = (() => {
        try {
          return readdirSync(mailbox).filter((f) => f.endsWith('.eml'));
        } catch {
          return [];
        }
      })();
      if (files.length === 0) return null;
      return /"token":"([^"]+)"/.exec(readFileSync(join(mailbox, files[0]), 'utf8'))?.[1] ?? null;
    });
    await call(port, 'GET', '/resellers/r-1?token=s3cr3t-query-value', { Cookie: 'session=secret-cookie-value' });

    // The in-flight command: headers and half its body now, the rest after SIGTERM.
    const body = JSON.stringify({ companyName: 'Late Resale', email: 'late@resale.example', partnerKind: 'reseller' });
    const inFlight = new Promise<Reply>((done, fail) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/resellers',
          agent: false,
          headers: {
            'Content-Type': 'application/json',
            'Content-Length': String(Buffer.byteLength(body)),
            'X-Correlation-Id': 'sigterm-in-flight',
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => done({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', fail);
      req.write(body.slice(0, 20));
      setTimeout(() => {
        started.kill('SIGTERM');
        // While it drains, a newcomer is turned away (the in-flight command holds the drain open).
        setTimeout(() => {
          void until(
            'a 503 for a request made while draining',
            async () => {
              const reply = await call(port, 'GET', '/health/ready');
              return reply.status === 503 ? reply : null;
            },
            10_000,
          ).then((reply) => {
            newcomer = reply;
            req.end(body.slice(20));
          }, fail);
        }, 200);
      }, 500);
    });
    let newcomer: Reply | null = null;

    const answered = await inFlight;
    expect(answered.status).toBe(201);
    expect(newcomer).not.toBeNull();
    expect(JSON.parse(newcomer!.body)).toMatchObject({ status: 503, code: 'shutting-down' });
    const exit = await exited;
    expect(stderr).not.toMatch(/error/i); // warnings from the runtime are tolerated, errors are not
    expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);
    child = null;

    // Every event, the late command's included, is in the log and in every projection's checkpoint.
    const eventStore = await openSqliteEventStore({ path: dataFile });
    const readStore = await openSqliteReadStore({ path: dataFile });
    try {
      const head = (await eventStore.headPosition())!;
      const events = (await eventStore.readAll({ limit: 10_000 })).events;
      expect(events.some((e) => e.type === 'ResellerRegistered' && e.metadata.correlationId === 'sigterm-in-flight')).toBe(true);
      for (const projection of [...readModelProjections, mailOutboxProjection]) {
        const position = await readStore.getCheckpoint(checkpointName(projection.name, { version: projection.version, rebuild: 0 }));
        expect({ projection: projection.name, position }).toEqual({ projection: projection.name, position: head.toString() });
      }
    } finally {
      await readStore.close();
      await eventStore.close();
    }

    // Logs: JSON on every line; the command's line carries its ids; no secret anywhere.
    const lines = stdout.split('\n').filter((line) => line.trim() !== '');
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.length).toBeGreaterThan(3);
    const completed = records.find((r) => r.correlationId === 'sigterm-in-flight' && (r.req as { url?: string })?.url === '/resellers');
    expect(completed).toMatchObject({ level: 'info', commandId: expect.stringMatching(/^[0-9a-f-]{36}$/), res: { statusCode: 201 } });
    expect(records.some((r) => String(r.msg).includes('shutting down'))).toBe(true);
    for (const secret of [mailedToken, 's3cr3t-query-value', 'secret-cookie-value']) expect(stdout).not.toContain(secret);
    expect(stdout).toContain('token=[redacted]');
  });
});
