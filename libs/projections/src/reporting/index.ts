export { reportingProjection, REPORTING_PROJECTION } from './reporting.projection';
export {
  REPORTING_COLLECTIONS,
  REPORTING_SUBSCRIPTIONS,
  REPORTING_MONTHLY_SALES,
  REPORTING_MONTHLY_TRANSFERS,
  REPORTING_ISSUANCE_RIGHTS,
  REPORTING_ORGANIZATIONS,
} from './collections';
export type { ReportingSubscription, ReportingStatus, MonthlySales, MonthlyTransfers, ReportingIssuanceRight } from './documents';
export { monthlySales } from './queries/monthly-sales';
export type { MonthlySalesQuery, MonthlySalesRow, CurrencySales } from './queries/monthly-sales';
export { activeSubscriptions, vendorRenewalsDue } from './queries/subscriptions';
export type { SubscriptionPage, SubscriptionPageOptions } from './queries/subscriptions';
export { issuanceUtilization } from './queries/utilization';
export type { Utilization, UtilizationReport } from './queries/utilization';
export { REPORTING_TRANSFERS, REPORTING_TRANSFER_OUTCOMES, REPORTING_RESELLERS, REPORTING_VENDOR_RESELLERS } from './collections';
export type { ReportingTransfer, TransferStatus, MonthlyTransferOutcomes, ReportingReseller, VendorReseller } from './documents';
export {
  dashboardOverview,
  dashboardRevenue,
  dashboardSeats,
  dashboardActiveSubscriptions,
  dashboardRenewalsDue,
  dashboardTransfers,
  dashboardUtilization,
  usedPercent,
  RENEWAL_WINDOWS,
} from './queries/dashboard';
export type {
  DashboardScope,
  DashboardFilter,
  DashboardQuery,
  DashboardOverview,
  PartnerColumns,
  RevenueRow,
  SeatsRow,
  ActiveSubscriptionsRow,
  RenewalsDueRow,
  RenewalWindow,
  TransfersRow,
  UtilizationRow,
} from './queries/dashboard';
