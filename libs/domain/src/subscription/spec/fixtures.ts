import { PlanPrice } from '../../catalog/plan';
import { fold } from '../../shared/decider';
import { Actor, ResellerFacts } from '../../shared/types';
import { specFor } from '../../testing/given';
import {
  AddSeats,
  ChangePlan,
  CustomerOrganizationFacts,
  PurchaseSubscription,
  RenewSubscription,
  SubscriptionEvent,
  subscriptionDecider,
  SubscriptionPurchased,
  InvoiceIssued,
} from '../index';

export const given = specFor(subscriptionDecider);
export const stateAfter = (events: readonly SubscriptionEvent[]) => fold(subscriptionDecider, events);

export const utc = (date: string) => `${date}T00:00:00.000Z`;

export const acme: ResellerFacts = {
  resellerId: 'acme',
  companyName: 'Acme Reseller',
  email: 'sales@acme.example',
  emailVerified: true,
  partnerKind: 'reseller',
};
export const otherReseller: ResellerFacts = {
  resellerId: 'initech',
  companyName: 'Initech Partners',
  email: 'buy@initech.example',
  emailVerified: true,
  partnerKind: 'reseller',
};
export const awsMarketplace: ResellerFacts = {
  resellerId: 'aws',
  companyName: 'AWS Marketplace',
  email: 'mp@aws.example',
  emailVerified: true,
  partnerKind: 'marketplace',
};

export const asReseller = (r: ResellerFacts = acme): Actor => ({ kind: 'reseller', id: r.resellerId });
export const customer: Actor = { kind: 'customer', id: 'user-globex-1' };
export const support: Actor = { kind: 'support', id: 'agent-7' };
export const system: Actor = { kind: 'system', id: 'sweeper' };

export const globex: CustomerOrganizationFacts = {
  organizationId: 'org-globex',
  vendorId: 'gitkraken',
  name: 'Globex',
  managedByResellerId: 'acme',
};

const plan = (
  planId: string,
  tier: PlanPrice['tier'],
  unitPrice: string,
  billingPeriod: PlanPrice['billingPeriod'] = 'annual',
  currency = 'USD',
): PlanPrice => ({
  vendorId: 'gitkraken',
  planId,
  product: 'GitLens',
  tier,
  currency,
  billingPeriod,
  unitPrice,
});
export const proAnnual = plan('gitlens-pro', 'pro', '96.00');
export const teamsAnnual = plan('gitlens-teams', 'teams', '144.00');
export const advancedAnnual = plan('gitlens-advanced', 'advanced', '240.00');
export const enterpriseAnnual = plan('gitlens-enterprise', 'enterprise', '480.00');
export const proMonthly = plan('gitlens-pro', 'pro', '10.00', 'monthly');
export const teamsMonthly = plan('gitlens-teams', 'teams', '15.00', 'monthly');
export const proMonthlyJpy = plan('gitlens-pro', 'pro', '1200', 'monthly', 'JPY');
export const teamsAnnualKwd = plan('gitlens-teams', 'teams', '45.125', 'annual', 'KWD');
export const proAnnualKwd = plan('gitlens-pro', 'pro', '30.250', 'annual', 'KWD');

export const card = { id: 'pm-card', kind: 'card' as const };
export const invoiceTerms = { id: 'pm-net30', kind: 'invoice' as const };

export type PurchaseOverrides = Omit<Partial<PurchaseSubscription>, 'context'> & { context?: Partial<PurchaseSubscription['context']> };

export function purchase(overrides: PurchaseOverrides = {}): PurchaseSubscription {
  const { context, ...rest } = overrides;
  return {
    type: 'PurchaseSubscription',
    subscriptionId: 'sub-1',
    invoiceId: 'inv-1',
    seats: 10,
    customerContactEmail: 'it@globex.example',
    now: utc('2026-01-31'),
    actor: asReseller(),
    ...rest,
    context: { reseller: acme, organization: globex, plan: proAnnual, paymentMethod: card, ...context },
  };
}

/** The events a successful purchase records (decided, not hand-written, for use as `given`). */
export function purchased(overrides: PurchaseOverrides = {}): SubscriptionEvent[] {
  const decision = subscriptionDecider.decide(purchase(overrides), subscriptionDecider.initialState);
  if (!Array.isArray(decision)) throw new Error(`fixture purchase refused: ${JSON.stringify(decision)}`);
  return [...decision];
}

export function decided(
  events: readonly SubscriptionEvent[],
  command: Parameters<typeof subscriptionDecider.decide>[0],
): SubscriptionEvent[] {
  const decision = subscriptionDecider.decide(command, stateAfter(events));
  if (!Array.isArray(decision)) throw new Error(`fixture command refused: ${JSON.stringify(decision)}`);
  return [...events, ...decision];
}

export const addSeats = (seats: number, now: string, extra: Partial<AddSeats> = {}): AddSeats => ({
  type: 'AddSeats',
  subscriptionId: 'sub-1',
  invoiceId: 'inv-2',
  seats,
  now,
  actor: asReseller(),
  context: { reseller: acme },
  ...extra,
});

export const changePlan = (to: PlanPrice, now: string, extra: Partial<ChangePlan> = {}): ChangePlan => ({
  type: 'ChangePlan',
  subscriptionId: 'sub-1',
  invoiceId: 'inv-2',
  now,
  actor: asReseller(),
  context: { reseller: acme, plan: to },
  ...extra,
});

export const renew = (now: string, extra: Partial<RenewSubscription> & { plan?: PlanPrice } = {}): RenewSubscription => {
  const { plan: to = proAnnual, ...rest } = extra;
  return {
    type: 'RenewSubscription',
    subscriptionId: 'sub-1',
    invoiceId: 'inv-renew',
    now,
    actor: asReseller(),
    context: { reseller: acme, plan: to },
    ...rest,
  };
};

export function invoiceOf(events: readonly SubscriptionEvent[]): InvoiceIssued['data'] {
  const invoice = events.find((e): e is InvoiceIssued => e.type === 'InvoiceIssued');
  if (!invoice) throw new Error('no invoice');
  return invoice.data;
}

export function purchaseData(events: readonly SubscriptionEvent[]): SubscriptionPurchased['data'] {
  return (events.find((e) => e.type === 'SubscriptionPurchased') as SubscriptionPurchased).data;
}
