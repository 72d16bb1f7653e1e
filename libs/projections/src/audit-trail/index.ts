export { auditTrailProjection, AUDIT_TRAIL_PROJECTION } from './audit-trail.projection';
export { AUDIT_ENTRIES, INVOICE_OWNER_INTERVALS, AUDIT_SUBJECTS, AUDIT_TRAIL_COLLECTIONS } from './collections';
export type { AuditEntry, InvoiceOwnerInterval, InvoiceOwnerParty, SalesChannelName } from './documents';
export {
  auditTrailOfSubscription,
  auditTrailOfOrganization,
  auditTrailOfCorrelation,
  invoiceOwnerAt,
  invoiceOwnerHistory,
  invoiceOwnersOfOrganizationAt,
} from './queries';
export type { AuditPage, AuditPageOptions, InvoiceOwnerAtResult } from './queries';
export { positionKey } from './log-keys';
export { describeEvent } from './describe';
export type { DescribeContext } from './describe';
