import { Instant } from '../shared/types';
import { latestPeriod, ownershipAt, periodAt, seatsAt } from './periods';
import { SubscriptionState } from './state';
import { InvoiceOwnership, InvoiceRecord, SalesChannel } from './terms';

export function findInvoice(state: SubscriptionState, invoiceId: string): InvoiceRecord | null {
  if (state.status === 'none') return null;
  return state.invoices.find((invoice) => invoice.invoiceId === invoiceId) ?? null;
}

/** Rule 9's evidence: this invoice belongs to this subscription and was addressed to that reseller. */
export function invoiceIssuedTo(state: SubscriptionState, invoiceId: string, resellerId: string): boolean {
  const invoice = findInvoice(state, invoiceId);
  return invoice !== null && invoice.issuedTo.kind === 'reseller' && invoice.issuedTo.id === resellerId;
}

export interface InvoiceEvidence {
  readonly subscriptionId: string;
  readonly organizationId: string;
  readonly invoiceId: string;
  readonly invoiceNumber: string;
  readonly issuedAt: Instant;
  readonly resellerId: string;
}

/**
 * What the organization decider's caller hands over with a reseller's contact-change request
 * (rule 9); null when the invoice does not prove anything for that reseller.
 */
export function invoiceEvidence(state: SubscriptionState, invoiceId: string, resellerId: string): InvoiceEvidence | null {
  if (state.status === 'none' || !invoiceIssuedTo(state, invoiceId, resellerId)) return null;
  const invoice = findInvoice(state, invoiceId)!;
  return {
    subscriptionId: state.subscriptionId,
    organizationId: state.organizationId,
    invoiceId,
    invoiceNumber: invoice.invoiceNumber,
    issuedAt: invoice.issuedAt,
    resellerId,
  };
}

/** Support's question: who was the invoice owner at date D? */
export function invoiceOwnerAt(state: SubscriptionState, at: Instant): InvoiceOwnership | null {
  if (state.status === 'none' || Date.parse(at) < Date.parse(state.ownership[0].from)) return null;
  return ownershipAt(state, at);
}

export interface SeatSummary {
  readonly purchased: number;
  readonly assigned: number;
  readonly free: number;
  readonly assignedTo: readonly string[];
}

/** "Seats bought and assigned" for read models. */
export function seatSummary(state: SubscriptionState, at: Instant): SeatSummary {
  if (state.status === 'none') return { purchased: 0, assigned: 0, free: 0, assignedTo: [] };
  const purchased = seatsAt(state, at);
  const assigned = state.assignedSeats.length;
  return { purchased, assigned, free: Math.max(0, purchased - assigned), assignedTo: state.assignedSeats };
}

/** The facts a RecordDirectPurchase command needs about the reseller subscription it replaces. */
export function predecessorFacts(
  state: SubscriptionState,
): { subscriptionId: string; organizationId: string; channel: SalesChannel } | null {
  if (state.status === 'none') return null;
  return { subscriptionId: state.subscriptionId, organizationId: state.organizationId, channel: state.ownership[0].channel };
}

/** The terms in force at `at` (plan, price, seats, period), or null once ended. */
export function termsAt(state: SubscriptionState, at: Instant) {
  if (state.status === 'none') return null;
  const period = periodAt(state, at);
  return period && { ...period, currency: state.currency, billingPeriod: state.billingPeriod, paidThrough: latestPeriod(state).periodEnd };
}
