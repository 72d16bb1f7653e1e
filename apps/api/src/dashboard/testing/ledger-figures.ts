import Decimal from 'decimal.js';
import { EventStore, RecordedEvent } from '@channel-ledger/event-store';

/**
 * The dashboard's figures recomputed straight from the event log, written independently of the
 * reporting projection (no import from it): what the tests compare the read model's answers with.
 * Rows have the same shape as the API's tables.
 */

type Row = Record<string, string | number | null>;
type Scope = { kind: 'vendor'; vendorId: string } | { kind: 'reseller'; resellerId: string };
export interface LedgerFilter {
  resellerId?: string | null;
  currency?: string;
  fromMonth?: string;
  toMonth?: string;
}

const DAY = 86_400_000;
const MINOR: Record<string, number> = { USD: 2, EUR: 2, GBP: 2, CHF: 2, JPY: 0 };
const D = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_EVEN });
const money = (value: Decimal.Value, currency: string) => new D(value).toFixed(MINOR[currency] ?? 2, Decimal.ROUND_HALF_EVEN);
const monthOf = (instant: string) => new Date(Date.parse(instant)).toISOString().slice(0, 7);
const data = (e: RecordedEvent) => e.data as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export async function readWholeLog(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  let after: bigint | null = null;
  for (;;) {
    const page = await store.readAll({ after, limit: 1000 });
    events.push(...page.events);
    if (page.isEnd || page.events.length === 0) return events;
    after = page.lastPosition;
  }
}

interface Subscription {
  vendorId: string;
  resellerId: string | null;
  currency: string;
  billingPeriod: string;
  unitPrice: string;
  seats: number;
  periodEnd: number;
  status: 'active' | 'cancelled' | 'expired';
}

interface Sale {
  vendorId: string;
  resellerId: string | null;
  month: string;
  currency: string;
  reason: string;
  total: string;
  seatsNew: number;
  seatsAdded: number;
  seatsRenewed: number;
}

interface Transfer {
  vendorId: string;
  resellerId: string;
  initiatedAt: string;
  expiresAt: string;
  outcome: { kind: 'accepted' | 'lapsed' | 'cancelled'; at: string } | null;
}

interface Right {
  vendorId: string;
  resellerId: string;
  template: string;
  granted: number;
  used: number;
  remaining: number;
  blocked: boolean;
  expiresAt: string;
}

/** The log, folded once into the facts every figure is computed from. */
export class LedgerFigures {
  readonly names = new Map<string, string>();
  readonly subscriptions = new Map<string, Subscription>();
  readonly sales: Sale[] = [];
  readonly transfers = new Map<string, Transfer>();
  readonly rights = new Map<string, Right>();
  private readonly organizationVendor = new Map<string, string>();

