/**
 * Documents of the customer view: what a customer's owner and administrators see of their own
 * organization. Read-only for anything bought through a reseller (rule 8), and it NEVER carries
 * the reseller's prices, totals, invoices or payment methods: those are the reseller's business
 * with the vendor. Plain JSON (type aliases, assignable to ReadDocument).
 */

export type CustomerContactView = { name: string | null; email: string };

export type ResellerRef = { resellerId: string; companyName: string };

/** Rule 8, said to the customer: whom to ask for changes. null when the customer buys directly. */
export type BoughtThrough = ResellerRef & { note: string };

export type OrganizationOwnerView = ({ kind: 'reseller' } & ResellerRef) | { kind: 'customer'; email: string };

export type CustomerAdministrator = {
  invitationId: string;
  email: string;
  status: 'invited' | 'accepted';
  invitedAt: string;
  acceptedAt: string | null;
};

export type CustomerSubscriptionStatus = 'active' | 'cancelled' | 'expired';

export type CustomerSubscription = {
  subscriptionId: string;
  channel: 'reseller' | 'marketplace' | 'direct';
  /** Who to ask about this subscription; null for a direct one. */
  boughtThrough: ResellerRef | null;
  planId: string;
  product: string;
  tier: string;
  billingPeriod: 'monthly' | 'annual';
  seats: number;
  seatsAssigned: number;
  assignedTo: string[];
  /** The latest paid period (a renewal moves it at once). */
  periodStart: string;
  periodEnd: string;
  status: CustomerSubscriptionStatus;
  /** When a cancelled subscription stops: the end of the paid time. */
  cancelAt: string | null;
};

export type CustomerLicense = {
  licenseId: string;
  licenseTemplateId: string;
  nfr: boolean;
  status: 'issued' | 'delivered' | 'revoked';
  /** Downloadable: issued or delivered and not revoked. */
  available: boolean;
  issuedAt: string;
  deliveredTo: string | null;
  deliveredAt: string | null;
};

/** `customer_organizations`: one per organization, keyed by organizationId. */
export type CustomerOrganization = {
  id: string;
  organizationId: string;
  vendorId: string;
  name: string;
  companyDetails: { [field: string]: string };
  /** The reseller that created the organization and manages it for the customer. */
  managingReseller: ResellerRef;
  boughtThrough: BoughtThrough | null;
  owner: OrganizationOwnerView;
  /** An offer of ownership to accept; lapsed at expiresAt (decided at read time, see `openTransferAt`). */
  pendingTransfer: { transferId: string; toEmail: string; expiresAt: string } | null;
  contacts: { primary: CustomerContactView | null; billing: CustomerContactView | null; technical: CustomerContactView | null };
  administrators: CustomerAdministrator[];
  subscriptions: CustomerSubscription[];
  licenses: CustomerLicense[];
  createdAt: string;
};

/** `customer_access`: who may sign in to see an organization (its owner, accepted administrators). */
export type CustomerAccess = { id: string; organizationId: string; email: string; role: 'owner' | 'administrator' };

/** `customer_links`: which organization a subscription's or license's later events belong to. */
export type CustomerLink = { id: string; organizationId: string };

/**
 * `customer_ownership_offers`: an offer of ownership (rule 2), keyed by transferId, from its
 * initiation until it is accepted, cancelled or recorded as lapsed. One that lapsed unrecorded
 * stays until a sweep or a new offer records it; readers ask for `expiresAt > now` (rule 3).
 */
export type CustomerOwnershipOffer = {
  id: string;
  transferId: string;
  organizationId: string;
  toEmail: string;
  initiatedAt: string;
  expiresAt: string;
};

/**
 * `customer_search_keys`: what support finds an organization by — each contact's address
 * (`email`, one per contact role, as the address's keyed hash: email-lookup.ts) and the lower-cased name (`name`, one per organization).
 */
export type CustomerSearchKey = { id: string; organizationId: string; key: 'email' | 'name'; value: string };
