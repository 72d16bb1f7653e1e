import type { EventStore, RecordedEvent } from '@channel-ledger/event-store';
import type { ReadStore } from '@channel-ledger/read-store';

export async function allEvents(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  let after: bigint | null = null;
  for (;;) {
    const page = await store.readAll({ after, limit: 1000 });
    events.push(...page.events);
    if (page.isEnd) return events;
    after = page.lastPosition;
  }
}

/** What the ledger projection must produce, computed the plain way, event by event. */
export function expectedLedger(events: RecordedEvent[]) {
  const accounts = new Map<string, { balance: number; deposits: number }>();
  const entries = new Map<string, number>();
  const totals = { deposits: 0, closed: 0, open: 0 };
  for (const event of events) {
    const account = event.data.account as string;
    if (event.type === 'Deposited') {
      const amount = event.data.amount as number;
      const current = accounts.get(account);
      if (!current) totals.open++;
      accounts.set(account, { balance: (current?.balance ?? 0) + amount, deposits: (current?.deposits ?? 0) + 1 });
      entries.set(account, (entries.get(account) ?? 0) + 1);
      totals.deposits += amount;
    } else if (event.type === 'AccountClosed') {
      if (accounts.delete(account)) totals.open--;
      totals.closed += entries.get(account) ?? 0;
      entries.delete(account);
    }
  }
  return { accounts, entries, totals };
}

/** Reads the ledger's documents through its logical names and compares them with the model. */
export async function ledgerMatchesModel(readStore: ReadStore, events: RecordedEvent[]): Promise<void> {
  const expected = expectedLedger(events);
  const accounts = await readStore.find('ledger_accounts', { limit: 1000 });
  expect(Object.fromEntries(accounts.documents.map((d) => [d.id, { balance: d.balance, deposits: d.deposits }]))).toEqual(
    Object.fromEntries(expected.accounts),
  );
  for (const [account, count] of expected.entries) {
    expect(await readStore.count('ledger_entries', { account })).toBe(count);
  }
  expect(await readStore.count('ledger_entries')).toBe([...expected.entries.values()].reduce((a, b) => a + b, 0));
  const totals = await readStore.get('ledger_totals', 'all');
  expect(totals).toEqual({ id: 'all', ...expected.totals });
}