  constructor(events: readonly RecordedEvent[]) {
    // Seats a command sold, found by the command's invoice.
    const seatsByCommand = new Map<string, { seatsNew: number; seatsAdded: number; seatsRenewed: number }>();
    for (const e of events) {
      const d = data(e);
      const seats = (s: Partial<{ seatsNew: number; seatsAdded: number; seatsRenewed: number }>) =>
        seatsByCommand.set(e.metadata.commandId, { seatsNew: 0, seatsAdded: 0, seatsRenewed: 0, ...s });
      switch (e.type) {
        case 'ResellerRegistered':
          this.names.set(d.resellerId, d.companyName);
          break;
        case 'SubscriptionPurchased':
        case 'DirectPurchaseRecorded':
          this.subscriptions.set(d.subscriptionId, {
            vendorId: d.vendorId,
            resellerId: e.type === 'SubscriptionPurchased' ? d.resellerId : null,
            currency: d.currency,
            billingPeriod: d.billingPeriod,
            unitPrice: d.unitPrice,
            seats: d.seats,
            periodEnd: Date.parse(d.periodEnd),
            status: 'active',
          });
          seats({ seatsNew: d.seats });
          break;
        case 'SeatsPurchased':
          this.update(d.subscriptionId, (s) => ({ ...s, seats: d.seatsAfter }));
          seats({ seatsAdded: d.seatsAdded });
          break;
        case 'PlanChanged':
          this.update(d.subscriptionId, (s) => ({ ...s, unitPrice: d.to.unitPrice, seats: d.seats }));
          break;
        case 'SubscriptionRenewed':
          this.update(d.subscriptionId, (s) => ({
            ...s,
            unitPrice: d.unitPrice,
            seats: d.seats,
            periodEnd: Math.max(s.periodEnd, Date.parse(d.periodEnd)),
          }));
          seats({ seatsRenewed: d.seats });
          break;
        case 'SubscriptionCancelled':
          this.update(d.subscriptionId, (s) => ({ ...s, status: 'cancelled' }));
          break;
        case 'SubscriptionExpired':
          this.update(d.subscriptionId, (s) => ({ ...s, status: 'expired' }));
          break;
        case 'InvoiceIssued': {
          const s = this.subscriptions.get(d.subscriptionId);
          if (!s) break;
          const sold = seatsByCommand.get(e.metadata.commandId) ?? { seatsNew: 0, seatsAdded: 0, seatsRenewed: 0 };
          seatsByCommand.delete(e.metadata.commandId);
          this.sales.push({
            vendorId: s.vendorId,
            resellerId: d.issuedTo.kind === 'reseller' ? d.issuedTo.id : null,
            month: monthOf(e.metadata.occurredAt),
            currency: d.currency,
            reason: d.reason,
            total: d.total,
            ...sold,
          });
          break;
        }
        case 'CustomerOrganizationCreated':
          this.organizationVendor.set(d.organizationId, d.vendorId);
          break;
        case 'OwnershipTransferInitiated': {
          const vendorId = this.organizationVendor.get(d.organizationId);
          if (vendorId) {
            this.transfers.set(`${d.organizationId}|${d.transferId}`, {
              vendorId,
              resellerId: d.fromResellerId,
              initiatedAt: d.initiatedAt,
              expiresAt: d.expiresAt,
              outcome: null,
            });
          }
          break;
        }
        case 'OwnershipTransferAccepted':
          this.close(d.organizationId, d.transferId, 'accepted', d.acceptedAt);
          break;
        case 'OwnershipTransferExpired':
          this.close(d.organizationId, d.transferId, 'lapsed', d.expiresAt);
          break;
        case 'OwnershipTransferCancelled':
          this.close(d.organizationId, d.transferId, 'cancelled', d.cancelledAt);
          break;
        case 'IssuanceRightGranted':
          this.rights.set(d.rightId, {
            vendorId: d.vendorId,
            resellerId: d.resellerId,
            template: d.licenseTemplateId,
            granted: d.maxLicenses,
            used: 0,
            remaining: d.maxLicenses,
            blocked: false,
            expiresAt: d.expiresAt,
          });
          break;
        case 'IssuanceRightConsumed': {
          const r = this.rights.get(d.rightId);
          if (r) Object.assign(r, { used: d.used, remaining: d.remaining });
          break;
        }
        case 'IssuanceRightBlocked': {
          const r = this.rights.get(d.rightId);
          if (r) r.blocked = true;
          break;
        }
        case 'IssuanceRightExtended': {
          const r = this.rights.get(d.rightId);
          if (r) Object.assign(r, { granted: d.maxLicenses, remaining: Math.max(0, d.maxLicenses - r.used), expiresAt: d.expiresAt });
          break;
        }
      }
    }
  }

  private update(subscriptionId: string, change: (s: Subscription) => Subscription): void {
    const s = this.subscriptions.get(subscriptionId);
    if (s) this.subscriptions.set(subscriptionId, change(s));
  }

  private close(organizationId: string, transferId: string, kind: 'accepted' | 'lapsed' | 'cancelled', at: string): void {
    const t = this.transfers.get(`${organizationId}|${transferId}`);
    if (t && t.outcome === null) t.outcome = { kind, at };
  }

  // -- figures, as the API's rows --------------------------------------------------------------

  private inScope(scope: Scope, filter: LedgerFilter, x: { vendorId: string; resellerId: string | null }): boolean {
    if (scope.kind === 'reseller') return x.resellerId === scope.resellerId;
    return x.vendorId === scope.vendorId && (filter.resellerId === undefined || x.resellerId === filter.resellerId);
  }

  private inPeriod(month: string, filter: LedgerFilter): boolean {
    return (!filter.fromMonth || month >= filter.fromMonth) && (!filter.toMonth || month <= filter.toMonth);
  }

  private partner(vendorId: string, resellerId: string | null): Row {
    return { vendorId, resellerId, resellerName: resellerId === null ? null : (this.names.get(resellerId) ?? resellerId) };
  }

