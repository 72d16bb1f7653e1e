import type { RecordedEvent } from './port';

/**
 * Decorators of the port (upcasting, decryption) hand out events in the shape the code knows
 * today, while the hash chain is over the bytes as stored. Each decorated event remembers the
 * event it was made from, so whoever verifies a chain (chain.ts, the pipeline's ChainGuard, the
 * CLI) checks the original even when given what a decorator returned.
 */
const storedForms = new WeakMap<RecordedEvent, RecordedEvent>();

/** `decorated` was read as `stored` (itself possibly decorated: the chain is followed to the end). */
export function rememberStoredForm(decorated: RecordedEvent, stored: RecordedEvent): RecordedEvent {
  if (decorated !== stored) storedForms.set(decorated, storedFormOf(stored));
  return decorated;
}

/** The event exactly as the store holds it (the event itself when no decorator changed it). */
export function storedFormOf(event: RecordedEvent): RecordedEvent {
  return storedForms.get(event) ?? event;
}
