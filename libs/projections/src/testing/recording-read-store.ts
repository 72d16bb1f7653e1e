import type { CommitBatch, ReadStore } from '@channel-ledger/read-store';

/**
 * The real store, with every successful commit recorded (and an optional hook before setAlias),
 * so tests can see batches and checkpoints. Not a mock: every call goes to the store.
 */
export function recordingReadStore(
  store: ReadStore,
  hooks: { beforeSetAlias?: (logical: string, physical: string) => Promise<void> } = {},
): { store: ReadStore; commits: CommitBatch[] } {
  const commits: CommitBatch[] = [];
  const proxy = new Proxy(store, {
    get(target, property) {
      if (property === 'commit') {
        return async (batch: CommitBatch) => {
          await target.commit(batch);
          commits.push(structuredClone(batch));
        };
      }
      if (property === 'setAlias' && hooks.beforeSetAlias) {
        return async (logical: string, physical: string) => {
          await hooks.beforeSetAlias!(logical, physical);
          return target.setAlias(logical, physical);
        };
      }
      const value = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store: proxy, commits };
}
