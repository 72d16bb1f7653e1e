import { embeddedChildEnv } from '@channel-ledger/application/testing/child-process-env';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { organizationStream, subscriptionStream } from '@channel-ledger/domain';
import { openSqliteEventStore, RecordedEvent } from '@channel-ledger/event-store';
import { LedgerScenario, plus } from '@channel-ledger/processes/testing/ledger-scenario';

const ROOT = resolve(__dirname, '../../..');

/**
 * On the production stack the API only reads: the projector runs the projections and, with them,
 * the time-driven processes, on the system clock. Things that fell due before it started are
 * acted on as soon as it runs, each at its own due time.
 */
describe('projector process: runs the time-driven processes with the projections', () => {
  jest.setTimeout(60_000);

  it('lapses an offer and renews a subscription that fell due while nothing ran, then stops cleanly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'projector-processes-'));
    const dataFile = join(dir, 'ledger.sqlite');
    try {
      const store = await openSqliteEventStore({ path: dataFile });
      const scenario = new LedgerScenario(store);
      const now = new Date().toISOString();
      const bought = plus(now, -380);
      await scenario.catalog(bought);
      await scenario.reseller('acme', bought, { id: 'card-acme', label: 'Visa •••• 4242' });
      await scenario.organization('o1', 'acme', bought);
      await scenario.subscription('s1', 'o1', 'acme', bought, { autoRenewal: true });
      await scenario.offer('o1', 'acme', 't1', plus(now, -10));

      const child = spawn(
        process.execPath,
        ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(__dirname, 'main.ts')],
        {
          cwd: ROOT,
          env: embeddedChildEnv({ TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), CHANNEL_LEDGER_SQLITE_PATH: dataFile }),
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let output = '';
      child.stdout!.on('data', (chunk) => (output += chunk));
      child.stderr!.on('data', (chunk) => (output += chunk));
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
        child.on('exit', (code, signal) => done({ code, signal })),
      );

      const byTheSystem = async (streamId: string, type: string): Promise<RecordedEvent> => {
        const deadline = Date.now() + 45_000;
        for (;;) {
          const found = (await store.readStream(streamId)).find((e) => e.type === type && e.metadata.actor.kind === 'system');
          if (found) return found;
          if (Date.now() > deadline) throw new Error(`no ${type} on ${streamId}; projector output:\n${output}`);
          await new Promise((r) => setTimeout(r, 50));
        }
      };
      const lapsed = await byTheSystem(organizationStream('o1'), 'OwnershipTransferExpired');
      expect(lapsed.metadata).toMatchObject({ actor: { kind: 'system', id: 'ownership-offer-expiry' }, occurredAt: plus(now, -3) });
      const renewed = await byTheSystem(subscriptionStream('s1'), 'SubscriptionRenewed');
      expect(renewed.metadata.actor).toEqual({ kind: 'system', id: 'subscription-renewal' });
      expect(renewed.metadata.occurredAt).toBe(renewed.data.periodStart);

      child.kill('SIGTERM');
      expect(await exited).toEqual({ code: 0, signal: null });
      expect(output).toContain('the time-driven processes');
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
