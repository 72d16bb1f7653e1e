import {
  AdministratorInvitationAccepted,
  AdministratorInvited,
  CompanyDetailsChanged,
  ContactChanged,
  ContactChangeRequested,
  CustomerOrganizationCreated,
  DirectPurchaseRecorded,
  InvoiceIssued,
  InvoiceOwnerChanged,
  IssuanceRightBlocked,
  IssuanceRightConsumed,
  IssuanceRightGranted,
  LicenseDelivered,
  LicenseIssued,
  LicenseRevoked,
  OrganizationSettingsChanged,
  OwnershipTransferAccepted,
  OwnershipTransferCancelled,
  OwnershipTransferExpired,
  OwnershipTransferInitiated,
  PaymentMethodAdded,
  PlanChanged,
  prorate,
  ResellerRegistered,
  SeatAssigned,
  SeatsPurchased,
  SeatUnassigned,
  SubscriptionCancelled,
  SubscriptionExpired,
  SubscriptionPurchased,
  SubscriptionRenewed,
} from '@channel-ledger/domain';

/**
 * Typed domain events with plausible defaults for projection tests: the compiler checks every
 * shape against the domain's event types, so a changed event breaks the fixture, not a test run.
 * Override any data field with the second argument.
 */

export const VENDOR = 'vendor-1';
export const RESELLER = { resellerId: 'reseller-1', companyName: 'Northwind Partners', email: 'sales@northwind.test' };
export const OTHER_RESELLER = { resellerId: 'reseller-2', companyName: 'Southwind IT', email: 'desk@southwind.test' };
const PRO = { planId: 'plan-pro', product: 'Ledger', tier: 'pro' as const };

type Data<E extends { data: object }> = E['data'];
const make =
  <E extends { type: string; data: object }>(type: E['type'], defaults: Data<E>) =>
  (overrides: Partial<Data<E>> = {}): E =>
    ({ type, data: { ...defaults, ...overrides } }) as E;

export const resellerRegistered = make<ResellerRegistered>('ResellerRegistered', {
  ...RESELLER,
  partnerKind: 'reseller',
  verificationTokenHash: 'f'.repeat(64),
  verificationExpiresAt: '2026-01-02T00:00:00.000Z',
  registeredAt: '2026-01-01T00:00:00.000Z',
});

export const paymentMethodAdded = make<PaymentMethodAdded>('PaymentMethodAdded', {
  resellerId: RESELLER.resellerId,
  paymentMethodId: 'pm-1',
  kind: 'card',
  label: 'Visa •••• 4242',
  addedAt: '2026-01-02T00:00:00.000Z',
});

export const organizationCreated = make<CustomerOrganizationCreated>('CustomerOrganizationCreated', {
  organizationId: 'org-1',
  vendorId: VENDOR,
  name: 'Acme GmbH',
  companyDetails: { legalName: 'Acme GmbH', city: 'Berlin', country: 'DE' },
  customerContact: { name: 'Alice Admin', email: 'alice@acme.test' },
  isPublic: false,
  customerAssociationEnabled: true,
  managingReseller: RESELLER,
  createdAt: '2026-01-05T09:00:00.000Z',
});

export const companyDetailsChanged = make<CompanyDetailsChanged>('CompanyDetailsChanged', {
  organizationId: 'org-1',
  name: 'Acme AG',
  companyDetails: { legalName: 'Acme AG' },
  changedAt: '2026-01-06T00:00:00.000Z',
});

export const settingsChanged = make<OrganizationSettingsChanged>('OrganizationSettingsChanged', {
  organizationId: 'org-1',
  isPublic: true,
  customerAssociationEnabled: true,
  changedAt: '2026-01-06T00:00:00.000Z',
});

export const transferInitiated = make<OwnershipTransferInitiated>('OwnershipTransferInitiated', {
  organizationId: 'org-1',
  transferId: 'transfer-1',
  fromResellerId: RESELLER.resellerId,
  toEmail: 'alice@acme.test',
  initiatedAt: '2026-01-10T12:00:00.000Z',
  expiresAt: '2026-01-17T12:00:00.000Z',
});