  revenue(scope: Scope, filter: LedgerFilter = {}): Row[] {
    const rows = new Map<string, Row>();
    for (const s of this.sales) {
      if (!this.inScope(scope, filter, s) || !this.inPeriod(s.month, filter) || (filter.currency && s.currency !== filter.currency))
        continue;
      const key = `${s.month}|${s.vendorId}|${s.resellerId}|${s.currency}`;
      const zero = money(0, s.currency);
      const row = rows.get(key) ?? {
        month: s.month,
        ...this.partner(s.vendorId, s.resellerId),
        currency: s.currency,
        newRevenue: zero,
        renewalRevenue: zero,
        expansionRevenue: zero,
        totalRevenue: zero,
        invoices: 0,
      };
      const field =
        s.reason === 'renewal'
          ? 'renewalRevenue'
          : s.reason === 'purchase' || s.reason === 'direct-purchase'
            ? 'newRevenue'
            : 'expansionRevenue';
      row[field] = money(new D(row[field] as string).plus(s.total), s.currency);
      row.totalRevenue = money(new D(row.totalRevenue as string).plus(s.total), s.currency);
      row.invoices = (row.invoices as number) + 1;
      rows.set(key, row);
    }
    return [...rows.values()];
  }

  seats(scope: Scope, filter: LedgerFilter = {}): Row[] {
    const rows = new Map<string, Row>();
    for (const s of this.sales) {
      if (!this.inScope(scope, filter, s) || !this.inPeriod(s.month, filter) || (filter.currency && s.currency !== filter.currency))
        continue;
      const key = `${s.month}|${s.vendorId}|${s.resellerId}`;
      const row = rows.get(key) ?? {
        month: s.month,
        ...this.partner(s.vendorId, s.resellerId),
        seatsNew: 0,
        seatsAdded: 0,
        seatsSold: 0,
        seatsRenewed: 0,
      };
      row.seatsNew = (row.seatsNew as number) + s.seatsNew;
      row.seatsAdded = (row.seatsAdded as number) + s.seatsAdded;
      row.seatsSold = (row.seatsSold as number) + s.seatsNew + s.seatsAdded;
      row.seatsRenewed = (row.seatsRenewed as number) + s.seatsRenewed;
      rows.set(key, row);
    }
    return [...rows.values()];
  }

  private active(scope: Scope, filter: LedgerFilter, now: Date): Subscription[] {
    return [...this.subscriptions.values()].filter(
      (s) =>
        s.status === 'active' &&
        s.periodEnd > now.getTime() &&
        this.inScope(scope, filter, s) &&
        (!filter.currency || s.currency === filter.currency),
    );
  }

  private annualTotal(s: Subscription): string {
    const periodTotal = money(new D(s.unitPrice).times(s.seats), s.currency);
    return money(new D(periodTotal).times(s.billingPeriod === 'monthly' ? 12 : 1), s.currency);
  }

  activeSubscriptions(scope: Scope, now: Date, filter: LedgerFilter = {}): Row[] {
    const rows = new Map<string, Row>();
    for (const s of this.active(scope, filter, now)) {
      const key = `${s.vendorId}|${s.resellerId}|${s.currency}`;
      const row = rows.get(key) ?? {
        ...this.partner(s.vendorId, s.resellerId),
        currency: s.currency,
        subscriptions: 0,
        seats: 0,
        annualTotal: money(0, s.currency),
      };
      row.subscriptions = (row.subscriptions as number) + 1;
      row.seats = (row.seats as number) + s.seats;
      row.annualTotal = money(new D(row.annualTotal as string).plus(this.annualTotal(s)), s.currency);
      rows.set(key, row);
    }
    return [...rows.values()];
  }

  renewalsDue(scope: Scope, now: Date, filter: LedgerFilter = {}): Row[] {
    const rows = new Map<string, Row>();
    for (const s of this.active(scope, filter, now)) {
      const dueIn = s.periodEnd - now.getTime();
      if (dueIn > 90 * DAY) continue;
      for (const withinDays of [30, 60, 90]) {
        const key = `${withinDays}|${s.vendorId}|${s.resellerId}|${s.currency}`;
        const row = rows.get(key) ?? {
          withinDays,
          ...this.partner(s.vendorId, s.resellerId),
          currency: s.currency,
          subscriptions: 0,
          seats: 0,
          annualTotal: money(0, s.currency),
        };
        if (dueIn <= withinDays * DAY) {
          row.subscriptions = (row.subscriptions as number) + 1;
          row.seats = (row.seats as number) + s.seats;
          row.annualTotal = money(new D(row.annualTotal as string).plus(this.annualTotal(s)), s.currency);
        }
        rows.set(key, row);
      }
    }
    return [...rows.values()];
  }

