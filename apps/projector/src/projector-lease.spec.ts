import { embeddedChildEnv } from '@channel-ledger/application/testing/child-process-env';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runSeedScenario } from '@channel-ledger/application/testing/seed-scenario';
import { EventStore, openSqliteEventStore } from '@channel-ledger/event-store';
import { emailLookupKeyFrom, loadConfig, resolveSecrets } from '@channel-ledger/application';
import { checkpointName, ProjectionRunner, readModelProjections, useEmailLookupKey } from '@channel-ledger/projections';
import { LeaseStore, openSqliteLeaseStore, openSqliteReadStore, ReadStore } from '@channel-ledger/read-store';
import { PROJECTOR_LEASE } from './lease';

const ROOT = resolve(__dirname, '../../..');
const STORIES = 150; // the seed scenario told 150 times: about 2,700 events
const LEASE_TTL_MS = 1_500;

interface Projector {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startProjector(dataFile: string): Projector {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(__dirname, 'main.ts')],
    {
      cwd: ROOT,
      env: embeddedChildEnv({
        TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
        CHANNEL_LEDGER_SQLITE_PATH: dataFile,
        CHANNEL_LEDGER_PROJECTOR_LEASE_TTL_MS: String(LEASE_TTL_MS),
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, output: () => output, exited: new Promise((done) => child.on('exit', (code, signal) => done({ code, signal }))) };
}

async function checkpoints(readStore: ReadStore): Promise<bigint[]> {
  return Promise.all(
    readModelProjections.map(async (p) =>
      BigInt((await readStore.getCheckpoint(checkpointName(p.name, { version: p.version, rebuild: 0 }))) ?? '0'),
    ),
  );
}

async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

/**
 * Two real projector processes (apps/projector, the embedded SQLite file) start side by side: the
 * lease in the read store lets exactly one of them run the projections while the other stands by.
 * The active one is killed with SIGKILL (no release); the standby takes over once the lease has
 * lapsed, finishes the read models, and they equal, collection by collection, a clean build.
 */
describe('two projectors, one lease', () => {
  jest.setTimeout(180_000);
  let dir: string;
  let dataFile: string;
  let eventStore: EventStore;
  let readStore: ReadStore;
  let leases: LeaseStore;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'projector-lease-'));
    dataFile = join(dir, 'ledger.sqlite');
    eventStore = await openSqliteEventStore({ path: dataFile, synchronous: 'NORMAL' });
    for (let story = 1; story <= STORIES; story++) await runSeedScenario(eventStore, String(story));
    readStore = await openSqliteReadStore({ path: dataFile });
    leases = await openSqliteLeaseStore({ path: dataFile });
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await leases.close();
    await readStore.close();
    await eventStore.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps one active; when it is killed the other takes over after the TTL and ends where a clean rebuild does', async () => {
    const both = [startProjector(dataFile), startProjector(dataFile)];
    children.push(...both.map((p) => p.child));
    const byPid = (pid: number | undefined) => both.find((p) => p.child.pid === pid)!;
    const holderPid = (holder: string) => Number(holder.split(':')[1]);

    // One acquires the lease and starts; the other sees it held and stands by.
    const first = await until('a projector to hold the lease', async () => (await leases.current(PROJECTOR_LEASE)) ?? null, 60_000).catch(
      (error: unknown) => {
        throw new Error(`${String(error)}\n${both.map((p) => p.output()).join('\n---\n')}`);
      },
    );
    const active = byPid(holderPid(first.holder));
    const standby = both.find((p) => p !== active)!;
    await until('the other to stand by', async () => (/standby: lease "projector" is held by/.test(standby.output()) ? true : null));
    await until('a first committed batch', async () => ((await checkpoints(readStore)).some((p) => p > 0n) ? true : null));
    expect(active.output()).toMatch(/acquired lease "projector"/);
    expect(standby.output()).not.toMatch(/acquired lease|running \d+ projection/);

    active.child.kill('SIGKILL');
    expect((await active.exited).signal).toBe('SIGKILL');
    const afterKill = await checkpoints(readStore);
    const lapse = (await leases.current(PROJECTOR_LEASE))!;
    expect(holderPid(lapse.holder)).toBe(active.child.pid); // SIGKILL released nothing: it has to lapse
    // More events while nobody projects: the one taking over must catch up on them too.
    for (let story = STORIES + 1; story <= STORIES + 10; story++) await runSeedScenario(eventStore, String(story));

    const takenOver = await until('the standby to take the lease over', async () => {
      const lease = await leases.current(PROJECTOR_LEASE);
      return lease && holderPid(lease.holder) === standby.child.pid ? lease : null;
    });
    expect(takenOver.expiresAt - LEASE_TTL_MS).toBeGreaterThanOrEqual(lapse.expiresAt); // not before the lease lapsed
    await until('every projection to reach the head', async () => {
      const head = (await eventStore.headPosition())!;
      return (await checkpoints(readStore)).every((p) => p === head) ? true : null;
    });
    expect((await checkpoints(readStore)).every((p, i) => p >= afterKill[i])).toBe(true);
    expect(standby.output()).toMatch(/acquired lease "projector"[\s\S]*running \d+ projection/);

    standby.child.kill('SIGTERM');
    expect(await standby.exited).toEqual({ code: 0, signal: null });
    expect(standby.output()).toMatch(/released lease "projector"/);
    expect(await leases.current(PROJECTOR_LEASE)).toBeNull();

    // The projectors keyed e-mail lookups with the key derived from the secret they generated beside the file; so does the clean build.
    useEmailLookupKey(emailLookupKeyFrom(resolveSecrets(loadConfig({ CHANNEL_LEDGER_SQLITE_PATH: dataFile }))));
    const clean = await openSqliteReadStore({ path: join(dir, 'clean.sqlite') });
    const runner = new ProjectionRunner({ eventStore, readStore: clean, projections: [...readModelProjections] });
    await runner.start();
    await runner.waitUntilCaughtUp();
    await runner.stop();
    for (const projection of readModelProjections) {
      for (const { name } of projection.collections) {
        expect({ name, digest: await readStore.digest(name) }).toEqual({ name, digest: await clean.digest(name) });
      }
    }
    expect(await readStore.count('audit_entries')).toBe(await clean.count('audit_entries'));
    await clean.close();
  });
});
