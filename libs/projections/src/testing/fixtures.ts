import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStore, JsonObject, NewEvent, openSqliteEventStore } from '@channel-ledger/event-store';
import { openSqliteReadStore, ReadStore } from '@channel-ledger/read-store';

/** A temp directory removed by `cleanup()`; every test gets real SQLite files of its own. */
export function tempDir(prefix = 'projections-'): { dir: string; file: (name: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, file: (name) => join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function openStores(
  eventsPath: string,
  readPath = eventsPath,
): Promise<{ eventStore: EventStore; readStore: ReadStore; close: () => Promise<void> }> {
  const eventStore = await openSqliteEventStore({ path: eventsPath, pollIntervalMs: 20, synchronous: 'NORMAL' });
  const readStore = await openSqliteReadStore({ path: readPath });
  return { eventStore, readStore, close: async () => void (await Promise.all([readStore.close(), eventStore.close()])) };
}

export function newEvent(type: string, data: JsonObject): NewEvent {
  const commandId = randomUUID();
  return {
    eventId: randomUUID(),
    type,
    data,
    metadata: {
      commandId,
      correlationId: commandId,
      causationId: commandId,
      actor: { kind: 'system', id: 'test' },
      onBehalfOf: null,
      occurredAt: '2024-03-01T10:00:00.000Z',
      schemaVersion: 1,
    },
  };
}

/**
 * Appends `count` events over `accounts` account streams, in chunks (one append per chunk per
 * stream): deposits mostly, and every `closeEvery`-th event closes its account (the projection
 * then deletes the account's entries, found through an index, in the same batch).
 */
export async function appendLedgerEvents(
  store: EventStore,
  count: number,
  options: { accounts?: number; start?: number; closeEvery?: number } = {},
): Promise<void> {
  const accounts = options.accounts ?? 7;
  const start = options.start ?? 0;
  const closeEvery = options.closeEvery ?? 0;
  const chunk = 100;
  for (let from = start; from < start + count; from += chunk) {
    const byStream = new Map<string, NewEvent[]>();
    for (let i = from; i < Math.min(from + chunk, start + count); i++) {
      const account = `acc${i % accounts}`;
      const event =
        closeEvery > 0 && i % closeEvery === closeEvery - 1
          ? newEvent('AccountClosed', { account })
          : newEvent('Deposited', { account, amount: (i % 13) + 1, n: i });
      const stream = `account-${account}`;
      byStream.set(stream, [...(byStream.get(stream) ?? []), event]);
    }
    for (const [stream, events] of byStream) await store.append(stream, events, 'any');
  }
}

/** Bounded polling: waits for a condition without asserting anything about time. */
export async function waitFor<T>(
  probe: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  what: string,
  { timeoutMs = 20_000, intervalMs = 10 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null && value !== undefined && value !== false) return value as T;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
