import { embeddedChildEnv } from '@channel-ledger/application/testing/child-process-env';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runSeedScenario } from '@channel-ledger/application/testing/seed-scenario';
import { EventStore, openSqliteEventStore } from '@channel-ledger/event-store';
import { emailLookupKeyFrom, loadConfig, resolveSecrets } from '@channel-ledger/application';
import { checkpointName, ProjectionRunner, readModelProjections, useEmailLookupKey } from '@channel-ledger/projections';
import { openSqliteReadStore, ReadStore } from '@channel-ledger/read-store';

const ROOT = resolve(__dirname, '../../..');
const STORIES = 150; // the seed scenario told 150 times: about 2,700 events

function startProjector(dataFile: string): {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
} {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(__dirname, 'main.ts')],
    {
      cwd: ROOT,
      // A short lease: the restarted projector waits for the killed one's lease to lapse (./lease.ts).
      env: embeddedChildEnv({
        TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
        CHANNEL_LEDGER_SQLITE_PATH: dataFile,
        CHANNEL_LEDGER_PROJECTOR_LEASE_TTL_MS: '1500',
      }),
      stdio: 'ignore',
    },
  );
  return { child, exited: new Promise((done) => child.on('exit', (code, signal) => done({ code, signal }))) };
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
 * The real projector process (apps/projector, all four read models, the embedded SQLite file) is
 * killed with SIGKILL in the middle of catching up, restarted, and must end with read models
 * identical, collection by collection, to a clean build: nothing lost, nothing doubled.
 */
describe('projector killed mid-batch', () => {
  jest.setTimeout(180_000);
  let dir: string;
  let eventStore: EventStore;
  let readStore: ReadStore;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'projector-crash-'));
    eventStore = await openSqliteEventStore({ path: join(dir, 'ledger.sqlite'), synchronous: 'NORMAL' });
    for (let story = 1; story <= STORIES; story++) await runSeedScenario(eventStore, String(story));
    readStore = await openSqliteReadStore({ path: join(dir, 'ledger.sqlite') });
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await readStore.close();
    await eventStore.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restarts from its checkpoints and ends where a clean rebuild does', async () => {
    const head = (await eventStore.headPosition())!;
    const first = startProjector(join(dir, 'ledger.sqlite'));
    children.push(first.child);
    // Kill as soon as some projection has committed a batch but not all have reached the head.
    const atKill = await until('a first committed batch', async () => {
      const positions = await checkpoints(readStore);
      return positions.some((p) => p > 0n) ? positions : null;
    });
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    const afterKill = await checkpoints(readStore);
    expect(afterKill.some((p) => p < head)).toBe(true); // it really died before finishing
    expect(atKill.every((p, i) => afterKill[i] >= p)).toBe(true);

    const second = startProjector(join(dir, 'ledger.sqlite'));
    children.push(second.child);
    await until('every projection to reach the head', async () => ((await checkpoints(readStore)).every((p) => p === head) ? true : null));
    second.child.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });

    // The projector keyed e-mail lookups with the key derived from the secret it generated beside the file; so does the clean build.
    useEmailLookupKey(emailLookupKeyFrom(resolveSecrets(loadConfig({ CHANNEL_LEDGER_SQLITE_PATH: join(dir, 'ledger.sqlite') }))));
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
