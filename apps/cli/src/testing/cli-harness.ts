import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLedgerEventStore, Secrets } from '@channel-ledger/application';
import { runSeedScenario } from '@channel-ledger/application/testing/seed-scenario';
import { openSqliteEventStore } from '@channel-ledger/event-store';
import { runCli } from '../program';

export const TEST_SECRET = 'cli-test-secret-0123456789abcdefghijklmnop';

export interface CliRun {
  code: number;
  out: string;
  err: string;
  json<T = unknown>(): T;
}

/** A ledger in a temp folder, and `run(...args)` to call the CLI on it in-process. */
export function cliLedger() {
  const dir = mkdtempSync(join(tmpdir(), 'channel-ledger-cli-'));
  const path = join(dir, 'ledger.sqlite');
  const env = { CHANNEL_LEDGER_SQLITE_PATH: path, CHANNEL_LEDGER_SECRET: TEST_SECRET };
  return {
    dir,
    path,
    env,
    file: (name: string) => join(dir, name),
    async seed(tags: string[] = ['', 'two']): Promise<void> {
      const store = await openSqliteEventStore({ path });
      for (const tag of tags) await runSeedScenario(store, tag);
      await store.close();
    },
    async run(...args: string[]): Promise<CliRun> {
      let out = '';
      let err = '';
      const code = await runCli(args, { out: (t) => void (out += t), err: (t) => void (err += t), interactive: false, env });
      return { code, out, err, json: <T>() => JSON.parse(out) as T };
    },
    /** Like seed, through the ledger's own store: events upcast on read, personal data encrypted (keys beside the file). */
    async seedEncrypted(tags: string[] = ['', 'two']): Promise<void> {
      const store = await openLedgerEventStore(
        { eventStore: { kind: 'sqlite', path }, readStore: { kind: 'sqlite', path } },
        new Secrets(TEST_SECRET),
      );
      for (const tag of tags) await runSeedScenario(store.store, tag);
      await store.store.close();
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
