import type { InvoiceIssued, LicenseEvent, OrganizationEvent, SubscriptionEvent } from '@channel-ledger/domain';
import type { AuditActor, LicenseSubject, OrganizationSubject, SubscriptionSubject } from '../documents';

/** Every event type that has a describer of its own; anything else gets the fallback. */
export type AuditedEvent = SubscriptionEvent | OrganizationEvent | LicenseEvent;
export type AuditedEventType = AuditedEvent['type'];
export type EventData<T extends AuditedEventType> = Extract<AuditedEvent, { type: T }>['data'];

/**
 * What a describer may know besides the event's own data: facts remembered from earlier events,
 * as they were just before this event. Describers are pure and never fail on a missing fact:
 * they fall back to ids.
 */
export interface DescribeContext {
  readonly type: string;
  readonly streamId: string;
  readonly actor: AuditActor;
  readonly subscription: SubscriptionSubject | null;
  readonly organization: OrganizationSubject | null;
  readonly license: LicenseSubject | null;
  /** The company name of a reseller seen earlier in the log, else its id. */
  resellerName(resellerId: string): string;
  /**
   * The invoice issued by the same command, once it has been applied: SeatsPurchased and
   * PlanChanged are re-described with their price then (the invoice follows them in the stream).
   */
  readonly invoice: InvoiceIssued['data'] | null;
}

export type Describer<T extends AuditedEventType> = (data: EventData<T>, context: DescribeContext) => string;
