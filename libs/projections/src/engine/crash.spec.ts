import { embeddedChildEnv } from '@channel-ledger/application/testing/child-process-env';
import { ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { ProjectionRunner } from './runner';
import { appendLedgerEvents, openStores, tempDir, waitFor } from '../testing/fixtures';
import { allEvents, ledgerMatchesModel } from '../testing/ledger-model';
import { counterProjection, LEDGER_COLLECTIONS, ledgerProjection } from '../testing/sample-projections';

const ROOT = resolve(__dirname, '../../../..');
const EVENTS = 4000;

function spawnChild(
  events: string,
  read: string,
  exitWhenCaughtUp: boolean,
): { child: ChildProcess; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> } {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(__dirname, '..', 'testing', 'crash-child.ts')],
    {
      cwd: ROOT,
      env: embeddedChildEnv({
        TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
        CRASH_CHILD_EVENTS: events,
        CRASH_CHILD_READ: read,
        CRASH_CHILD_BATCH_SIZE: '25',
        CRASH_CHILD_EXIT_WHEN_CAUGHT_UP: exitWhenCaughtUp ? '1' : '0',
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal, output })),
  );
  return { child, exited };
}

describe('crash safety', () => {
  jest.setTimeout(120_000);
  const temp = tempDir('projections-crash-');
  afterAll(() => temp.cleanup());

  it('a projector killed with SIGKILL mid-way and restarted ends exactly where a clean build does', async () => {
    const eventsPath = temp.file('events.sqlite');
    const readPath = temp.file('read.sqlite');
    const stores = await openStores(eventsPath, readPath);
    const children: ChildProcess[] = [];
    try {
      await appendLedgerEvents(stores.eventStore, EVENTS, { accounts: 11, closeEvery: 13 });

      // First run: killed as soon as the ledger's checkpoint is past a quarter of the log.
      const first = spawnChild(eventsPath, readPath, false);
      children.push(first.child);
      const killedAt = await waitFor(
        async () => {
          const checkpoint = await stores.readStore.getCheckpoint('ledger@v1').catch(() => null);
          return checkpoint !== null && BigInt(checkpoint) >= BigInt(EVENTS / 4) ? checkpoint : null;
        },
        'the child to get a quarter through the log',
        { timeoutMs: 60_000, intervalMs: 2 },
      );
      first.child.kill('SIGKILL');
      const firstExit = await first.exited;
      expect(firstExit.signal).toBe('SIGKILL');
      const leftAt = BigInt((await stores.readStore.getCheckpoint('ledger@v1'))!);
      expect(leftAt).toBeGreaterThanOrEqual(BigInt(killedAt));
      expect(leftAt).toBeLessThan(BigInt(EVENTS)); // it really died mid-way

      // Second run: resumes from the checkpoints and finishes.
      const second = spawnChild(eventsPath, readPath, true);
      children.push(second.child);
      const secondExit = await second.exited;
      expect(secondExit).toMatchObject({ code: 0 });
      expect(secondExit.output).toContain('done');

      expect(await stores.readStore.get('event_counter', 'total')).toMatchObject({ count: EVENTS });
      await ledgerMatchesModel(stores.readStore, await allEvents(stores.eventStore));

      // A clean build in a fresh read store gives the same documents.
      const clean = await openStores(eventsPath, temp.file('clean.sqlite'));
      try {
        const runner = new ProjectionRunner({
          eventStore: clean.eventStore,
          readStore: clean.readStore,
          projections: [counterProjection(), ledgerProjection()],
        });
        await runner.start();
        await runner.waitUntilCaughtUp();
        await runner.stop();
        for (const name of [...LEDGER_COLLECTIONS, 'event_counter']) {
          expect(await stores.readStore.digest(name)).toBe(await clean.readStore.digest(name));
        }
      } finally {
        await clean.close();
      }
    } finally {
      for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await stores.close();
    }
  });
});