export const transferAccepted = make<OwnershipTransferAccepted>('OwnershipTransferAccepted', {
  organizationId: 'org-1',
  transferId: 'transfer-1',
  previousOwnerResellerId: RESELLER.resellerId,
  newOwnerEmail: 'alice@acme.test',
  acceptedAt: '2026-01-12T08:00:00.000Z',
});

export const transferExpired = make<OwnershipTransferExpired>('OwnershipTransferExpired', {
  organizationId: 'org-1',
  transferId: 'transfer-1',
  toEmail: 'alice@acme.test',
  expiresAt: '2026-01-17T12:00:00.000Z',
  recordedAt: '2026-01-20T00:00:00.000Z',
});

export const transferCancelled = make<OwnershipTransferCancelled>('OwnershipTransferCancelled', {
  organizationId: 'org-1',
  transferId: 'transfer-1',
  toEmail: 'alice@acme.test',
  cancelledByResellerId: RESELLER.resellerId,
  cancelledAt: '2026-01-11T00:00:00.000Z',
});

export const administratorInvited = make<AdministratorInvited>('AdministratorInvited', {
  organizationId: 'org-1',
  invitationId: 'invitation-1',
  email: 'bob@acme.test',
  invitedBy: { kind: 'customer', id: 'alice@acme.test' },
  invitedAt: '2026-01-13T00:00:00.000Z',
});

export const invitationAccepted = make<AdministratorInvitationAccepted>('AdministratorInvitationAccepted', {
  organizationId: 'org-1',
  invitationId: 'invitation-1',
  email: 'bob@acme.test',
  acceptedAt: '2026-01-14T00:00:00.000Z',
});

export const contactChangeRequested = make<ContactChangeRequested>('ContactChangeRequested', {
  organizationId: 'org-1',
  requestId: 'request-1',
  role: 'billing',
  contact: { name: 'Carol Billing', email: 'carol@acme.test' },
  requestedByResellerId: RESELLER.resellerId,
  invoice: { invoiceId: 'invoice-1', subscriptionId: 'sub-1', issuedToResellerId: RESELLER.resellerId, organizationId: 'org-1' },
  requestedAt: '2026-01-15T00:00:00.000Z',
});

export const contactChanged = make<ContactChanged>('ContactChanged', {
  organizationId: 'org-1',
  role: 'billing',
  contact: { name: 'Carol Billing', email: 'carol@acme.test' },
  previousContact: null,
  changedBy: { kind: 'support', id: 'agent-1' },
  requestId: 'request-1',
  changedAt: '2026-01-16T00:00:00.000Z',
});

/** Annual Pro, 5 seats at 120.00 USD: 600.00 a year. */
export const subscriptionPurchased = make<SubscriptionPurchased>('SubscriptionPurchased', {
  subscriptionId: 'sub-1',
  vendorId: VENDOR,
  organizationId: 'org-1',
  organizationName: 'Acme GmbH',
  channel: 'reseller',
  invoiceOwner: { kind: 'reseller', id: RESELLER.resellerId, name: RESELLER.companyName, email: RESELLER.email },
  plan: PRO,
  billingPeriod: 'annual',
  currency: 'USD',
  unitPrice: '120.00',
  seats: 5,
  billingAnchor: '2026-01-10T00:00:00.000Z',
  periodStart: '2026-01-10T00:00:00.000Z',
  periodEnd: '2027-01-10T00:00:00.000Z',
  paymentMethod: { id: 'pm-1', kind: 'card' },
  purchasedAt: '2026-01-10T00:00:00.000Z',
  resellerId: RESELLER.resellerId,
  resellerName: RESELLER.companyName,
  customerContactEmail: 'alice@acme.test',
});

