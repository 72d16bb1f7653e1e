import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, openCheckpointStore, openEventStore, openReadStore } from '@channel-ledger/application';
import { runSeedScenario } from '@channel-ledger/application/testing/seed-scenario';
import { sealPeriodically } from './seal-periodically';

describe('the projector seals checkpoints of the log head', () => {
  it('every interval and once more when it stops', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'projector-seal-'));
    try {
      const config = loadConfig({
        CHANNEL_LEDGER_SQLITE_PATH: join(dir, 'ledger.sqlite'),
        CHANNEL_LEDGER_SECRET: 'projector-test-secret-0123456789abcdef',
      });
      const eventStore = await openEventStore(config);
      const readStore = await openReadStore(config);
      await runSeedScenario(eventStore);
      const sealing = await sealPeriodically(config, eventStore, readStore, 20);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await runSeedScenario(eventStore, 'more');
      await sealing.stop();
      const checkpoints = await openCheckpointStore(config, async () => readStore);
      const latest = await checkpoints.latest();
      // One seal over the first history, then at least one more: appends now wait a turn of the
      // event loop (group commit), so the 20 ms timer may also seal while the second history is written.
      expect(latest?.sequence).toBeGreaterThanOrEqual(2);
      expect(latest?.headPosition).toBe(String(await eventStore.headPosition()));
      await checkpoints.close();
      await readStore.close();
      await eventStore.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
