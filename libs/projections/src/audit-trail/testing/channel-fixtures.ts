/*
 * Test-only builders shared by the audit-trail and reporting specs. Subscription events come from
 * the real subscription decider (so prices, proration and invoices are the domain's own); the
 * other events are written against the domain's event types. Everything is recorded through the
 * projections' RecordedLog so positions and revisions follow the log.
 */
import {
  CustomerOrganizationFacts,
  DomainEvent,
  fold,
  isViolation,
  PlanPrice,
  ResellerFacts,
  SubscriptionCommand,
  subscriptionDecider,
  SubscriptionEvent,
} from '@channel-ledger/domain';
import type { Actor, EventMetadata, RecordedEvent } from '@channel-ledger/event-store';
import { RecordedLog } from '../../testing/recorded';

export const utc = (date: string): string => `${date}T00:00:00.000Z`;

export const acme: ResellerFacts = {
  resellerId: 'acme',
  companyName: 'Acme Resale',
  email: 'sales@acme.example',
  emailVerified: true,
  partnerKind: 'reseller',
};
export const tokyoSoft: ResellerFacts = {
  resellerId: 'tokyo-soft',
  companyName: 'Tokyo Soft KK',
  email: 'sales@tokyosoft.example',
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

export const organization = (
  organizationId: string,
  name: string,
  reseller: ResellerFacts,
  vendorId = 'gitkraken',
): CustomerOrganizationFacts => ({
  organizationId,
  vendorId,
  name,
  managedByResellerId: reseller.resellerId,
});

export const plan = (
  tier: PlanPrice['tier'],
  unitPrice: string,
  currency = 'USD',
  billingPeriod: PlanPrice['billingPeriod'] = 'annual',
  vendorId = 'gitkraken',
): PlanPrice => ({
  vendorId,
  planId: `gitlens-${tier}-${currency.toLowerCase()}`,
  product: 'GitLens',
  tier,
  currency,
  billingPeriod,
  unitPrice,
});

export const card = { id: 'pm-card', kind: 'card' as const };
export const asReseller = (reseller: ResellerFacts): Actor => ({ kind: 'reseller', id: reseller.resellerId });
export const support: Actor = { kind: 'support', id: 'agent-7' };

/** One subscription stream driven by the real decider: `decide` returns the new events or throws. */
export class SubscriptionHistory {
  readonly events: SubscriptionEvent[] = [];
  decide(command: SubscriptionCommand): SubscriptionEvent[] {
    const decision = subscriptionDecider.decide(command, fold(subscriptionDecider, this.events));
    if (isViolation(decision)) throw new Error(`fixture command refused: ${decision.code}: ${decision.message}`);
    this.events.push(...decision);
    return [...decision];
  }
}

/**
 * The log of a test: `record(stream, events, { at, actor })` records one command's events with
 * the same command/correlation id, occurredAt = `at` and recordedAt a second later.
 */
export class ChannelLog {
  readonly log = new RecordedLog();
  private commands = 0;

  get events(): RecordedEvent[] {
    return this.log.events;
  }

  record(
    streamId: string,
    events: readonly DomainEvent[],
    options: { at: string; actor: Actor; onBehalfOf?: Actor | null },
  ): RecordedEvent[] {
    const commandId = `cmd-${++this.commands}`;
    const metadata: Partial<EventMetadata> = {
      commandId,
      correlationId: commandId,
      causationId: commandId,
      actor: options.actor,
      onBehalfOf: options.onBehalfOf ?? null,
      occurredAt: options.at,
      recordedAt: new Date(Date.parse(options.at) + 1000).toISOString(),
    };
    return events.map((event, i) => this.log.append(streamId, event, { ...metadata, eventId: `${commandId}-${i}` }));
  }
}

export function purchaseCommand(options: {
  subscriptionId: string;
  reseller: ResellerFacts;
  organization: CustomerOrganizationFacts;
  plan: PlanPrice;
  seats: number;
  now: string;
  invoiceId?: string;
}): SubscriptionCommand {
  return {
    type: 'PurchaseSubscription',
    subscriptionId: options.subscriptionId,
    invoiceId: options.invoiceId ?? `${options.subscriptionId}-inv-1`,
    seats: options.seats,
    customerContactEmail: `it@${options.organization.name.toLowerCase().replace(/\W+/g, '')}.example`,
    now: options.now,
    actor: asReseller(options.reseller),
    context: { reseller: options.reseller, organization: options.organization, plan: options.plan, paymentMethod: card },
  };
}
