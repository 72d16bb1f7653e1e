/**
 * The two clocks every question of an auditor has (DESIGN.md §7): business time, "what was true
 * on D" (effective dates, occurredAt), and recorded time, "as the ledger knew it at T" (recordedAt).
 */
export interface TimeAxes {
  /** Business time asked about (ISO instant). */
  asOf: string;
  /** Recorded-time cut (ISO instant); null: everything recorded so far. */
  asKnownAt: string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A date (the start of that day, UTC, as everywhere in the API) or an instant with its offset, as
 * a canonical ISO instant; null when it is neither (a local time without zone would depend on the
 * machine's).
 */
export function parseInstant(text: string): string | null {
  if (!DATE.test(text) && !INSTANT.test(text)) return null;
  const ms = Date.parse(DATE.test(text) ? `${text}T00:00:00.000Z` : text);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
