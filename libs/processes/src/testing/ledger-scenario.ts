import {
  CommandEnvelope,
  CommandPipeline,
  createCustomerOrganization,
  grantIssuanceRight,
  initiateOwnershipTransfer,
  issueLicense,
  LedgerContext,
  publishPlan,
  purchaseSubscription,
  setAutoRenewal,
} from '@channel-ledger/application';
import { resellerDecider, resellerStream } from '@channel-ledger/domain';
import { Actor, EventStore } from '@channel-ledger/event-store';

export const DAY_MS = 86_400_000;
export const plus = (instant: string, days: number, hours = 0) =>
  new Date(Date.parse(instant) + days * DAY_MS + hours * 3_600_000).toISOString();

/** A clock tests move by hand (the sandbox TestClock's role in a library test). */
export class ManualClock {
  constructor(private at: Date) {}
  now(): Date {
    return new Date(this.at);
  }
  setTo(instant: string): void {
    this.at = new Date(instant);
  }
}

/**
 * Builds a ledger's history through the real use cases, at chosen business times, with command
 * ids derived from a name: the same scenario written to two logs gives the same event ids.
 */
export class LedgerScenario {
  readonly ledger: LedgerContext;
  readonly vendorId = 'vendor-1';
  readonly planId = 'gitlens-pro';

  constructor(readonly store: EventStore) {
    this.ledger = new LedgerContext(store, new CommandPipeline(store));
  }

  envelope(actor: Actor, at: string, name: string): CommandEnvelope {
    const commandId = `scenario-${name}`;
    return { commandId, correlationId: commandId, causationId: commandId, actor, onBehalfOf: null, occurredAt: at };
  }

  async catalog(at: string): Promise<void> {
    await publishPlan(this.ledger, this.envelope({ kind: 'vendor-admin', id: this.vendorId }, at, 'catalog'), {
      vendorId: this.vendorId,
      planId: this.planId,
      product: 'GitLens',
      tier: 'pro',
      currency: 'USD',
      prices: { annual: '96.00', monthly: '10.00' },
    });
  }

  /** A verified reseller with one card, its default; label it "… decline" to have the sandbox decline it. */
  async reseller(resellerId: string, at: string, card: { id: string; label: string }): Promise<void> {
    const actor: Actor = { kind: 'reseller', id: resellerId };
    const run = (type: string, extra: object, name: string) =>
      this.ledger.pipeline.execute({
        streamId: resellerStream(resellerId),
        decider: resellerDecider,
        envelope: this.envelope(actor, at, `${resellerId}-${name}`),
        command: { type, resellerId, now: at, actor, ...extra } as never,
      });
    await run(
      'RegisterReseller',
      {
        companyName: `${resellerId} Resale`,
        email: `sales@${resellerId}.example`,
        partnerKind: 'reseller',
        verificationTokenHash: 'a'.repeat(64),
      },
      'register',
    );
    await run('VerifyResellerEmail', { verificationTokenHash: 'a'.repeat(64) }, 'verify');
    await run('AddPaymentMethod', { paymentMethodId: card.id, kind: 'card', label: card.label }, `card-${card.id}`);
  }

  async organization(organizationId: string, resellerId: string, at: string): Promise<void> {
    await createCustomerOrganization(this.ledger, this.envelope({ kind: 'reseller', id: resellerId }, at, `org-${organizationId}`), {
      organizationId,
      vendorId: this.vendorId,
      name: `Org ${organizationId}`,
      customerContactEmail: `it@${organizationId}.example`,
    });
  }

  async offer(organizationId: string, resellerId: string, transferId: string, at: string): Promise<void> {
    await initiateOwnershipTransfer(this.ledger, this.envelope({ kind: 'reseller', id: resellerId }, at, `offer-${transferId}`), {
      organizationId,
      transferId,
      toEmail: `owner@${organizationId}.example`,
    });
  }

  async subscription(
    subscriptionId: string,
    organizationId: string,
    resellerId: string,
    at: string,
    options: { billingPeriod?: 'annual' | 'monthly'; seats?: number; autoRenewal?: boolean } = {},
  ): Promise<void> {
    const reseller: Actor = { kind: 'reseller', id: resellerId };
    await purchaseSubscription(this.ledger, this.envelope(reseller, at, `purchase-${subscriptionId}`), {
      subscriptionId,
      invoiceId: `inv-${subscriptionId}`,
      organizationId,
      planId: this.planId,
      billingPeriod: options.billingPeriod ?? 'annual',
      seats: options.seats ?? 5,
      customerContactEmail: `it@${organizationId}.example`,
    });
    if (options.autoRenewal) {
      await setAutoRenewal(this.ledger, this.envelope(reseller, at, `auto-renewal-${subscriptionId}`), { subscriptionId, enabled: true });
    }
  }

  async right(
    rightId: string,
    resellerId: string,
    at: string,
    expiresAt: string,
    licenseId?: string,
    organizationId?: string,
  ): Promise<void> {
    await grantIssuanceRight(this.ledger, this.envelope({ kind: 'vendor-admin', id: this.vendorId }, at, `grant-${rightId}`), {
      rightId,
      vendorId: this.vendorId,
      resellerId,
      licenseTemplateId: 'tpl-pro',
      maxLicenses: 3,
      expiresAt,
      nfr: false,
    });
    if (licenseId) {
      await issueLicense(this.ledger, this.envelope({ kind: 'reseller', id: resellerId }, at, `license-${licenseId}`), {
        licenseId,
        rightId,
        organizationId: organizationId ?? null,
      });
    }
  }
}
