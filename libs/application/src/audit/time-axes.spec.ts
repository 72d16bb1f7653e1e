import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStore, openSqliteEventStore } from '@channel-ledger/event-store';
import { lateSeats, runLateSeatsScenario } from '../testing/late-seats-scenario';
import { invoiceOwnerFromLog } from './invoice-owner';
import { parseInstant } from './time-axes';
import { replay, stateAsOf } from './replay';

describe('two time axes: a seat addition in force on 1 March, recorded on 15 March', () => {
  let dir: string;
  let store: EventStore;
  const subscription = { kind: 'subscription' as const, id: lateSeats.subscriptionId };
  const seatsOn = async (asOf: string, asKnownAt: string | null = null) =>
    (
      (await stateAsOf(store, subscription, { asOf: parseInstant(asOf)!, asKnownAt: asKnownAt && parseInstant(asKnownAt) })).state as {
        seats: number;
      }
    ).seats;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'time-axes-'));
    let recordedAt = new Date(0);
    store = await openSqliteEventStore({ path: join(dir, 'ledger.sqlite'), clock: () => recordedAt });
    await runLateSeatsScenario(store, (iso) => (recordedAt = new Date(iso)));
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('as of the day before it took effect: the old seats', async () => {
    expect(await seatsOn('2026-02-28')).toBe(10);
    expect(await seatsOn('2026-03-01')).toBe(15);
  });

  it('as known before it was recorded: the old seats, whatever the business date', async () => {
    for (const asOf of ['2026-02-28', '2026-03-01', '2026-03-20', '2026-12-31']) expect(await seatsOn(asOf, '2026-03-14')).toBe(10);
    expect(await seatsOn('2026-03-20', '2026-03-15T10:00:00Z')).toBe(15);
  });

  it('replays each event with both times, actor and a sentence, and the state after it', async () => {
    const r = await replay(store, subscription, { asOf: parseInstant('2026-12-31')!, asKnownAt: null });
    const seats = r.steps.find((s) => s.type === 'SeatsPurchased')!;
    expect(seats).toMatchObject({
      occurredAt: lateSeats.seatsEffectiveAt,
      effectiveAt: lateSeats.seatsEffectiveAt,
      recordedAt: lateSeats.seatsRecordedAt,
      actor: { kind: 'reseller', id: lateSeats.resellerId },
      onBehalfOf: { kind: 'organization', id: lateSeats.organizationId },
      sentence: expect.stringMatching(/Seats added: 10 → 15/),
      stateAfter: expect.objectContaining({ seats: 15 }),
    });
    const before = await replay(store, subscription, { asOf: parseInstant('2026-02-01')!, asKnownAt: null });
    expect(before.notYetInForce.map((e) => e.type)).toEqual(['SeatsPurchased', 'InvoiceIssued']);
  });

  it('names the invoice owner on a date, since when and through which channel, and the event that made it so', async () => {
    const answer = await invoiceOwnerFromLog(store, lateSeats.subscriptionId, { at: parseInstant('2026-02-01')!, asKnownAt: null });
    expect(answer.invoiceOwner).toMatchObject({
      kind: 'reseller',
      id: lateSeats.resellerId,
      channel: 'reseller',
      since: lateSeats.purchasedAt,
    });
    expect(answer.madeSoBy).toMatchObject({ type: 'SubscriptionPurchased' });
    expect(
      (
        await invoiceOwnerFromLog(store, lateSeats.subscriptionId, {
          at: parseInstant('2026-02-01')!,
          asKnownAt: parseInstant('2026-01-14'),
        })
      ).invoiceOwner,
    ).toBeNull();
  });

  it('reads dates as the start of the UTC day and refuses a time without offset', () => {
    expect(parseInstant('2026-03-01')).toBe('2026-03-01T00:00:00.000Z');
    expect(parseInstant('2026-03-01T12:00:00+02:00')).toBe('2026-03-01T10:00:00.000Z');
    expect(parseInstant('2026-03-01T12:00:00')).toBeNull();
    expect(parseInstant('yesterday')).toBeNull();
  });
});
