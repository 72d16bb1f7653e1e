import { invoiceOwnerAsOf, notYetInForce, SubscriptionEvent, subscriptionAsOf, termsAsOf, termsAt, TimedEvent } from '../index';
import { addSeats, decided, purchased, stateAfter, utc } from './fixtures';

/**
 * given(events, each with the business time its command carried).asOf(D) → what was in force on D.
 * The recorded-time cut ("as known at T") is the caller's: it reads the log up to T first.
 */
function given(events: readonly SubscriptionEvent[], occurredAt: (e: SubscriptionEvent, i: number) => string = (e) => occurredOf(e)) {
  const history: TimedEvent<SubscriptionEvent>[] = events.map((event, i) => ({ event, occurredAt: occurredAt(event, i) }));
  return {
    asOf: (at: string) => ({
      thenSeats: (seats: number | null) => expect(termsAsOf(history, at)?.seats ?? null).toBe(seats),
      thenOwner: (id: string | null) => expect(invoiceOwnerAsOf(history, at)?.owner.id ?? null).toBe(id),
      thenPending: (types: string[]) => expect(notYetInForce(history, at).map((h) => h.event.type)).toEqual(types),
      state: () => subscriptionAsOf(history, at),
    }),
  };
}

/** The business time each fixture event carries in its own data (what the decider was told was `now`). */
function occurredOf(event: SubscriptionEvent): string {
  const d = event.data as unknown as Record<string, unknown>;
  return String(
    d.purchasedAt ?? d.effectiveAt ?? d.issuedAt ?? d.renewedAt ?? d.cancelledAt ?? d.sweptAt ?? d.assignedAt ?? utc('2026-01-31'),
  );
}

// Bought 2026-01-31 with 10 annual seats; 5 seats added with effect on 1 March.
const withMarchSeats = () => decided(purchased(), addSeats(5, utc('2026-03-01')));

describe('a subscription as of a business date (effective dates respected)', () => {
  it('does not count seats added on 1 March on 1 February, where folding everything does', () => {
    const events = withMarchSeats();
    // The trap this guards against: the whole history folded, then asked about February.
    expect(termsAt(stateAfter(events), utc('2026-02-01'))?.seats).toBe(15);
    given(events).asOf(utc('2026-02-01')).thenSeats(10);
    given(events).asOf(utc('2026-02-28')).thenPending(['SeatsPurchased', 'InvoiceIssued']);
  });

  it('counts them from the instant they take effect', () => {
    given(withMarchSeats()).asOf(utc('2026-03-01')).thenSeats(15);
    given(withMarchSeats()).asOf(utc('2026-12-31')).thenSeats(15);
  });

  it('respects the effective date even when the event was decided earlier than it takes effect', () => {
    // The command is decided on 10 February (occurredAt) for seats effective 1 March.
    const events = withMarchSeats();
    given(events, (e, i) => (i >= 2 ? utc('2026-02-10') : occurredOf(e)))
      .asOf(utc('2026-02-15'))
      .thenSeats(10);
  });

  it('answers nothing before the purchase and after the paid time ended', () => {
    given(withMarchSeats()).asOf(utc('2026-01-01')).thenSeats(null);
    expect(given(withMarchSeats()).asOf(utc('2026-01-01')).state()).toEqual({ status: 'none' });
    given(withMarchSeats()).asOf(utc('2027-02-01')).thenSeats(null);
  });

  it('names the invoice owner in force on the date', () => {
    const events = withMarchSeats();
    given(events).asOf(utc('2026-01-30')).thenOwner(null);
    given(events).asOf(utc('2026-02-01')).thenOwner('acme');
  });
});
