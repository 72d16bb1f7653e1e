import type { RecordedEvent } from '@channel-ledger/event-store';

export const CSV_COLUMNS = [
  'position',
  'stream_id',
  'revision',
  'event_id',
  'type',
  'occurred_at',
  'recorded_at',
  'actor',
  'on_behalf_of',
  'data',
  'previous_hash',
  'hash',
] as const;

/** RFC 4180: quoted when needed, quotes doubled. JSON cells never hold raw newlines. */
function cell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One spreadsheet row per event; the data stays JSON in one cell. For reading, not for verifying. */
export function csvRow(event: RecordedEvent): string {
  const m = event.metadata;
  return [
    event.position.toString(),
    event.streamId,
    event.revision.toString(),
    event.eventId,
    event.type,
    m.occurredAt,
    m.recordedAt,
    `${m.actor.kind}:${m.actor.id}`,
    m.onBehalfOf ? `${m.onBehalfOf.kind}:${m.onBehalfOf.id}` : '',
    JSON.stringify(event.data),
    m.previousHash ?? '',
    m.hash,
  ]
    .map(cell)
    .join(',');
}
