import { ReadStoreUsageError } from '../errors';
import type { LeaseStore } from '../lease/lease-store';

export interface LeaseStoreHarness {
  /** Fresh, empty storage; `open` may be called several times (separate connections, as separate processes would have). */
  createStorage(): Promise<{ open(): Promise<LeaseStore>; destroy(): Promise<void> }>;
}

/** What every lease store must do; run by each adapter's spec (MongoDB only when MONGODB_URI is set). */
export function leaseStoreContract(adapter: string, harness: LeaseStoreHarness): void {
  describe(`lease store contract: ${adapter}`, () => {
    let storage: Awaited<ReturnType<LeaseStoreHarness['createStorage']>>;
    let a: LeaseStore;
    let b: LeaseStore;
    const T0 = Date.UTC(2026, 0, 1);
    const TTL = 10_000;

    beforeEach(async () => {
      storage = await harness.createStorage();
      a = await storage.open();
      b = await storage.open();
    });
    afterEach(async () => {
      await a.close();
      await b.close();
      await storage.destroy();
    });

    it('grants a free lease and refuses it to another holder until it lapses', async () => {
      expect(await a.current('projector')).toBeNull();
      expect(await a.tryAcquire('projector', 'A', TTL, T0)).toBe(true);
      expect(await b.current('projector')).toEqual({ name: 'projector', holder: 'A', expiresAt: T0 + TTL });
      expect(await b.tryAcquire('projector', 'B', TTL, T0 + 1)).toBe(false);
      expect(await b.tryAcquire('projector', 'B', TTL, T0 + TTL - 1)).toBe(false);
      expect(await b.current('projector')).toEqual({ name: 'projector', holder: 'A', expiresAt: T0 + TTL });
      // Lapsed: the standby takes over, and the old holder's renewal is refused.
      expect(await b.tryAcquire('projector', 'B', TTL, T0 + TTL)).toBe(true);
      expect(await a.renew('projector', 'A', TTL, T0 + TTL + 1)).toBe(false);
      expect(await a.tryAcquire('projector', 'A', TTL, T0 + TTL + 1)).toBe(false);
      expect(await a.current('projector')).toEqual({ name: 'projector', holder: 'B', expiresAt: T0 + 2 * TTL });
    });

    it('renews for its holder only, and acquiring again is a renewal', async () => {
      expect(await a.tryAcquire('projector', 'A', TTL, T0)).toBe(true);
      expect(await a.renew('projector', 'A', TTL, T0 + 5_000)).toBe(true);
      expect(await b.tryAcquire('projector', 'B', TTL, T0 + TTL)).toBe(false); // the renewal moved the expiry
      expect(await a.tryAcquire('projector', 'A', TTL, T0 + 9_000)).toBe(true);
      expect(await a.current('projector')).toEqual({ name: 'projector', holder: 'A', expiresAt: T0 + 9_000 + TTL });
      expect(await b.renew('projector', 'B', TTL, T0 + 9_001)).toBe(false);
      expect(await b.renew('unknown', 'B', TTL, T0)).toBe(false);
      expect(await a.current('projector')).toMatchObject({ holder: 'A' });
    });

    it('released, a lease is free at once; a release by another holder does nothing', async () => {
      expect(await a.tryAcquire('projector', 'A', TTL, T0)).toBe(true);
      await b.release('projector', 'B');
      expect(await b.current('projector')).toMatchObject({ holder: 'A' });
      await a.release('projector', 'A');
      expect(await a.current('projector')).toBeNull();
      expect(await a.renew('projector', 'A', TTL, T0 + 1)).toBe(false);
      expect(await b.tryAcquire('projector', 'B', TTL, T0 + 1)).toBe(true);
    });

    it('keeps leases of different names apart', async () => {
      expect(await a.tryAcquire('projector', 'A', TTL, T0)).toBe(true);
      expect(await b.tryAcquire('projector.audit', 'B', TTL, T0)).toBe(true);
      expect(await a.current('projector')).toMatchObject({ holder: 'A' });
      expect(await a.current('projector.audit')).toMatchObject({ holder: 'B' });
    });

    it('lets exactly one of many racing holders win a free or a lapsed lease', async () => {
      const stores = [a, b, await storage.open(), await storage.open()];
      try {
        for (const at of [T0, T0 + TTL]) {
          const wins = await Promise.all(
            stores.flatMap((store, i) => [0, 1].map((j) => store.tryAcquire('race', `H${at}-${i}-${j}`, TTL, at))),
          );
          expect(wins.filter(Boolean)).toHaveLength(1);
          expect(await a.current('race')).toMatchObject({ holder: `H${at}-${wins.indexOf(true) >> 1}-${wins.indexOf(true) & 1}` });
        }
      } finally {
        await stores[2].close();
        await stores[3].close();
      }
    });

    it('refuses malformed names, holders, TTLs and times', async () => {
      await expect(a.tryAcquire('bad name', 'A', TTL, T0)).rejects.toBeInstanceOf(ReadStoreUsageError);
      await expect(a.tryAcquire('projector', '', TTL, T0)).rejects.toBeInstanceOf(ReadStoreUsageError);
      await expect(a.tryAcquire('projector', 'A', 0, T0)).rejects.toBeInstanceOf(ReadStoreUsageError);
      await expect(a.renew('projector', 'A', TTL, -1)).rejects.toBeInstanceOf(ReadStoreUsageError);
      expect(await a.current('projector')).toBeNull();
    });
  });
}
