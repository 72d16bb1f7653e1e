import { PlanPrice } from '../../catalog/plan';
import { CurrencyCode } from '../../money/currency';
import { Actor, Instant, ResellerFacts } from '../../shared/types';
import { PaymentMethodFacts } from '../terms';

interface RenewalCommandBase {
  readonly subscriptionId: string;
  readonly now: Instant;
  readonly actor: Actor;
}

/** The invoice owner (or support) turns charging the renewal at term end on or off. */
export interface SetAutoRenewal extends RenewalCommandBase {
  readonly type: 'SetAutoRenewal';
  readonly enabled: boolean;
  readonly context: { readonly reseller?: ResellerFacts | null };
}

/**
 * Sent by the reminders process `daysBefore` days before the paid time ends (`termEnd`). Harmless
 * to repeat: a reminder already recorded for that term end and distance records nothing.
 */
export interface RemindRenewal extends RenewalCommandBase {
  readonly type: 'RemindRenewal';
  readonly termEnd: Instant;
  readonly daysBefore: number;
  /** Today's catalog price of the plan renewed on; null when it is no longer sold. */
  readonly context: { readonly plan: PlanPrice | null };
}

/**
 * What the payment provider answered for a renewal charge (the caller charges, then sends the
 * answer here, so the decision records exactly what happened to the money).
 */
export type RenewalCharge =
  | { readonly status: 'approved'; readonly chargeId: string; readonly amount: string; readonly currency: CurrencyCode }
  /** Net terms (Enterprise on invoice, rule 6): nothing is charged now, the invoice is payable later. */
  | { readonly status: 'net-terms' }
  | {
      readonly status: 'declined';
      /** Stable, kebab-case: `card-declined`, `no-payment-method`, `plan-retired`, ... */
      readonly code: string;
      /** A sentence a person understands. */
      readonly reason: string;
    };

/**
 * Sent by the renewal process at term end, and again at each dunning retry: renews on the price
 * and seats in force when the charge was approved, records the decline otherwise.
 */
export interface ChargeRenewal extends RenewalCommandBase {
  readonly type: 'ChargeRenewal';
  readonly invoiceId: string;
  /** The end of the paid time this charge renews; a subscription already renewed past it records nothing. */
  readonly termEnd: Instant;
  readonly context: {
    /** Today's catalog price of the plan renewed on; null when it is no longer sold. */
    readonly plan: PlanPrice | null;
    /** The method charged (the invoice owner's default); null when there is none. */
    readonly paymentMethod: PaymentMethodFacts | null;
    readonly charge: RenewalCharge;
  };
}

export type SubscriptionRenewalCommand = SetAutoRenewal | RemindRenewal | ChargeRenewal;
