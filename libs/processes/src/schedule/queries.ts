import type { ReadStore } from '@channel-ledger/read-store';
import type { ProcessName } from '../names';
import { PendingScheduleItem, PROCESS_SCHEDULE, ScheduleItem } from './collections';

const PAGE = 100;

/** Pending items of one process due at or before `now`, earliest first (ties by id). */
export async function* dueItems(store: ReadStore, process: ProcessName, now: string): AsyncGenerator<PendingScheduleItem> {
  let cursor: string | null = null;
  do {
    const page = await store.find(PROCESS_SCHEDULE, {
      where: { process, status: 'pending', dueAt: { lte: now } },
      sort: [{ field: 'dueAt', direction: 'asc' }],
      limit: PAGE,
      cursor,
    });
    for (const document of page.documents) yield document as unknown as PendingScheduleItem;
    cursor = page.nextCursor;
  } while (cursor);
}

/** The earliest pending item of a process, due or not; null when it has nothing to do. */
export async function nextScheduled(store: ReadStore, process: ProcessName): Promise<PendingScheduleItem | null> {
  const page = await store.find(PROCESS_SCHEDULE, {
    where: { process, status: 'pending' },
    sort: [{ field: 'dueAt', direction: 'asc' }],
    limit: 1,
  });
  return (page.documents[0] as unknown as PendingScheduleItem | undefined) ?? null;
}

export function pendingCount(store: ReadStore, process: ProcessName): Promise<number> {
  return store.count(PROCESS_SCHEDULE, { process, status: 'pending' });
}

export async function scheduleItem(store: ReadStore, id: string): Promise<ScheduleItem | null> {
  return (await store.get(PROCESS_SCHEDULE, id)) as unknown as ScheduleItem | null;
}
