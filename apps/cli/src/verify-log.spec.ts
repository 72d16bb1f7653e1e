import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventIdFor, NewEvent, openSqliteEventStore } from '@channel-ledger/event-store';
import { verifyLog } from './verify-log';

const event = (commandId: string, data: Record<string, string | number>): NewEvent => ({
  eventId: eventIdFor(commandId, 0),
  type: 'SeatsPurchased',
  data,
  metadata: {
    commandId,
    correlationId: commandId,
    causationId: commandId,
    actor: { kind: 'reseller', id: 'r-1' },
    onBehalfOf: null,
    occurredAt: '2026-11-23T10:00:00.000Z',
    schemaVersion: 1,
  },
});

describe('verifying the whole log (auditor)', () => {
  it('passes an untouched log and names the stream and revision of a tampered event', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'verify-')), 'events.sqlite');
    const store = await openSqliteEventStore({ path });
    for (let i = 0; i < 5; i++) {
      await store.append('subscription-a', [event(`a-${i}`, { seats: i })], 'any');
      await store.append('subscription-b', [event(`b-${i}`, { seats: i })], 'any');
    }
    expect(await verifyLog(store, 3)).toEqual({ eventsChecked: 10, streamsChecked: 2, broken: [] });

    // An insider edits the stored data behind the application's back.
    const raw = new Database(path);
    raw.prepare(`UPDATE events SET data = '{"seats":40}' WHERE stream_id = 'subscription-b' AND revision = 2`).run();
    raw.close();

    const result = await verifyLog(store, 3);
    expect(result.broken).toEqual([
      { streamId: 'subscription-b', revision: '2', reason: expect.stringMatching(/altered/) },
    ]);
    await store.close();
  });
});
