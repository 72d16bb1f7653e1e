import type { ProjectionCollection } from '@channel-ledger/projections';
import type { ProcessName, ProcessStep } from '../names';

export const PROCESS_SCHEDULE = 'process_schedule';

/** Something a process will do at `dueAt`, derived from the event that made it due (`trigger`). */
export interface PendingScheduleItem {
  /** `<process>|<step>|<subject>`: one item per thing to watch, moved when its due time moves. */
  id: string;
  process: ProcessName;
  step: ProcessStep;
  /** The stream the step acts on. */
  streamId: string;
  status: 'pending';
  /** Canonical ISO-8601 UTC, so text order is time order. */
  dueAt: string;
  /** What the step needs (ids, the term end, the reminder's distance, the attempt number). */
  payload: Record<string, string | number>;
  /** The event that scheduled it: with the due time, it makes the step's command id. */
  triggerEventId: string;
  triggerType: string;
  correlationId: string;
  /** Log position of the trigger (decimal string). */
  triggerPosition: string;
}

/** An item whose premise the log has settled (done, moot, or not applicable). */
export interface SettledScheduleItem {
  id: string;
  process: ProcessName;
  step: ProcessStep;
  streamId: string;
  status: 'done';
  dueAt: null;
  /** The event that settled it, and its business time. */
  settledBy: string;
  settledByEventId: string;
  settledAt: string;
}

export type ScheduleItem = PendingScheduleItem | SettledScheduleItem;

export const processScheduleCollections: ProjectionCollection[] = [
  {
    name: PROCESS_SCHEDULE,
    indexes: [
      // What is due, across processes, in due-time order.
      { fields: ['status', 'dueAt'] },
      // What is due for one process; its next due time; how much it has pending.
      { fields: ['process', 'status', 'dueAt'] },
    ],
  },
];
