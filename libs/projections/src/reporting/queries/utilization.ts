import type { ReadStore, Where } from '@channel-ledger/read-store';
import { REPORTING_ISSUANCE_RIGHTS } from '../collections';
import type { ReportingIssuanceRight } from '../documents';
import { readAll } from './read-all';

export interface Utilization {
  rights: number;
  /** Licenses granted (sum of every right's maximum). */
  granted: number;
  used: number;
  /** Still issuable: unused quota of rights neither blocked nor (given `now`) expired. */
  remaining: number;
  /** Rights blocked, and the unused quota they took with them. */
  blocked: number;
  blockedUnused: number;
  /** Rights past their expiry at `now` (0 without `now`), and their unused quota. */
  expired: number;
  expiredUnused: number;
}

export interface UtilizationReport {
  vendorId: string;
  total: Utilization;
  byReseller: ({ resellerId: string } & Utilization)[];
}

/** Every figure at zero. */
export const emptyUtilization = (): Utilization => ({
  rights: 0,
  granted: 0,
  used: 0,
  remaining: 0,
  blocked: 0,
  blockedUnused: 0,
  expired: 0,
  expiredUnused: 0,
});

/** Counts one right into `into`; a right expires only given `now` (epoch ms). */
export function addRight(into: Utilization, right: ReportingIssuanceRight, now: number | null): void {
  into.rights += 1;
  into.granted += right.granted;
  into.used += right.used;
  if (right.blocked) {
    into.blocked += 1;
    into.blockedUnused += right.remaining;
  } else if (now !== null && Date.parse(right.expiresAt) <= now) {
    into.expired += 1;
    into.expiredUnused += right.remaining;
  } else {
    into.remaining += right.remaining;
  }
}

/** Issuance-right utilization of a vendor, per reseller and in total (one indexed query). */
export async function issuanceUtilization(
  readStore: ReadStore,
  query: { vendorId: string; resellerId?: string; now?: string | Date },
): Promise<UtilizationReport> {
  const where: Where = { vendorId: query.vendorId };
  if (query.resellerId !== undefined) where.resellerId = query.resellerId;
  const now = query.now === undefined ? null : query.now instanceof Date ? query.now.getTime() : Date.parse(query.now);
  const rights = await readAll<ReportingIssuanceRight>(readStore, REPORTING_ISSUANCE_RIGHTS, { where });
  const total = emptyUtilization();
  const byReseller = new Map<string, Utilization>();
  for (const right of rights) {
    addRight(total, right, now);
    const reseller = byReseller.get(right.resellerId) ?? emptyUtilization();
    addRight(reseller, right, now);
    byReseller.set(right.resellerId, reseller);
  }
  return {
    vendorId: query.vendorId,
    total,
    byReseller: [...byReseller.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([resellerId, figures]) => ({ resellerId, ...figures })),
  };
}
