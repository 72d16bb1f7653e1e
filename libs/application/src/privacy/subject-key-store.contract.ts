import { SubjectKeyStore } from './subject-key-store';

/** What every SubjectKeyStore adapter must do (run by subject-key-store.spec.ts, and by a MongoDB run when configured). */
export function subjectKeyStoreContract(
  name: string,
  open: () => Promise<{ store: SubjectKeyStore; reopen?: () => Promise<SubjectKeyStore>; done: () => Promise<void> }>,
): void {
  describe(`SubjectKeyStore contract: ${name}`, () => {
    it('has no key for a subject it never saw', async () => {
      const { store, done } = await open();
      expect(await store.keyOf('never')).toBeNull();
      await done();
    });

    it('creates a 32-byte key once and gives the same one after', async () => {
      const { store, done } = await open();
      const key = await store.keyFor('s-1');
      expect(key).toHaveLength(32);
      expect((await store.keyFor('s-1')).equals(key)).toBe(true);
      expect((await store.keyOf('s-1'))!.equals(key)).toBe(true);
      expect((await store.keyFor('s-2')).equals(key)).toBe(false);
      await done();
    });

    it('forgets a key for good (true once), and a subject who comes back gets a different key', async () => {
      const { store, done } = await open();
      const key = Buffer.from(await store.keyFor('s-1'));
      await store.keyFor('s-2');
      expect(await store.forget('s-1')).toBe(true);
      expect(await store.forget('s-1')).toBe(false);
      expect(await store.keyOf('s-1')).toBeNull();
      expect(await store.keyOf('s-2')).not.toBeNull();
      expect((await store.keyFor('s-1')).equals(key)).toBe(false);
      await done();
    });

    it('keeps keys across a reopen (where the adapter persists)', async () => {
      const { store, reopen, done } = await open();
      if (!reopen) return done();
      const key = await store.keyFor('s-1');
      await store.close();
      const again = await reopen();
      expect((await again.keyOf('s-1'))!.equals(key)).toBe(true);
      await again.close();
      await done();
    });
  });
}