  transfersTable(scope: Scope, now: Date, filter: LedgerFilter = {}): Row[] {
    const rows = new Map<string, Row>();
    const rowOf = (t: Transfer) => {
      const key = `${t.vendorId}|${t.resellerId}`;
      const row = rows.get(key) ?? {
        ...this.partner(t.vendorId, t.resellerId),
        pending: 0,
        initiated: 0,
        accepted: 0,
        lapsed: 0,
        cancelled: 0,
      };
      rows.set(key, row);
      return row;
    };
    for (const t of this.transfers.values()) {
      if (!this.inScope(scope, filter, t)) continue;
      if (this.inPeriod(monthOf(t.initiatedAt), filter)) rowOf(t).initiated = (rowOf(t).initiated as number) + 1;
      if (t.outcome) {
        if (this.inPeriod(monthOf(t.outcome.at), filter)) rowOf(t)[t.outcome.kind] = (rowOf(t)[t.outcome.kind] as number) + 1;
      } else if (Date.parse(t.expiresAt) > now.getTime()) {
        rowOf(t).pending = (rowOf(t).pending as number) + 1;
      } else if (this.inPeriod(monthOf(t.expiresAt), filter)) {
        rowOf(t).lapsed = (rowOf(t).lapsed as number) + 1; // rule 3: lapsed even if no sweep recorded it
      }
    }
    return [...rows.values()];
  }

  utilization(scope: Scope, now: Date, filter: LedgerFilter = {}): Row[] {
    const rows = new Map<string, Row>();
    for (const r of this.rights.values()) {
      if (!this.inScope(scope, filter, r)) continue;
      const key = `${r.vendorId}|${r.resellerId}|${r.template}`;
      const row = rows.get(key) ?? {
        ...this.partner(r.vendorId, r.resellerId),
        licenseTemplateId: r.template,
        rights: 0,
        granted: 0,
        used: 0,
        remaining: 0,
        blocked: 0,
        blockedUnused: 0,
        expired: 0,
        expiredUnused: 0,
        usedPercent: '0.0',
      };
      const add = (field: string, n: number) => (row[field] = (row[field] as number) + n);
      add('rights', 1);
      add('granted', r.granted);
      add('used', r.used);
      if (r.blocked) {
        add('blocked', 1);
        add('blockedUnused', r.remaining);
      } else if (Date.parse(r.expiresAt) <= now.getTime()) {
        add('expired', 1);
        add('expiredUnused', r.remaining);
      } else {
        add('remaining', r.remaining);
      }
      row.usedPercent =
        (row.granted as number) === 0
          ? '0.0'
          : new D(row.used as number)
              .times(100)
              .dividedBy(row.granted as number)
              .toFixed(1, Decimal.ROUND_HALF_EVEN);
      rows.set(key, row);
    }
    return [...rows.values()];
  }

  /** Every table, by the API's table name. */
  table(name: string, scope: Scope, now: Date, filter: LedgerFilter = {}): Row[] {
    switch (name) {
      case 'revenue':
        return this.revenue(scope, filter);
      case 'seats':
        return this.seats(scope, filter);
      case 'active-subscriptions':
        return this.activeSubscriptions(scope, now, filter);
      case 'renewals-due':
        return this.renewalsDue(scope, now, filter);
      case 'transfers':
        return this.transfersTable(scope, now, { ...filter, currency: undefined });
      case 'issuance-utilization':
        return this.utilization(scope, now, { resellerId: filter.resellerId });
      default:
        throw new Error(`no such table ${name}`);
    }
  }
}

/** Rows in one canonical order, for comparing sets of rows. */
export function canonicalRows(rows: readonly Row[]): Row[] {
  const key = (r: Row) =>
    JSON.stringify(
      Object.keys(r)
        .sort()
        .map((k) => [k, r[k]]),
    );
  return [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
