import { CurrencyCode } from '../../money/currency';
import { DomainEvent } from '../../shared/decider';
import { Instant } from '../../shared/types';
import { SubscriptionEvent } from '../events';
import { InvoiceOwner, PaymentMethodFacts, PlanTerms } from '../terms';

/** The next term end the setting applies to is `termEnd` (the charge date while it is on). */
export type AutoRenewalChanged = DomainEvent<
  'AutoRenewalChanged',
  {
    readonly subscriptionId: string;
    readonly enabled: boolean;
    readonly termEnd: Instant;
    readonly changedAt: Instant;
  }
>;

/** What renewing costs on the terms in force: the renewal quote, as the invoice will state it. */
export interface RenewalPriceFacts {
  readonly plan: PlanTerms;
  readonly seats: number;
  readonly unitPrice: string;
  readonly currency: CurrencyCode;
  readonly periodStart: Instant;
  readonly periodEnd: Instant;
  readonly total: string;
}

/** Recorded once per term end and distance (30, 7 days): the reminder mail follows from it. */
export type RenewalReminded = DomainEvent<
  'RenewalReminded',
  {
    readonly subscriptionId: string;
    readonly organizationId: string;
    readonly organizationName: string;
    readonly termEnd: Instant;
    readonly daysBefore: number;
    /** Rule 7: reminded is whoever the renewal invoice will go to. */
    readonly invoiceOwner: InvoiceOwner;
    readonly autoRenewal: boolean;
    /** null when the plan is no longer sold (it cannot be renewed as it is). */
    readonly renewal: RenewalPriceFacts | null;
    readonly remindedAt: Instant;
  }
>;

/** A renewal charge that did not go through, and when the next attempt is (dunning). */
export type RenewalChargeFailed = DomainEvent<
  'RenewalChargeFailed',
  {
    readonly subscriptionId: string;
    readonly organizationId: string;
    readonly organizationName: string;
    readonly termEnd: Instant;
    /** 1 for the charge at term end, then 2, 3, … for the retries. */
    readonly attempt: number;
    /** What was (or would have been) charged; null when the renewal could not even be priced. */
    readonly amount: string | null;
    readonly currency: CurrencyCode;
    readonly paymentMethod: PaymentMethodFacts | null;
    readonly declineCode: string;
    readonly reason: string;
    readonly invoiceOwner: InvoiceOwner;
    readonly failedAt: Instant;
    /** null after the last attempt: the subscription lapses (SubscriptionExpired, reason payment-failed). */
    readonly nextAttemptAt: Instant | null;
  }
>;

/**
 * Events of the renewal side of a subscription (the setting, reminders, dunning). A union of
 * their own, so read models that enumerate the product's subscription events opt in to them.
 */
export type SubscriptionRenewalEvent = AutoRenewalChanged | RenewalReminded | RenewalChargeFailed;

/** Everything a subscription stream may hold. */
export type SubscriptionStreamEvent = SubscriptionEvent | SubscriptionRenewalEvent;
