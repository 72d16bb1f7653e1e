import type { JsonObject } from '@channel-ledger/read-store';
import type { AuditedEventType, DescribeContext, Describer } from './context';
import { describeUnknownEvent } from './fallback';
import { describeLicenseDelivered } from './license/license-delivered';
import { describeLicenseIssued } from './license/license-issued';
import { describeLicenseRevoked } from './license/license-revoked';
import { describeAdministratorInvitationAccepted } from './organization/administrator-invitation-accepted';
import { describeAdministratorInvited } from './organization/administrator-invited';
import { describeCompanyDetailsChanged } from './organization/company-details-changed';
import { describeContactChangeRejected } from './organization/contact-change-rejected';
import { describeContactChangeRequested } from './organization/contact-change-requested';
import { describeContactChanged } from './organization/contact-changed';
import { describeCustomerOrganizationCreated } from './organization/customer-organization-created';
import { describeOrganizationSettingsChanged } from './organization/organization-settings-changed';
import { describeOwnershipTransferAccepted } from './organization/ownership-transfer-accepted';
import { describeOwnershipTransferCancelled } from './organization/ownership-transfer-cancelled';
import { describeOwnershipTransferExpired } from './organization/ownership-transfer-expired';
import { describeOwnershipTransferInitiated } from './organization/ownership-transfer-initiated';
import { describeDirectPurchaseRecorded } from './subscription/direct-purchase-recorded';
import { describeInvoiceIssued } from './subscription/invoice-issued';
import { describeInvoiceOwnerChanged } from './subscription/invoice-owner-changed';
import { describePlanChanged } from './subscription/plan-changed';
import { describeSeatAssigned } from './subscription/seat-assigned';
import { describeSeatUnassigned } from './subscription/seat-unassigned';
import { describeSeatsPurchased } from './subscription/seats-purchased';
import { describeSubscriptionCancelled } from './subscription/subscription-cancelled';
import { describeSubscriptionExpired } from './subscription/subscription-expired';
import { describeSubscriptionPurchased } from './subscription/subscription-purchased';
import { describeSubscriptionRenewed } from './subscription/subscription-renewed';

export type { DescribeContext } from './context';

/**
 * One describer per domain event type. The mapped type makes this exhaustive: when the domain
 * adds an event to a union, tsc points here until it gets its sentence.
 */
const DESCRIBERS: { [T in AuditedEventType]: Describer<T> } = {
  SubscriptionPurchased: describeSubscriptionPurchased,
  DirectPurchaseRecorded: describeDirectPurchaseRecorded,
  SeatsPurchased: describeSeatsPurchased,
  PlanChanged: describePlanChanged,
  SeatAssigned: describeSeatAssigned,
  SeatUnassigned: describeSeatUnassigned,
  SubscriptionRenewed: describeSubscriptionRenewed,
  SubscriptionCancelled: describeSubscriptionCancelled,
  SubscriptionExpired: describeSubscriptionExpired,
  InvoiceIssued: describeInvoiceIssued,
  InvoiceOwnerChanged: describeInvoiceOwnerChanged,
  CustomerOrganizationCreated: describeCustomerOrganizationCreated,
  CompanyDetailsChanged: describeCompanyDetailsChanged,
  OrganizationSettingsChanged: describeOrganizationSettingsChanged,
  OwnershipTransferInitiated: describeOwnershipTransferInitiated,
  OwnershipTransferAccepted: describeOwnershipTransferAccepted,
  OwnershipTransferExpired: describeOwnershipTransferExpired,
  OwnershipTransferCancelled: describeOwnershipTransferCancelled,
  AdministratorInvited: describeAdministratorInvited,
  AdministratorInvitationAccepted: describeAdministratorInvitationAccepted,
  ContactChangeRequested: describeContactChangeRequested,
  ContactChangeRejected: describeContactChangeRejected,
  ContactChanged: describeContactChanged,
  LicenseIssued: describeLicenseIssued,
  LicenseDelivered: describeLicenseDelivered,
  LicenseRevoked: describeLicenseRevoked,
};

function isDescribed(type: string): type is AuditedEventType {
  return Object.prototype.hasOwnProperty.call(DESCRIBERS, type);
}

/**
 * The one-line description of an event. A describer that throws on data of an older or newer
 * shape than it expects must not stop the trail: the fallback sentence is used instead.
 */
export function describeEvent(data: JsonObject, context: DescribeContext): string {
  if (!isDescribed(context.type)) return describeUnknownEvent(context);
  const describer = DESCRIBERS[context.type] as Describer<AuditedEventType>;
  try {
    return describer(data as never, context);
  } catch {
    return describeUnknownEvent(context);
  }
}
