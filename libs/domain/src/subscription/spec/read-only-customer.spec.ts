import { SubscriptionCommand } from '../index';
import { customer, given, proAnnual, purchased, teamsAnnual, utc } from './fixtures';

/** Rule 8: whatever a customer of a reseller purchase asks to change, the answer names the reseller. */
describe('rule 8: the customer of a reseller purchase is read-only', () => {
  const base = { subscriptionId: 'sub-1', now: utc('2026-05-01'), actor: customer };
  const changes: SubscriptionCommand[] = [
    { ...base, type: 'AddSeats', invoiceId: 'i', seats: 1, context: {} },
    { ...base, type: 'ChangePlan', invoiceId: 'i', context: { plan: teamsAnnual } },
    { ...base, type: 'AssignSeat', email: 'a@globex.example', context: {} },
    { ...base, type: 'UnassignSeat', email: 'a@globex.example', context: {} },
    { ...base, type: 'RenewSubscription', invoiceId: 'i', context: { plan: proAnnual } },
    { ...base, type: 'CancelSubscription', context: {} },
    { ...base, type: 'ExpireSubscription' },
    {
      ...base,
      type: 'ChangeInvoiceOwner',
      effectiveAt: utc('2026-05-01'),
      reason: 'r',
      newOwner: { kind: 'organization', billingContactEmail: 'b@globex.example' },
    },
  ];

  it.each(changes.map((c) => [c.type, c]))('refuses %s', (_type, command) => {
    given(purchased())
      .when(command as SubscriptionCommand)
      .thenRefuses('customer-is-read-only', 'This subscription was bought through Acme Reseller; ask them to make the change.');
  });
});
