import { BillingPeriod } from '../money/billing-period';
import { CurrencyCode } from '../money/currency';
import { InvoiceLine } from '../money/invoice-line';
import { DomainEvent } from '../shared/decider';
import { Email, Instant } from '../shared/types';
import { InvoiceOwner, InvoicePayment, InvoiceReason, PaymentMethodFacts, PlanTerms, SalesChannel } from './terms';

/** The terms a subscription starts on; shared by reseller and direct purchases. */
export interface OpeningTerms {
  readonly subscriptionId: string;
  readonly vendorId: string;
  readonly organizationId: string;
  readonly organizationName: string;
  readonly channel: SalesChannel;
  readonly invoiceOwner: InvoiceOwner;
  readonly plan: PlanTerms;
  readonly billingPeriod: BillingPeriod;
  readonly currency: CurrencyCode;
  readonly unitPrice: string;
  readonly seats: number;
  /** Every later period and proration is computed from this instant (rule 4). */
  readonly billingAnchor: Instant;
  readonly periodStart: Instant;
  readonly periodEnd: Instant;
  readonly paymentMethod: PaymentMethodFacts;
  readonly purchasedAt: Instant;
}

export type SubscriptionPurchased = DomainEvent<
  'SubscriptionPurchased',
  OpeningTerms & {
    readonly channel: 'reseller' | 'marketplace';
    readonly resellerId: string;
    readonly resellerName: string;
    /** Rule 2: who the organization will be offered to. */
    readonly customerContactEmail: Email;
  }
>;

export type DirectPurchaseRecorded = DomainEvent<
  'DirectPurchaseRecorded',
  OpeningTerms & {
    readonly channel: 'direct';
    /** Audit link only: nothing (seats, term) was carried over from it (rule 11). */
    readonly previousResellerSubscriptionId: string;
    readonly billingContactEmail: Email;
  }
>;

export type SeatsPurchased = DomainEvent<
  'SeatsPurchased',
  {
    readonly subscriptionId: string;
    readonly seatsAdded: number;
    readonly seatsBefore: number;
    readonly seatsAfter: number;
    /** Immediate (rule 4); the prorated charge is on the invoice. */
    readonly effectiveAt: Instant;
    readonly invoiceId: string;
  }
>;

export type PlanChanged = DomainEvent<
  'PlanChanged',
  {
    readonly subscriptionId: string;
    readonly from: PlanTerms & { readonly unitPrice: string };
    readonly to: PlanTerms & { readonly unitPrice: string };
    readonly seats: number;
    readonly effectiveAt: Instant;
    readonly invoiceId: string;
  }
>;

export type SeatAssigned = DomainEvent<
  'SeatAssigned',
  {
    readonly subscriptionId: string;
    readonly email: Email;
    readonly assignedAt: Instant;
  }
>;

export type SeatUnassigned = DomainEvent<
  'SeatUnassigned',
  {
    readonly subscriptionId: string;
    readonly email: Email;
    readonly unassignedAt: Instant;
  }
>;

export type SubscriptionRenewed = DomainEvent<
  'SubscriptionRenewed',
  {
    readonly subscriptionId: string;
    readonly periodIndex: number;
    readonly periodStart: Instant;
    readonly periodEnd: Instant;
    readonly plan: PlanTerms;
    readonly unitPrice: string;
    readonly seats: number;
    readonly currency: CurrencyCode;
    readonly renewedAt: Instant;
    readonly invoiceId: string;
  }
>;

export type SubscriptionCancelled = DomainEvent<
  'SubscriptionCancelled',
  {
    readonly subscriptionId: string;
    readonly cancelledAt: Instant;
    /** Always the end of the last paid period: what is paid for stays usable, nothing is refunded. */
    readonly effectiveAt: Instant;
    readonly reason: string | null;
  }
>;

export type SubscriptionExpired = DomainEvent<
  'SubscriptionExpired',
  {
    readonly subscriptionId: string;
    /** The end of the last paid period, not when the sweep happened to run. */
    readonly expiredAt: Instant;
    readonly sweptAt: Instant;
    /** `payment-failed`: the renewal charge was declined through the whole dunning schedule (a lapse). */
    readonly reason: 'cancelled' | 'not-renewed' | 'payment-failed';
  }
>;

export type InvoiceIssued = DomainEvent<
  'InvoiceIssued',
  {
    readonly invoiceId: string;
    /** `<subscriptionId>-<n>`, n counting this subscription's invoices from 1. */
    readonly invoiceNumber: string;
    readonly subscriptionId: string;
    readonly reason: InvoiceReason;
    readonly issuedAt: Instant;
    /** Rule 7: the invoice owner; for a reseller purchase the reseller, never the customer. */
    readonly issuedTo: InvoiceOwner;
    readonly channel: SalesChannel;
    readonly currency: CurrencyCode;
    readonly lines: readonly InvoiceLine[];
    readonly total: string;
    readonly payment: InvoicePayment;
  }
>;

export type InvoiceOwnerChanged = DomainEvent<
  'InvoiceOwnerChanged',
  {
    readonly subscriptionId: string;
    readonly from: InvoiceOwner;
    readonly fromChannel: SalesChannel;
    readonly to: InvoiceOwner;
    readonly toChannel: SalesChannel;
    readonly effectiveAt: Instant;
    readonly reason: string;
    readonly recordedAt: Instant;
  }
>;

export type SubscriptionEvent =
  | SubscriptionPurchased
  | DirectPurchaseRecorded
  | SeatsPurchased
  | PlanChanged
  | SeatAssigned
  | SeatUnassigned
  | SubscriptionRenewed
  | SubscriptionCancelled
  | SubscriptionExpired
  | InvoiceIssued
  | InvoiceOwnerChanged;
