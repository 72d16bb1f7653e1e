/**
 * Documents of the audit trail. Plain JSON type aliases (assignable to ReadDocument); instants are
 * canonical ISO-8601 UTC strings ("2026-01-31T00:00:00.000Z"), which sort as text in time order.
 */

import type { JsonObject } from '@channel-ledger/read-store';

export type AuditActor = { kind: string; id: string };
export type SalesChannelName = 'reseller' | 'marketplace' | 'direct';

/** `audit_entries`: one per event that concerns a subscription or an organization, id = eventId. */
export type AuditEntry = {
  id: string;
  /** Subject keys: null when the event does not concern one (an organization event has no subscription). */
  subscriptionId: string | null;
  organizationId: string | null;
  licenseId: string | null;
  /** The global log position, zero-padded to 20 digits so it sorts as text (see positionKey). */
  positionKey: string;
  position: string;
  streamId: string;
  revision: string;
  type: string;
  occurredAt: string;
  recordedAt: string;
  actor: AuditActor;
  onBehalfOf: AuditActor | null;
  channel: SalesChannelName | null;
  correlationId: string;
  causationId: string;
  commandId: string;
  /** One line of plain English for support and auditors. */
  description: string;
};

export type InvoiceOwnerParty = { kind: 'reseller' | 'organization'; id: string; name: string; email: string };

/**
 * `invoice_owner_intervals`: who owned the invoices of a subscription during [validFrom, validTo).
 * validTo is null for the interval still open. Id: `${subscriptionId}|${validFrom}`, so a second
 * change effective at the same instant replaces the owner (as the domain's ownershipAt does).
 */
export type InvoiceOwnerInterval = {
  id: string;
  subscriptionId: string;
  organizationId: string;
  vendorId: string;
  validFrom: string;
  validTo: string | null;
  owner: InvoiceOwnerParty;
  channel: SalesChannelName;
  /** The event that opened this interval (a purchase or an InvoiceOwnerChanged). */
  openedByEventId: string;
  reason: string | null;
};

/** `audit_subjects`: what later events need but do not carry. Id: `${kind}:${id}`. */
export type ResellerSubject = { id: string; kind: 'reseller'; resellerId: string; name: string; channel: 'reseller' | 'marketplace' };

export type OrganizationSubject = {
  id: string;
  kind: 'organization';
  organizationId: string;
  name: string;
  vendorId: string;
  managingResellerId: string;
};

/** A change whose description gets its price once the invoice of the same command is applied. */
export type AwaitingInvoice = { invoiceId: string; entryId: string; type: string; data: JsonObject };

export type SubscriptionSubject = {
  id: string;
  kind: 'subscription';
  subscriptionId: string;
  organizationId: string;
  organizationName: string;
  vendorId: string;
  /** The channel it was sold through. */
  channel: SalesChannelName;
  resellerId: string | null;
  resellerName: string | null;
  product: string;
  tier: string;
  billingPeriod: string;
  currency: string;
  seats: number;
  awaitingInvoice: AwaitingInvoice | null;
};

export type LicenseSubject = {
  id: string;
  kind: 'license';
  licenseId: string;
  organizationId: string | null;
  resellerId: string;
  vendorId: string;
  licenseTemplateId: string;
  nfr: boolean;
};

export const subjectId = {
  reseller: (id: string) => `reseller:${id}`,
  organization: (id: string) => `organization:${id}`,
  subscription: (id: string) => `subscription:${id}`,
  license: (id: string) => `license:${id}`,
};
