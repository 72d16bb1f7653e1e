import {
  dashboardActiveSubscriptions,
  DashboardQuery,
  dashboardRenewalsDue,
  dashboardRevenue,
  dashboardSeats,
  dashboardTransfers,
  dashboardUtilization,
  PartnerColumns,
} from '@channel-ledger/projections';
import { ReadStore } from '@channel-ledger/read-store';

/**
 * The dashboard's tables: what each row holds (columns with their type and unit), which filters
 * apply, and where the rows come from. The page, the CSV files and docs/reporting-schema.md all
 * follow these definitions, so a column means the same thing everywhere.
 */

/** `amount`: a decimal string in the row's `currency`; `count`: an integer; `percent`: a decimal string 0-100. */
export type ColumnType = 'month' | 'text' | 'id' | 'currency' | 'count' | 'amount' | 'percent';

export interface DashboardColumn {
  key: string;
  label: string;
  type: ColumnType;
  description: string;
}

export type DashboardFilterName = 'period' | 'currency' | 'reseller';

export const DASHBOARD_TABLES = ['revenue', 'seats', 'active-subscriptions', 'renewals-due', 'transfers', 'issuance-utilization'] as const;
export type DashboardTableName = (typeof DASHBOARD_TABLES)[number];

export interface DashboardTableDefinition {
  name: DashboardTableName;
  title: string;
  description: string;
  columns: DashboardColumn[];
  filters: DashboardFilterName[];
  rows(readStore: ReadStore, query: DashboardQuery): Promise<PartnerColumns[]>;
}

const partner: DashboardColumn[] = [
  { key: 'vendorId', label: 'Vendor', type: 'id', description: 'The vendor whose product was sold.' },
  { key: 'resellerId', label: 'Reseller id', type: 'id', description: "The reseller; empty (null) for the vendor's direct sales." },
  {
    key: 'resellerName',
    label: 'Reseller',
    type: 'text',
    description: "The reseller's registered company name; empty (null) for direct sales.",
  },
];
const month: DashboardColumn = {
  key: 'month',
  label: 'Month',
  type: 'month',
  description: 'UTC month of the business date (occurredAt), "2026-03".',
};
const currency: DashboardColumn = {
  key: 'currency',
  label: 'Currency',
  type: 'currency',
  description: 'ISO 4217 code of every amount in the row.',
};

