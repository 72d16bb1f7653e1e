import type { IssuanceRightEvent, LicenseEvent, OrganizationEvent, SubscriptionEvent } from '@channel-ledger/domain';
import type { RecordedEvent } from '@channel-ledger/event-store';
import { defineProjection } from '../engine/projection';
import { resellerViewCollections } from './collections';
import { applyOrganizationEvent } from './customers';
import { applyIssuanceRightEvent, applyLicenseEvent } from './issuance';
import { applySubscriptionEvent } from './subscriptions';

type Typed<E extends { type: string }> = { [K in E['type']]: true };

const ORGANIZATION_EVENTS: Typed<OrganizationEvent> = {
  CustomerOrganizationCreated: true,
  CompanyDetailsChanged: true,
  OrganizationSettingsChanged: true,
  OwnershipTransferInitiated: true,
  OwnershipTransferAccepted: true,
  OwnershipTransferExpired: true,
  OwnershipTransferCancelled: true,
  AdministratorInvited: true,
  AdministratorInvitationAccepted: true,
  ContactChangeRequested: true,
  ContactChangeRejected: true,
  ContactChanged: true,
};
/** Invoices and direct purchases are not part of this view (the subscription handler ignores them). */
const SUBSCRIPTION_EVENTS: Partial<Typed<SubscriptionEvent>> = {
  SubscriptionPurchased: true,
  SeatsPurchased: true,
  PlanChanged: true,
  SeatAssigned: true,
  SeatUnassigned: true,
  SubscriptionRenewed: true,
  SubscriptionCancelled: true,
  SubscriptionExpired: true,
  InvoiceOwnerChanged: true,
};
const ISSUANCE_RIGHT_EVENTS: Typed<IssuanceRightEvent> = {
  IssuanceRightGranted: true,
  IssuanceRightBlocked: true,
  IssuanceRightExtended: true,
  IssuanceRightConsumed: true,
};
const LICENSE_EVENTS: Typed<LicenseEvent> = { LicenseIssued: true, LicenseDelivered: true, LicenseRevoked: true };

/** The stored data is the domain event's data (JSON); the type names which one. */
function asDomain<E>(event: RecordedEvent): E {
  return { type: event.type, data: event.data } as unknown as E;
}

/**
 * `reseller-view`: per reseller, its customers and their subscriptions, its issuance rights and
 * the licenses it issued. Pure: every value comes from the events (no clock), so anything
 * time-dependent (a transfer or right that has lapsed) is decided by the read helpers.
 */
export const resellerViewProjection = defineProjection({
  name: 'reseller-view',
  // 2: customers searchable by name prefix and ownership, renewals of one customer by date.
  version: 2,
  collections: resellerViewCollections,
  handles: [ORGANIZATION_EVENTS, SUBSCRIPTION_EVENTS, ISSUANCE_RIGHT_EVENTS, LICENSE_EVENTS].flatMap((types) => Object.keys(types)),
  async apply(event, view) {
    if (Object.hasOwn(ORGANIZATION_EVENTS, event.type)) return applyOrganizationEvent(asDomain<OrganizationEvent>(event), view);
    if (Object.hasOwn(SUBSCRIPTION_EVENTS, event.type)) return applySubscriptionEvent(asDomain<SubscriptionEvent>(event), view);
    if (Object.hasOwn(ISSUANCE_RIGHT_EVENTS, event.type)) return applyIssuanceRightEvent(asDomain<IssuanceRightEvent>(event), view);
    if (Object.hasOwn(LICENSE_EVENTS, event.type)) return applyLicenseEvent(asDomain<LicenseEvent>(event), view);
    return [];
  },
});