export const directPurchaseRecorded = make<DirectPurchaseRecorded>('DirectPurchaseRecorded', {
  subscriptionId: 'sub-direct',
  vendorId: VENDOR,
  organizationId: 'org-1',
  organizationName: 'Acme GmbH',
  channel: 'direct',
  invoiceOwner: { kind: 'organization', id: 'org-1', name: 'Acme GmbH', email: 'billing@acme.test' },
  plan: PRO,
  billingPeriod: 'annual',
  currency: 'USD',
  unitPrice: '130.00',
  seats: 4,
  billingAnchor: '2027-01-10T00:00:00.000Z',
  periodStart: '2027-01-10T00:00:00.000Z',
  periodEnd: '2028-01-10T00:00:00.000Z',
  paymentMethod: { id: 'pm-acme', kind: 'card' },
  purchasedAt: '2027-01-10T00:00:00.000Z',
  previousResellerSubscriptionId: 'sub-1',
  billingContactEmail: 'billing@acme.test',
});

export const seatsPurchased = make<SeatsPurchased>('SeatsPurchased', {
  subscriptionId: 'sub-1',
  seatsAdded: 2,
  seatsBefore: 5,
  seatsAfter: 7,
  effectiveAt: '2026-07-01T00:00:00.000Z',
  invoiceId: 'invoice-2',
});

export const planChanged = make<PlanChanged>('PlanChanged', {
  subscriptionId: 'sub-1',
  from: { ...PRO, unitPrice: '120.00' },
  to: { planId: 'plan-teams', product: 'Ledger', tier: 'teams', unitPrice: '150.00' },
  seats: 7,
  effectiveAt: '2026-08-01T00:00:00.000Z',
  invoiceId: 'invoice-3',
});

export const seatAssigned = make<SeatAssigned>('SeatAssigned', {
  subscriptionId: 'sub-1',
  email: 'dave@acme.test',
  assignedAt: '2026-02-01T00:00:00.000Z',
});

export const seatUnassigned = make<SeatUnassigned>('SeatUnassigned', {
  subscriptionId: 'sub-1',
  email: 'dave@acme.test',
  unassignedAt: '2026-03-01T00:00:00.000Z',
});

export const subscriptionRenewed = make<SubscriptionRenewed>('SubscriptionRenewed', {
  subscriptionId: 'sub-1',
  periodIndex: 1,
  periodStart: '2027-01-10T00:00:00.000Z',
  periodEnd: '2028-01-10T00:00:00.000Z',
  plan: { planId: 'plan-teams', product: 'Ledger', tier: 'teams' },
  unitPrice: '160.00',
  seats: 7,
  currency: 'USD',
  renewedAt: '2026-12-20T00:00:00.000Z',
  invoiceId: 'invoice-4',
});

export const subscriptionCancelled = make<SubscriptionCancelled>('SubscriptionCancelled', {
  subscriptionId: 'sub-1',
  cancelledAt: '2027-03-01T00:00:00.000Z',
  effectiveAt: '2028-01-10T00:00:00.000Z',
  reason: 'budget',
});

export const subscriptionExpired = make<SubscriptionExpired>('SubscriptionExpired', {
  subscriptionId: 'sub-1',
  expiredAt: '2028-01-10T00:00:00.000Z',
  sweptAt: '2028-01-11T00:00:00.000Z',
  reason: 'cancelled',
});

/** A real prorated line (the domain's own proration), so the totals look like the real thing. */
export function invoiceIssued(overrides: Partial<InvoiceIssued['data']> = {}): InvoiceIssued {
  const line = prorate({
    currency: 'USD',
    unitPrice: '120.00',
    seats: 5,
    periodStart: '2026-01-10T00:00:00.000Z',
    periodEnd: '2027-01-10T00:00:00.000Z',
    effectiveDate: '2026-01-10T00:00:00.000Z',
  });
  return make<InvoiceIssued>('InvoiceIssued', {
    invoiceId: 'invoice-1',
    invoiceNumber: 'sub-1-1',
    subscriptionId: 'sub-1',
    reason: 'purchase',
    issuedAt: '2026-01-10T00:00:00.000Z',
    issuedTo: { kind: 'reseller', id: RESELLER.resellerId, name: RESELLER.companyName, email: RESELLER.email },
    channel: 'reseller',
    currency: 'USD',
    lines: [{ ...line, kind: 'subscription', description: 'Ledger Pro, 5 seats' }],
    total: line.amount,
    payment: { methodId: 'pm-1', kind: 'card', terms: 'charged-immediately' },
  })(overrides);
}

