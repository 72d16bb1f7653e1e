import { canonicalJson } from './canonical-json';
import { matchEarlierAppend, StoredEventIdentity } from './idempotency';
import { DuplicateEventIdError, NewEvent } from './port';
import { commandEvents } from './testing/contract-helpers';

/**
 * The one rule every adapter answers a repeated append by: the same ids, consecutive and in
 * order in this stream, with the same type and data, are the earlier append (whatever metadata
 * the retry carries); any other overlap is refused. The pipeline relies on the refusal naming one
 * of the ids it sent (see CommandPipeline.answerCollision).
 */
describe('matchEarlierAppend', () => {
  const STREAM = 'subscription-1';
  const events = commandEvents(
    { type: 'SeatsAdded', data: { seats: 2, addedAt: '2026-11-23T10:00:00.000Z' } },
    { type: 'InvoiceIssued', data: { total: '10.00' } },
  );
  const storedAs = (event: NewEvent, index: number, at = { streamId: STREAM, revision: 4n, position: 100n }): StoredEventIdentity => ({
    streamId: at.streamId,
    revision: at.revision + BigInt(index),
    position: at.position + BigInt(index),
    type: event.type,
    canonicalData: canonicalJson(event.data),
  });
  const refusal = (stored: Array<StoredEventIdentity | undefined>, sent: NewEvent[] = events): DuplicateEventIdError => {
    try {
      matchEarlierAppend(STREAM, sent, stored);
    } catch (error) {
      expect(error).toBeInstanceOf(DuplicateEventIdError);
      return error as DuplicateEventIdError;
    }
    throw new Error('expected a DuplicateEventIdError');
  };

  it('is nothing to answer when none of the ids is stored', () => {
    expect(matchEarlierAppend(STREAM, events, [undefined, undefined])).toBeNull();
  });

  it('answers a repeat with the original result (no stamps: nothing was written), whatever metadata it carries', () => {
    const retried = events.map((e) => ({
      ...e,
      metadata: { ...e.metadata, occurredAt: '2026-11-24T00:00:00.000Z', correlationId: 'other' },
    }));
    expect(
      matchEarlierAppend(
        STREAM,
        retried,
        events.map((e, i) => storedAs(e, i)),
      ),
    ).toEqual({ nextExpectedRevision: 5n, position: 101n });
  });

  it('compares data canonically (key order does not matter)', () => {
    const reordered = events.map((e) => ({ ...e, data: Object.fromEntries(Object.entries(e.data).reverse()) }));
    expect(
      matchEarlierAppend(
        STREAM,
        reordered,
        events.map((e, i) => storedAs(e, i)),
      ),
    ).not.toBeNull();
  });

  it('refuses the same ids with other data (a retry that decided differently, or a foreign write), naming a sent id', () => {
    const later = events.map((e, i) => (i === 0 ? { ...e, data: { ...e.data, addedAt: '2026-11-24T00:00:00.000Z' } } : e));
    const error = refusal(
      events.map((e, i) => storedAs(e, i)),
      later,
    );
    expect(error.eventId).toBe(events[0].eventId);
    expect(error.message).toMatch(/different type or data/);
  });

  it('refuses ids stored in another stream, in another order or batch, or only some of them', () => {
    expect(refusal(events.map((e, i) => storedAs(e, i, { streamId: 'subscription-2', revision: 0n, position: 1n }))).message).toMatch(
      /another stream|stream subscription-2/,
    );
    expect(refusal([storedAs(events[0], 1), storedAs(events[1], -1)]).message).toMatch(/another batch or order/);
    expect(refusal([storedAs(events[0], 0), undefined]).message).toMatch(/others were not/);
    for (const error of [refusal([undefined, storedAs(events[1], 1)]), refusal([storedAs(events[0], 0), undefined])]) {
      expect(events.map((e) => e.eventId)).toContain(error.eventId);
    }
  });
});