export const DASHBOARD_TABLE_DEFINITIONS: Record<DashboardTableName, DashboardTableDefinition> = {
  revenue: {
    name: 'revenue',
    title: 'Revenue by month',
    description: 'Invoiced revenue per month, reseller and currency, by invoice reason. Never summed across currencies.',
    filters: ['period', 'currency', 'reseller'],
    columns: [
      month,
      ...partner,
      currency,
      { key: 'newRevenue', label: 'New', type: 'amount', description: 'Purchase and direct-purchase invoices.' },
      { key: 'renewalRevenue', label: 'Renewal', type: 'amount', description: 'Renewal invoices.' },
      { key: 'expansionRevenue', label: 'Expansion', type: 'amount', description: 'Added-seats and plan-change invoices (prorated).' },
      { key: 'totalRevenue', label: 'Total', type: 'amount', description: 'All invoices of the month in this currency.' },
      { key: 'invoices', label: 'Invoices', type: 'count', description: 'How many invoices.' },
    ],
    rows: dashboardRevenue,
  },
  seats: {
    name: 'seats',
    title: 'Seats sold by month',
    description:
      'Seats sold (new purchases and added seats) and renewed per month and reseller. Seats have no currency; the currency filter keeps the seats of sales in that currency.',
    filters: ['period', 'currency', 'reseller'],
    columns: [
      month,
      ...partner,
      { key: 'seatsNew', label: 'New seats', type: 'count', description: 'Seats of new purchases.' },
      { key: 'seatsAdded', label: 'Added seats', type: 'count', description: 'Seats added mid-term.' },
      { key: 'seatsSold', label: 'Seats sold', type: 'count', description: 'New + added seats.' },
      { key: 'seatsRenewed', label: 'Seats renewed', type: 'count', description: 'Seats of renewals (not new sales).' },
    ],
    rows: dashboardSeats,
  },
  'active-subscriptions': {
    name: 'active-subscriptions',
    title: 'Active subscriptions',
    description:
      'Subscriptions that renew and whose paid period has not ended at asOf, per reseller and currency, with a year of their current terms.',
    filters: ['currency', 'reseller'],
    columns: [
      ...partner,
      currency,
      { key: 'subscriptions', label: 'Subscriptions', type: 'count', description: 'Active subscriptions.' },
      { key: 'seats', label: 'Seats', type: 'count', description: 'Their seats.' },
      {
        key: 'annualTotal',
        label: 'Annual total',
        type: 'amount',
        description: 'Sum of unit price × seats × periods per year, at the prices currently paid.',
      },
    ],
    rows: dashboardActiveSubscriptions,
  },
  'renewals-due': {
    name: 'renewals-due',
    title: 'Renewals due',
    description:
      'Active subscriptions whose paid period ends within 30, 60 or 90 days of asOf (cumulative windows), per reseller and currency, with their annual totals.',
    filters: ['currency', 'reseller'],
    columns: [
      { key: 'withinDays', label: 'Due within (days)', type: 'count', description: '30, 60 or 90: periodEnd in (asOf, asOf + N days].' },
      ...partner,
      currency,
      { key: 'subscriptions', label: 'Subscriptions', type: 'count', description: 'Subscriptions due.' },
      { key: 'seats', label: 'Seats', type: 'count', description: 'Their seats.' },
      { key: 'annualTotal', label: 'Annual total', type: 'amount', description: 'A year of their current terms.' },
    ],
    rows: dashboardRenewalsDue,
  },
  transfers: {
    name: 'transfers',
    title: 'Ownership transfers',
    description:
      'Ownership offers per reseller: pending at asOf, and initiated, accepted, lapsed and cancelled in the period (each dated by its own date; a lapse by its expiry).',
    filters: ['period', 'reseller'],
    columns: [
      ...partner,
      { key: 'pending', label: 'Pending', type: 'count', description: 'Open and not yet expired at asOf (whatever the period).' },
      { key: 'initiated', label: 'Initiated', type: 'count', description: 'Offered in the period.' },
      { key: 'accepted', label: 'Accepted', type: 'count', description: 'Accepted by the customer in the period.' },
      {
        key: 'lapsed',
        label: 'Lapsed',
        type: 'count',
        description: 'Expired unaccepted in the period (rule 3: 7 days), recorded by a sweep or not.',
      },
      { key: 'cancelled', label: 'Cancelled', type: 'count', description: 'Withdrawn by the reseller in the period.' },
    ],
    rows: dashboardTransfers,
  },
  'issuance-utilization': {
    name: 'issuance-utilization',
    title: 'Issuance-right utilization',
    description:
      'License issuance rights per reseller and license template at asOf: granted, used, still issuable, and the unused quota of blocked or expired rights.',
    filters: ['reseller'],
    columns: [
      ...partner,
      { key: 'licenseTemplateId', label: 'License template', type: 'id', description: 'The template the rights issue.' },
      { key: 'rights', label: 'Rights', type: 'count', description: 'Rights granted.' },
      { key: 'granted', label: 'Granted', type: 'count', description: "Licenses granted (every right's maximum)." },
      { key: 'used', label: 'Used', type: 'count', description: 'Licenses issued.' },
      { key: 'remaining', label: 'Issuable', type: 'count', description: 'Unused quota of rights neither blocked nor expired.' },
      { key: 'blocked', label: 'Blocked rights', type: 'count', description: 'Rights blocked by the vendor.' },
      { key: 'blockedUnused', label: 'Blocked unused', type: 'count', description: 'Unused quota of blocked rights.' },
      { key: 'expired', label: 'Expired rights', type: 'count', description: 'Rights past their expiry at asOf.' },
      { key: 'expiredUnused', label: 'Expired unused', type: 'count', description: 'Unused quota of expired rights.' },
      { key: 'usedPercent', label: 'Used %', type: 'percent', description: 'used / granted × 100, one decimal, half-even.' },
    ],
    rows: dashboardUtilization,
  },
};
