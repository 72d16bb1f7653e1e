import { PlanPrice } from '../../catalog/plan';
import { validatePrice } from '../../money/amount';
import { RuleViolation, violation } from '../../shared/decider';
import { Instant } from '../../shared/types';
import { InvoiceIssued, OpeningTerms } from '../events';
import { issueInvoice } from '../invoice';
import { openingLine, openingPeriod, termsOf } from '../pricing';
import { CustomerOrganizationFacts, InvoiceOwner, InvoiceReason, PaymentMethodFacts, SalesChannel } from '../terms';
import { requireSeatCount } from '../validation';

export interface Opening {
  readonly subscriptionId: string;
  readonly invoiceId: string;
  readonly seats: number;
  readonly organization: CustomerOrganizationFacts;
  readonly plan: PlanPrice;
  readonly paymentMethod: PaymentMethodFacts;
  readonly invoiceOwner: InvoiceOwner;
  readonly channel: SalesChannel;
  readonly reason: Extract<InvoiceReason, 'purchase' | 'direct-purchase'>;
  /** Canonical: every later period and proration is computed from it (rule 4). */
  readonly now: Instant;
}

/**
 * The terms and first invoice every new subscription starts with, bought through a reseller or
 * directly (rule 11: a direct purchase opens fresh terms exactly like any new purchase).
 */
export function openSubscription(opening: Opening): { terms: OpeningTerms; invoice: InvoiceIssued } {
  const { plan, organization, now } = opening;
  const bounds = openingPeriod(plan, now);
  const terms: OpeningTerms = {
    subscriptionId: opening.subscriptionId,
    vendorId: organization.vendorId,
    organizationId: organization.organizationId,
    organizationName: organization.name,
    channel: opening.channel,
    invoiceOwner: opening.invoiceOwner,
    plan: termsOf(plan),
    billingPeriod: plan.billingPeriod,
    currency: plan.currency,
    unitPrice: plan.unitPrice,
    seats: opening.seats,
    billingAnchor: now,
    ...bounds,
    paymentMethod: opening.paymentMethod,
    purchasedAt: now,
  };
  const invoice = issueInvoice({
    invoiceId: opening.invoiceId,
    subscriptionId: opening.subscriptionId,
    previousInvoices: 0,
    reason: opening.reason,
    now,
    ownership: { owner: opening.invoiceOwner, channel: opening.channel, from: now },
    currency: plan.currency,
    lines: [openingLine(plan, opening.seats, bounds)],
    paymentMethod: opening.paymentMethod,
  });
  return { terms, invoice };
}

/** What any new subscription must offer: a plan of the organization's vendor, a sound price, a seat count. */
export function refuseOpeningOffer(organization: CustomerOrganizationFacts, plan: PlanPrice, seats: number): RuleViolation | null {
  if (plan.vendorId !== organization.vendorId) {
    return violation('plan-from-another-vendor', `${organization.name} is a customer of another vendor than plan ${plan.planId}.`);
  }
  return validatePrice(plan.unitPrice, plan.currency, 'plan price') ?? requireSeatCount(seats);
}
