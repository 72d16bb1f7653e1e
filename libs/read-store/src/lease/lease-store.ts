import { ReadStoreUsageError } from '../errors';

/** Who holds a lease, and until when (epoch milliseconds of the holder's clock). */
export interface LeaseInfo {
  name: string;
  holder: string;
  expiresAt: number;
}

/**
 * A named lease kept in the read store's database: at most one holder at a time, for `ttlMs`
 * after its last acquisition or renewal. Every operation is one atomic compare-and-set, so two
 * processes racing for a free or lapsed lease cannot both win.
 *
 * Time is passed in (`now`, epoch ms) rather than read from the database server, so the holders'
 * clocks must agree to well within the TTL (NTP is plenty for TTLs of seconds).
 */
export interface LeaseStore {
  /** Takes the lease if it is free, lapsed (`expiresAt <= now`) or already `holder`'s (then it is renewed). */
  tryAcquire(name: string, holder: string, ttlMs: number, now: number): Promise<boolean>;
  /** Extends `holder`'s lease to `now + ttlMs`; false when someone else holds it or it is gone (then stop at once). */
  renew(name: string, holder: string, ttlMs: number, now: number): Promise<boolean>;
  /** Gives the lease up if `holder` has it (a standby may take it at once); otherwise does nothing. */
  release(name: string, holder: string): Promise<void>;
  /** The lease as stored (possibly lapsed), or null when nobody has taken it. */
  current(name: string): Promise<LeaseInfo | null>;
  close(): Promise<void>;
}

const LEASE_NAME = /^[A-Za-z0-9_.:-]{1,128}$/;

export function assertLeaseArguments(name: string, holder?: string, ttlMs?: number, now?: number): void {
  if (!LEASE_NAME.test(name)) throw new ReadStoreUsageError(`Lease name "${name}" must be 1-128 of A-Z a-z 0-9 _ . : -`);
  if (holder !== undefined && (typeof holder !== 'string' || holder.length === 0 || holder.length > 256)) {
    throw new ReadStoreUsageError('A lease holder must be a string of 1-256 characters');
  }
  if (ttlMs !== undefined && (!Number.isSafeInteger(ttlMs) || ttlMs < 1))
    throw new ReadStoreUsageError(`Lease TTL must be a positive whole number of ms (got ${ttlMs})`);
  if (now !== undefined && (!Number.isSafeInteger(now) || now < 0))
    throw new ReadStoreUsageError(`Lease time must be epoch milliseconds (got ${now})`);
}
