import { PlanPrice } from '../catalog/plan';
import { Actor, Email, Instant, ResellerFacts } from '../shared/types';
import { CustomerOrganizationFacts, PaymentMethodFacts, SalesChannel } from './terms';

interface SubscriptionCommandBase {
  readonly subscriptionId: string;
  readonly now: Instant;
  readonly actor: Actor;
}

/** Present whenever the actor is a reseller, so rule 1 can be checked on every command. */
interface ActingResellerContext {
  readonly reseller?: ResellerFacts | null;
}

export interface PurchaseSubscription extends SubscriptionCommandBase {
  readonly type: 'PurchaseSubscription';
  readonly invoiceId: string;
  readonly seats: number;
  /** Rule 2: a purchase for someone else names the customer's contact. */
  readonly customerContactEmail: Email;
  readonly context: {
    readonly reseller: ResellerFacts | null;
    readonly organization: CustomerOrganizationFacts;
    /** From the catalog: `planPrice(catalog, planId, period)`. */
    readonly plan: PlanPrice;
    readonly paymentMethod: PaymentMethodFacts;
  };
}

export interface AddSeats extends SubscriptionCommandBase {
  readonly type: 'AddSeats';
  readonly invoiceId: string;
  /** How many seats to add (not the new total). */
  readonly seats: number;
  readonly context: ActingResellerContext & { readonly paymentMethod?: PaymentMethodFacts };
}

export interface ChangePlan extends SubscriptionCommandBase {
  readonly type: 'ChangePlan';
  readonly invoiceId: string;
  readonly context: ActingResellerContext & {
    /** The target plan at today's catalog price, same billing period and currency. */
    readonly plan: PlanPrice;
    readonly paymentMethod?: PaymentMethodFacts;
  };
}

export interface AssignSeat extends SubscriptionCommandBase {
  readonly type: 'AssignSeat';
  readonly email: Email;
  readonly context: ActingResellerContext;
}

export interface UnassignSeat extends SubscriptionCommandBase {
  readonly type: 'UnassignSeat';
  readonly email: Email;
  readonly context: ActingResellerContext;
}

export interface RenewSubscription extends SubscriptionCommandBase {
  readonly type: 'RenewSubscription';
  readonly invoiceId: string;
  /** Seats for the next period; defaults to the current count. Fewer seats take effect only here. */
  readonly seats?: number;
  readonly context: ActingResellerContext & {
    /** The plan to renew on at today's price: the current plan, or another one (a downgrade happens here). */
    readonly plan: PlanPrice;
    readonly paymentMethod?: PaymentMethodFacts;
  };
}

export interface CancelSubscription extends SubscriptionCommandBase {
  readonly type: 'CancelSubscription';
  readonly reason?: string;
  readonly context: ActingResellerContext;
}

/** Sent by a sweeper; safe to send any number of times. */
export interface ExpireSubscription extends SubscriptionCommandBase {
  readonly type: 'ExpireSubscription';
}

/** Rule 11: a customer who renews directly with the vendor starts a new subscription. */
export interface RecordDirectPurchase extends SubscriptionCommandBase {
  readonly type: 'RecordDirectPurchase';
  readonly invoiceId: string;
  readonly seats: number;
  readonly billingContactEmail: Email;
  readonly previousResellerSubscriptionId: string;
  readonly context: {
    readonly organization: CustomerOrganizationFacts;
    readonly plan: PlanPrice;
    readonly paymentMethod: PaymentMethodFacts;
    /** From the old stream, via `predecessorFacts(state)`. */
    readonly previousSubscription: {
      readonly subscriptionId: string;
      readonly organizationId: string;
      readonly channel: SalesChannel;
    };
  };
}

/** A support decision: invoices go to someone else from `effectiveAt` on. */
export interface ChangeInvoiceOwner extends SubscriptionCommandBase {
  readonly type: 'ChangeInvoiceOwner';
  readonly effectiveAt: Instant;
  readonly reason: string;
  readonly newOwner:
    | { readonly kind: 'reseller'; readonly reseller: ResellerFacts }
    | { readonly kind: 'organization'; readonly billingContactEmail: Email };
}

export type SubscriptionCommand =
  | PurchaseSubscription
  | AddSeats
  | ChangePlan
  | AssignSeat
  | UnassignSeat
  | RenewSubscription
  | CancelSubscription
  | ExpireSubscription
  | RecordDirectPurchase
  | ChangeInvoiceOwner;
