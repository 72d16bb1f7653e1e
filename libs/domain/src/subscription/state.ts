import { BillingPeriod } from '../money/billing-period';
import { CurrencyCode } from '../money/currency';
import { Email, Instant } from '../shared/types';
import { InvoiceOwnership, InvoiceRecord, PaidPeriod, PaymentMethodFacts, SalesChannel } from './terms';

/** What every subscription that exists knows, whatever its status. */
export interface SubscriptionRecord {
  readonly subscriptionId: string;
  readonly vendorId: string;
  readonly organizationId: string;
  readonly organizationName: string;
  /** The channel it was sold through; the current invoice owner is in `ownership`. */
  readonly origin: SalesChannel;
  /** The reseller that made the purchase, null for a direct purchase. */
  readonly resellerId: string | null;
  readonly customerContactEmail: Email | null;
  readonly previousResellerSubscriptionId: string | null;
  readonly currency: CurrencyCode;
  readonly billingPeriod: BillingPeriod;
  readonly billingAnchor: Instant;
  /** Paid periods in order; the last one is the latest paid (possibly renewed ahead). */
  readonly periods: readonly PaidPeriod[];
  readonly paymentMethod: PaymentMethodFacts;
  /** Invoice-owner history in effect order; never empty. */
  readonly ownership: readonly InvoiceOwnership[];
  readonly assignedSeats: readonly Email[];
  readonly invoices: readonly InvoiceRecord[];
  /** Charged at term end to the invoice owner's default payment method (AutoRenewalChanged); absent = off. */
  readonly autoRenewal?: boolean;
  /** Declined renewal charges for the term ending at `termEnd` while dunning retries run; cleared by a renewal. */
  readonly dunning?: DunningState | null;
  /** `<termEnd>|<daysBefore>` of every renewal reminder recorded, so each is recorded once. */
  readonly renewalReminders?: readonly string[];
}

export interface DunningState {
  readonly termEnd: Instant;
  readonly failedAttempts: number;
  readonly nextAttemptAt: Instant | null;
}

export type ActiveSubscription = SubscriptionRecord & { readonly status: 'active' };

export type CancelledSubscription = SubscriptionRecord & {
  readonly status: 'cancelled';
  readonly cancelledAt: Instant;
  readonly cancellationEffectiveAt: Instant;
};

export type ExpiredSubscription = SubscriptionRecord & {
  readonly status: 'expired';
  readonly expiredAt: Instant;
  readonly expiryReason: 'cancelled' | 'not-renewed' | 'payment-failed';
};

export type ExistingSubscription = ActiveSubscription | CancelledSubscription | ExpiredSubscription;

export type SubscriptionState = { readonly status: 'none' } | ExistingSubscription;

export const initialSubscriptionState: SubscriptionState = { status: 'none' };
