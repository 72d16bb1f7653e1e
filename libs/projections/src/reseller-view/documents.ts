/**
 * Documents of the reseller view: what a reseller's UI shows about its own customers, their
 * subscriptions, its issuance rights and the licenses it issued. Plain JSON (type aliases, not
 * interfaces, so they are assignable to ReadDocument); instants are ISO-8601 UTC strings and
 * amounts decimal strings.
 */

export type ResellerCustomerContact = { name: string | null; email: string };

/** Rule 2: the reseller owns the organization until the customer accepts ownership. */
export type CustomerOwner = { kind: 'reseller'; resellerId: string } | { kind: 'customer'; email: string };

/**
 * An open transfer, kept as recorded. A projection cannot know "now": whether it has lapsed
 * (rule 3: after expiresAt it is expired even if no sweep recorded it) is decided at read time,
 * see `pendingTransferAt`.
 */
export type PendingTransfer = { transferId: string; toEmail: string; initiatedAt: string; expiresAt: string };

/** How the last transfer ended, so the UI can say "expired: initiate it again". */
export type TransferOutcome = { transferId: string; toEmail: string; outcome: 'accepted' | 'expired' | 'cancelled'; at: string };

export type ResellerCustomerAdmin = {
  invitationId: string;
  email: string;
  status: 'invited' | 'accepted';
  invitedAt: string;
  acceptedAt: string | null;
};

/** A reseller's request to change an end-user contact (rule 9), until support decides. */
export type ContactChangeRequestView = {
  requestId: string;
  role: string;
  contact: ResellerCustomerContact;
  status: 'pending' | 'approved' | 'rejected';
  requestedAt: string;
  decidedAt: string | null;
  rejectionReason: string | null;
};

/** `reseller_customers`: one per organization, keyed by organizationId. */
export type ResellerCustomer = {
  id: string;
  organizationId: string;
  /** The managing reseller: the only one that sees this document (public customers aside). */
  resellerId: string;
  vendorId: string;
  name: string;
  /** The name folded for a case-insensitive prefix search (see `customerNameKey`). */
  nameKey: string;
  companyDetails: { [field: string]: string };
  /** Rule 13: visible to the vendor's other resellers, for license issuance only. */
  isPublic: boolean;
  customerAssociationEnabled: boolean;
  owner: CustomerOwner;
  /** `owner.kind`, top-level so an index can filter by it (indexed fields cannot be objects). */
  ownership: CustomerOwner['kind'];
  pendingTransfer: PendingTransfer | null;
  /** `pendingTransfer.expiresAt`, top-level for the index of open offers; null without one. */
  transferExpiresAt: string | null;
  lastTransfer: TransferOutcome | null;
  contacts: { primary: ResellerCustomerContact | null; billing: ResellerCustomerContact | null; technical: ResellerCustomerContact | null };
  admins: ResellerCustomerAdmin[];
  contactChangeRequests: ContactChangeRequestView[];
  createdAt: string;
};

export type SubscriptionStatus = 'active' | 'cancelled' | 'expired';

/** `reseller_subscriptions`: one per subscription bought through a reseller or marketplace. */
export type ResellerSubscription = {
  id: string;
  subscriptionId: string;
  /**
   * The reseller owning the invoices. null once support moved them to the organization (direct,
   * InvoiceOwnerChanged): the document stays so a move back restores it, but no reseller query
   * (all of them are by resellerId) finds it any more.
   */
  resellerId: string | null;
  channel: 'reseller' | 'marketplace' | 'direct';
  organizationId: string;
  vendorId: string;
  planId: string;
  product: string;
  tier: string;
  billingPeriod: 'monthly' | 'annual';
  currency: string;
  /** The reseller's own price per seat and period (its customers never see it). */
  unitPrice: string;
  /** Seats bought (rule 4: seats added mid-term count at once). */
  seats: number;
  seatsAssigned: number;
  assignedTo: string[];
  /**
   * The latest paid period: a renewal moves it at once, even one recorded ahead of the period's
   * start. Which period is running at a given date is, like a transfer's expiry, a read-time question.
   */
  periodStart: string;
  periodEnd: string;
  /** When the next renewal is charged: the end of paid time; null once cancelled or expired. */
  nextChargeDate: string | null;
  /** unitPrice × seats, one billing period. */
  periodTotal: string;
  /** periodTotal × periods per year (12 for monthly), decimal string in `currency`. */
  annualTotal: string;
  status: SubscriptionStatus;
  cancelledAt: string | null;
  /** A cancellation takes effect at the end of paid time (no refund). */
  cancelAt: string | null;
  expiredAt: string | null;
  customerContactEmail: string;
  purchasedAt: string;
};

/** `reseller_issuance_rights`: rule 12, never deleted. */
export type ResellerIssuanceRight = {
  id: string;
  rightId: string;
  resellerId: string;
  vendorId: string;
  licenseTemplateId: string;
  maxLicenses: number;
  used: number;
  remaining: number;
  /** Like a transfer, whether it has lapsed is decided at read time (`usableAt`). */
  expiresAt: string;
  blocked: boolean;
  blockedAt: string | null;
  blockReason: string | null;
  nfr: boolean;
  grantedAt: string;
};

export type LicenseStatus = 'issued' | 'delivered' | 'revoked';

/** `reseller_licenses`: one per license the reseller issued. */
export type ResellerLicense = {
  id: string;
  licenseId: string;
  resellerId: string;
  vendorId: string;
  /** null: issued unlinked (rule 14). */
  organizationId: string | null;
  rightId: string;
  licenseTemplateId: string;
  nfr: boolean;
  status: LicenseStatus;
  issuedAt: string;
  deliveredTo: string | null;
  deliveredAt: string | null;
  revokedAt: string | null;
  revokeReason: string | null;
};
