import type { LicenseEvent, OrganizationEvent, SubscriptionEvent } from '@channel-ledger/domain';
import type { RecordedEvent } from '@channel-ledger/event-store';
import { defineProjection } from '../engine/projection';
import { customerViewCollections } from './collections';
import { applyLicenseEvent } from './licenses';
import { applyOfferAndSearchEvent } from './offers-and-search';
import { applyOrganizationEvent } from './organizations';
import { applySubscriptionEvent } from './subscriptions';

type Typed<E extends { type: string }> = { [K in E['type']]: true };

// ContactChangeRequested/Rejected and InvoiceIssued are deliberately not handled (reseller business).
const ORGANIZATION_EVENTS: Partial<Typed<OrganizationEvent>> = {
  CustomerOrganizationCreated: true,
  CompanyDetailsChanged: true,
  OwnershipTransferInitiated: true,
  OwnershipTransferAccepted: true,
  OwnershipTransferExpired: true,
  OwnershipTransferCancelled: true,
  AdministratorInvited: true,
  AdministratorInvitationAccepted: true,
  ContactChanged: true,
};
const SUBSCRIPTION_EVENTS: Partial<Typed<SubscriptionEvent>> = {
  SubscriptionPurchased: true,
  DirectPurchaseRecorded: true,
  SeatsPurchased: true,
  PlanChanged: true,
  SeatAssigned: true,
  SeatUnassigned: true,
  SubscriptionRenewed: true,
  SubscriptionCancelled: true,
  SubscriptionExpired: true,
  InvoiceOwnerChanged: true,
};
const LICENSE_EVENTS: Typed<LicenseEvent> = { LicenseIssued: true, LicenseDelivered: true, LicenseRevoked: true };

function asDomain<E>(event: RecordedEvent): E {
  return { type: event.type, data: event.data } as unknown as E;
}

/**
 * `customer-view`: per organization, the customer's read-only view (rule 8) — its details,
 * owner, administrators, contacts, subscriptions and licenses, and whom to ask for changes.
 * Pure; never carries prices, amounts, invoices or payment methods.
 */
export const customerViewProjection = defineProjection({
  name: 'customer-view',
  // v2: customer_ownership_offers and customer_search_keys (a customer's open offers, support's search).
  // v3: contact addresses in customer_search_keys are keyed hashes (email-lookup.ts).
  version: 3,
  collections: customerViewCollections,
  handles: [ORGANIZATION_EVENTS, SUBSCRIPTION_EVENTS, LICENSE_EVENTS].flatMap((types) => Object.keys(types)),
  async apply(event, view) {
    if (Object.hasOwn(ORGANIZATION_EVENTS, event.type)) {
      const organizationEvent = asDomain<OrganizationEvent>(event);
      return [...(await applyOrganizationEvent(organizationEvent, view)), ...applyOfferAndSearchEvent(organizationEvent)];
    }
    if (Object.hasOwn(SUBSCRIPTION_EVENTS, event.type)) return applySubscriptionEvent(asDomain<SubscriptionEvent>(event), view);
    if (Object.hasOwn(LICENSE_EVENTS, event.type)) return applyLicenseEvent(asDomain<LicenseEvent>(event), view);
    return [];
  },
});
