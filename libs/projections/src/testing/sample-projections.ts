import type { ReadDocument, WriteOperation } from '@channel-ledger/read-store';
import { defineProjection, Projection } from '../engine/projection';

/**
 * Test projections (also run by the crash-test child process): a counter that makes doubling or
 * losing an event visible, and a ledger that writes several documents per event and reads its own
 * uncommitted writes (get, patch, find by index, delete) within a batch.
 */
export function counterProjection(options: { name?: string; collection?: string; version?: number; handles?: string[] } = {}): Projection {
  const collection = options.collection ?? 'event_counter';
  return defineProjection({
    name: options.name ?? 'counter',
    version: options.version ?? 1,
    collections: [{ name: collection, indexes: [] }],
    handles: options.handles,
    async apply(event, view): Promise<WriteOperation[]> {
      const total = await view.get(collection, 'total');
      const byType = await view.get(collection, `type-${event.type}`);
      return [
        { type: 'put', collection, document: { id: 'total', count: ((total?.count as number) ?? 0) + 1, last: event.position.toString() } },
        { type: 'put', collection, document: { id: `type-${event.type}`, count: ((byType?.count as number) ?? 0) + 1 } },
      ];
    },
  });
}

export function ledgerProjection(
  options: { version?: number; fail?: (type: string, data: ReadDocument | Record<string, unknown>) => boolean } = {},
): Projection {
  return defineProjection({
    name: 'ledger',
    version: options.version ?? 1,
    collections: [
      { name: 'ledger_accounts', indexes: [{ fields: ['balance'] }] },
      { name: 'ledger_entries', indexes: [{ fields: ['account', 'n'] }] },
      { name: 'ledger_totals', indexes: [] },
    ],
    handles: ['Deposited', 'AccountClosed'],
    async apply(event, view): Promise<WriteOperation[]> {
      const account = event.data.account as string;
      if (options.fail?.(event.type, event.data)) throw new Error(`cannot handle ${event.type} of ${account}`);
      const totals = (await view.get('ledger_totals', 'all')) ?? { id: 'all', deposits: 0, closed: 0, open: 0 };
      const operations: WriteOperation[] = [];
      if (event.type === 'Deposited') {
        const amount = event.data.amount as number;
        const current = await view.get('ledger_accounts', account);
        operations.push(
          current
            ? {
                type: 'patch',
                collection: 'ledger_accounts',
                id: account,
                fields: { balance: (current.balance as number) + amount, deposits: (current.deposits as number) + 1 },
              }
            : { type: 'put', collection: 'ledger_accounts', document: { id: account, balance: amount, deposits: 1 } },
          {
            type: 'put',
            collection: 'ledger_entries',
            document: { id: event.eventId, account, n: event.data.n as number, amount, position: event.position.toString() },
          },
          {
            type: 'put',
            collection: 'ledger_totals',
            document: { ...totals, deposits: (totals.deposits as number) + amount, open: (totals.open as number) + (current ? 0 : 1) },
          },
        );
      } else {
        const entries = await view.find('ledger_entries', { account });
        const existed = (await view.get('ledger_accounts', account)) !== null;
        operations.push(
          ...entries.map((entry): WriteOperation => ({ type: 'delete', collection: 'ledger_entries', id: entry.id })),
          { type: 'delete', collection: 'ledger_accounts', id: account },
          {
            type: 'put',
            collection: 'ledger_totals',
            document: { ...totals, closed: (totals.closed as number) + entries.length, open: (totals.open as number) - (existed ? 1 : 0) },
          },
        );
      }
      return operations;
    },
  });
}

export const LEDGER_COLLECTIONS = ['ledger_accounts', 'ledger_entries', 'ledger_totals'];
