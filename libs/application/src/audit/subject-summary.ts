import { invoiceOwnerAt, SubscriptionState, termsAt } from '@channel-ledger/domain';

/**
 * What an auditor wants to read of a state on a date. A subscription is summarised through the
 * domain's queries at that date (seats in force, paid through, invoice owner); other streams'
 * states are shown as folded.
 */
export function summaryAt(streamId: string, state: unknown, at: string): unknown {
  if (!streamId.startsWith('subscription-')) return state;
  const s = state as SubscriptionState;
  if (s.status === 'none') return { status: 'none' };
  const terms = termsAt(s, at);
  const owner = invoiceOwnerAt(s, at);
  return {
    status: s.status,
    plan: terms ? `${terms.plan.product} ${terms.plan.tier}` : null,
    seats: terms?.seats ?? 0,
    unitPrice: terms?.unitPrice ?? null,
    currency: s.currency,
    period: terms ? { start: terms.periodStart, end: terms.periodEnd } : null,
    paidThrough: terms?.paidThrough ?? s.periods[s.periods.length - 1].periodEnd,
    invoiceOwner: owner
      ? { kind: owner.owner.kind, id: owner.owner.id, name: owner.owner.name, channel: owner.channel, since: owner.from }
      : null,
    invoices: s.invoices.length,
    assignedSeats: s.assignedSeats.length,
  };
}
