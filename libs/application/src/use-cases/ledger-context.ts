import {
  catalogDecider,
  catalogStream,
  IssuanceRightFacts,
  issuanceRightDecider,
  issuanceRightFacts,
  issuanceRightStream,
  licenseDecider,
  LicenseState,
  licenseStream,
  OrganizationFacts,
  organizationDecider,
  organizationFacts,
  organizationStream,
  ResellerFacts,
  resellerDecider,
  resellerFacts,
  resellerStream,
  subscriptionDecider,
  subscriptionStream,
  paymentMethodFacts,
  CatalogState,
  OrganizationState,
  ResellerState,
  SubscriptionState,
} from '@channel-ledger/domain';
import { Actor, EventStore } from '@channel-ledger/event-store';
import { CommandPipeline } from '../pipeline/command-pipeline';
import { loadState } from '../pipeline/load-state';

/**
 * Reads the facts one decider needs from other streams. Deciders never read streams
 * themselves; these loaders are the only place where one aggregate looks at another.
 */
export class LedgerContext {
  constructor(
    readonly store: EventStore,
    readonly pipeline: CommandPipeline,
  ) {}

  resellerState(resellerId: string): Promise<ResellerState> {
    return loadState(this.store, resellerStream(resellerId), resellerDecider);
  }

  /** The acting reseller's facts, or null when the actor is not a reseller (the deciders refuse then). */
  async actingReseller(actor: Actor): Promise<ResellerFacts | null> {
    return actor.kind === 'reseller' ? resellerFacts(await this.resellerState(actor.id)) : null;
  }

  async resellerPaymentMethod(resellerId: string, paymentMethodId?: string) {
    return paymentMethodFacts(await this.resellerState(resellerId), paymentMethodId);
  }

  catalog(vendorId: string): Promise<CatalogState> {
    return loadState(this.store, catalogStream(vendorId), catalogDecider);
  }

  organizationState(organizationId: string): Promise<OrganizationState> {
    return loadState(this.store, organizationStream(organizationId), organizationDecider);
  }

  async organization(organizationId: string): Promise<OrganizationFacts | null> {
    return organizationFacts(await this.organizationState(organizationId));
  }

  subscription(subscriptionId: string): Promise<SubscriptionState> {
    return loadState(this.store, subscriptionStream(subscriptionId), subscriptionDecider);
  }

  async issuanceRight(rightId: string): Promise<IssuanceRightFacts | null> {
    return issuanceRightFacts(await loadState(this.store, issuanceRightStream(rightId), issuanceRightDecider));
  }

  license(licenseId: string): Promise<LicenseState> {
    return loadState(this.store, licenseStream(licenseId), licenseDecider);
  }
}
