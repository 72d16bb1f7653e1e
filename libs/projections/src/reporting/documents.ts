/**
 * Documents of the reporting projection (plain JSON type aliases). Money is a decimal string with
 * the currency's minor digits, always next to its currency: figures of two currencies are never
 * added. Months are the UTC month ("2026-03") of the event's business time (occurredAt).
 */

export type ReportingStatus = 'active' | 'cancelled' | 'expired';

/** Seats a sale is about, remembered until the invoice of the same command attributes them. */
export type PendingSeats = { invoiceId: string | null; seatsNew: number; seatsAdded: number; seatsRenewed: number };

/** `reporting_subscriptions`: one per subscription, id = subscriptionId. */
export type ReportingSubscription = {
  id: string;
  subscriptionId: string;
  vendorId: string;
  /** The reseller that sold it; null for a direct purchase. */
  resellerId: string | null;
  organizationId: string;
  organizationName: string;
  channel: 'reseller' | 'marketplace' | 'direct';
  /** 'active' renews; 'cancelled' runs out its paid time (endsAt) without renewing; 'expired' has ended. */
  status: ReportingStatus;
  planId: string;
  product: string;
  tier: string;
  billingPeriod: string;
  currency: string;
  unitPrice: string;
  seats: number;
  /**
   * What a year of the current terms costs: unitPrice × seats × periods per year (12 for monthly),
   * rounded half-even to the currency's minor unit, as the renewal quote computes it. Added in v2.
   */
  annualTotal: string;
  periodStart: string;
  /** End of the latest paid period = the next renewal date while active. */
  periodEnd: string;
  endsAt: string | null;
  pendingSeats: PendingSeats | null;
};

/**
 * `reporting_monthly_sales`: id `${vendorId}|${resellerId ?? 'direct'}|${month}|${currency}`.
 * Attributed to whoever the invoice was issued to (rule 7: the reseller for a channel sale; the
 * organization, i.e. resellerId null, when the vendor invoices it directly).
 */
export type MonthlySales = {
  id: string;
  vendorId: string;
  resellerId: string | null;
  month: string;
  currency: string;
  /** Newly sold seats: seatsNew + seatsAdded (renewed seats are not new sales). */
  seatsSold: number;
  seatsNew: number;
  seatsAdded: number;
  seatsRenewed: number;
  /** Purchase and direct-purchase invoices. */
  newRevenue: string;
  renewalRevenue: string;
  /** Added-seats and plan-change invoices. */
  expansionRevenue: string;
  totalRevenue: string;
  invoices: number;
};

/** `reporting_monthly_transfers`: ownership transfers have no currency. Id `${vendorId}|${resellerId}|${month}`. */
export type MonthlyTransfers = {
  id: string;
  vendorId: string;
  resellerId: string;
  month: string;
  initiated: number;
  accepted: number;
  expired: number;
  cancelled: number;
};

/** `reporting_issuance_rights`: one per right, id = rightId; never deleted (rule 12). */
export type ReportingIssuanceRight = {
  id: string;
  rightId: string;
  vendorId: string;
  resellerId: string;
  licenseTemplateId: string;
  nfr: boolean;
  granted: number;
  used: number;
  remaining: number;
  blocked: boolean;
  blockedAt: string | null;
  expiresAt: string;
  grantedAt: string;
};

/** `reporting_organizations`: id = organizationId. */
export type ReportingOrganization = {
  id: string;
  vendorId: string;
  managingResellerId: string;
  /** The open transfer and the reseller that initiated it (an expiry names no reseller). */
  openTransfer: { transferId: string; resellerId: string } | null;
};

export type TransferStatus = 'open' | 'accepted' | 'lapsed' | 'cancelled';

/**
 * `reporting_transfers`: one per ownership transfer, id `${organizationId}|${transferId}`; kept
 * when it closes. An open one is pending while `expiresAt` is ahead of now and lapsed after it
 * (rule 3: expired even if no sweep recorded it yet): a projection cannot know now, so that is
 * judged at read time.
 */
export type ReportingTransfer = {
  id: string;
  transferId: string;
  organizationId: string;
  vendorId: string;
  /** The reseller that initiated it. */
  resellerId: string;
  status: TransferStatus;
  initiatedAt: string;
  expiresAt: string;
  /** When it was accepted or cancelled; for a recorded lapse its expiresAt. null while open. */
  closedAt: string | null;
};

/**
 * `reporting_transfer_outcomes`: id `${vendorId}|${resellerId}|${month}`. Each step counts in the
 * month of its own business date: initiated (initiatedAt), accepted (acceptedAt), cancelled
 * (cancelledAt), lapsed (expiresAt, when an expiry is recorded: a lapse the sweep noticed late
 * still counts in the month it happened). Open transfers past expiresAt are added at read time.
 */
export type MonthlyTransferOutcomes = {
  id: string;
  vendorId: string;
  resellerId: string;
  month: string;
  initiated: number;
  accepted: number;
  lapsed: number;
  cancelled: number;
};

/** `reporting_resellers`: id = resellerId; the name a dashboard shows. */
export type ReportingReseller = {
  id: string;
  resellerId: string;
  companyName: string;
  partnerKind: string;
};

/**
 * `reporting_vendor_resellers`: id `${vendorId}|${resellerId ?? 'direct'}`: a reseller that sold
 * for, was granted rights by, or offered an organization of, a vendor; resellerId null stands for
 * the vendor's direct sales. `currencies`: every currency invoiced between them, sorted.
 */
export type VendorReseller = {
  id: string;
  vendorId: string;
  resellerId: string | null;
  companyName: string | null;
  currencies: string[];
};