export const invoiceOwnerChanged = make<InvoiceOwnerChanged>('InvoiceOwnerChanged', {
  subscriptionId: 'sub-1',
  from: { kind: 'reseller', id: RESELLER.resellerId, name: RESELLER.companyName, email: RESELLER.email },
  fromChannel: 'reseller',
  to: { kind: 'reseller', id: OTHER_RESELLER.resellerId, name: OTHER_RESELLER.companyName, email: OTHER_RESELLER.email },
  toChannel: 'reseller',
  effectiveAt: '2026-06-01T00:00:00.000Z',
  reason: 'reseller acquired',
  recordedAt: '2026-06-01T00:00:00.000Z',
});

export const rightGranted = make<IssuanceRightGranted>('IssuanceRightGranted', {
  rightId: 'right-1',
  vendorId: VENDOR,
  resellerId: RESELLER.resellerId,
  licenseTemplateId: 'template-ledger',
  maxLicenses: 3,
  expiresAt: '2027-01-01T00:00:00.000Z',
  nfr: false,
  grantedBy: { kind: 'vendor-admin', id: 'vendor-admin-1' },
  grantedAt: '2026-01-01T00:00:00.000Z',
});

export const rightBlocked = make<IssuanceRightBlocked>('IssuanceRightBlocked', {
  rightId: 'right-1',
  reason: 'contract ended',
  blockedBy: { kind: 'vendor-admin', id: 'vendor-admin-1' },
  blockedAt: '2026-09-01T00:00:00.000Z',
});

export const rightConsumed = make<IssuanceRightConsumed>('IssuanceRightConsumed', {
  rightId: 'right-1',
  licenseId: 'license-1',
  used: 1,
  remaining: 2,
  consumedAt: '2026-02-01T00:00:00.000Z',
});

export const licenseIssued = make<LicenseIssued>('LicenseIssued', {
  licenseId: 'license-1',
  rightId: 'right-1',
  vendorId: VENDOR,
  licenseTemplateId: 'template-ledger',
  resellerId: RESELLER.resellerId,
  organizationId: 'org-1',
  nfr: false,
  issuedAt: '2026-02-01T00:00:00.000Z',
});

export const licenseDelivered = make<LicenseDelivered>('LicenseDelivered', {
  licenseId: 'license-1',
  toEmail: 'alice@acme.test',
  deliveredBy: { kind: 'reseller', id: RESELLER.resellerId },
  deliveredAt: '2026-02-02T00:00:00.000Z',
});

export const licenseRevoked = make<LicenseRevoked>('LicenseRevoked', {
  licenseId: 'license-1',
  reason: 'refund',
  revokedBy: { kind: 'vendor-admin', id: 'vendor-admin-1' },
  revokedAt: '2026-03-01T00:00:00.000Z',
});

/** The stream a channel event is appended to (`<category>-<id>`), read from its data. */
export function channelStreamOf(event: { type: string; data: object }): string {
  const data = event.data as Record<string, unknown>;
  if (event.type.startsWith('IssuanceRight')) return `issuance-right-${data.rightId}`;
  if (event.type.startsWith('License')) return `license-${data.licenseId}`;
  if (typeof data.subscriptionId === 'string') return `subscription-${data.subscriptionId}`;
  if (typeof data.organizationId === 'string') return `organization-${data.organizationId}`;
  if (typeof data.resellerId === 'string') return `reseller-${data.resellerId}`;
  throw new Error(`no stream known for ${event.type}`);
}
