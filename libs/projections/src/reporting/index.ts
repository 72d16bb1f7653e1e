export { reportingProjection, REPORTING_PROJECTION } from './reporting.projection';
export {
  REPORTING_COLLECTIONS, REPORTING_SUBSCRIPTIONS, REPORTING_MONTHLY_SALES, REPORTING_MONTHLY_TRANSFERS,
  REPORTING_ISSUANCE_RIGHTS, REPORTING_ORGANIZATIONS,
} from './collections';
export type { ReportingSubscription, ReportingStatus, MonthlySales, MonthlyTransfers, ReportingIssuanceRight } from './documents';
export { monthlySales } from './queries/monthly-sales';
export type { MonthlySalesQuery, MonthlySalesRow, CurrencySales } from './queries/monthly-sales';
export { activeSubscriptions, vendorRenewalsDue } from './queries/subscriptions';
export type { SubscriptionPage, SubscriptionPageOptions } from './queries/subscriptions';
export { issuanceUtilization } from './queries/utilization';
export type { Utilization, UtilizationReport } from './queries/utilization';
