import { realpathSync } from 'node:fs';

/**
 * Process-wide "something was appended to this file" signal, so a subscription wakes at once for
 * appends made in this process, whichever store instance made them. Appends by other processes
 * are not seen here; subscriptions poll for those.
 */
const listenersByFile = new Map<string, Set<() => void>>();

/** A key that is equal for every connection to the same file (in-memory databases are never shared). */
export function signalKeyFor(path: string): string {
  if (path === ':memory:' || path === '') return `memory:${Math.random()}`;
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

export function listenForAppends(key: string, listener: () => void): () => void {
  let listeners = listenersByFile.get(key);
  if (!listeners) {
    listeners = new Set();
    listenersByFile.set(key, listeners);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && listenersByFile.get(key) === listeners) listenersByFile.delete(key);
  };
}

export function signalAppend(key: string): void {
  for (const listener of [...(listenersByFile.get(key) ?? [])]) listener();
}
