import { PlanTier } from '../catalog/plan';
import { CurrencyCode } from '../money/currency';
import { Email, Instant } from '../shared/types';

/** "reseller" and "marketplace" are both channel purchases (rule 7); "direct" is bought from the vendor. */
export type SalesChannel = 'reseller' | 'marketplace' | 'direct';

/** Who invoices are addressed to (the Zuora "Invoice Owner"). Never the customer of a reseller. */
export interface InvoiceOwner {
  readonly kind: 'reseller' | 'organization';
  readonly id: string;
  readonly name: string;
  readonly email: Email;
}

export type PaymentMethodKind = 'card' | 'paypal' | 'ach' | 'invoice';

export interface PaymentMethodFacts {
  readonly id: string;
  readonly kind: PaymentMethodKind;
}

/** Facts about the customer organization, read by the caller from its stream. */
export interface CustomerOrganizationFacts {
  readonly organizationId: string;
  /** Rule 13: an organization belongs to exactly one vendor. */
  readonly vendorId: string;
  readonly name: string;
  /** The reseller that may buy and manage for this organization; null when none (e.g. direct customer). */
  readonly managedByResellerId: string | null;
}

export interface PlanTerms {
  readonly planId: string;
  readonly product: string;
  readonly tier: PlanTier;
}

/** One billing period that has been paid for, with the terms it was paid at. */
export interface PaidPeriod {
  /** 0 for the period the purchase opened, then +1 per renewal. */
  readonly index: number;
  readonly periodStart: Instant;
  readonly periodEnd: Instant;
  readonly plan: PlanTerms;
  readonly unitPrice: string;
  readonly seats: number;
}

export type InvoiceReason = 'purchase' | 'direct-purchase' | 'added-seats' | 'plan-change' | 'renewal';

/** How an invoice is settled: rule 6 allows net terms for Enterprise only. */
export interface InvoicePayment {
  readonly methodId: string;
  readonly kind: PaymentMethodKind;
  readonly terms: 'charged-immediately' | 'net-terms';
  /** The payment provider's charge, when the ledger charged it itself (auto-renewal). */
  readonly chargeId?: string;
}

export interface InvoiceRecord {
  readonly invoiceId: string;
  readonly invoiceNumber: string;
  readonly reason: InvoiceReason;
  readonly issuedAt: Instant;
  readonly issuedTo: InvoiceOwner;
  readonly channel: SalesChannel;
  readonly currency: CurrencyCode;
  readonly total: string;
}

/** One entry of the invoice-owner history ("who was the invoice owner at date D"). */
export interface InvoiceOwnership {
  readonly owner: InvoiceOwner;
  readonly channel: SalesChannel;
  readonly from: Instant;
}
