/**
 * Read-store numbers are JSON numbers (doubles), which cannot hold every bigint position; a
 * position is therefore indexed as a fixed-width decimal string. 20 digits hold any unsigned
 * 64-bit value, so text order equals log order.
 */
export const POSITION_KEY_WIDTH = 20;

export function positionKey(position: bigint): string {
  if (position < 0n) throw new RangeError(`a log position is never negative, got ${position}`);
  return position.toString().padStart(POSITION_KEY_WIDTH, '0');
}

/** Categories of the log; matched by prefix because `issuance-right` itself contains a dash. */
const CATEGORIES = ['issuance-right', 'subscription', 'organization', 'license', 'reseller', 'catalog', 'sign-in-link'] as const;
export type StreamCategory = (typeof CATEGORIES)[number];

/** `subscription-sub-1` → { category: 'subscription', id: 'sub-1' }; null outside the catalog. */
export function parseStreamId(streamId: string): { category: StreamCategory; id: string } | null {
  for (const category of CATEGORIES) {
    if (streamId.startsWith(`${category}-`) && streamId.length > category.length + 1) {
      return { category, id: streamId.slice(category.length + 1) };
    }
  }
  return null;
}

/** One spelling per instant ("…T00:00:00Z" and "…T00:00:00.000Z" sort differently as text). */
export function canonicalInstant(instant: string | Date): string {
  const ms = instant instanceof Date ? instant.getTime() : Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${String(instant)}`);
  return new Date(ms).toISOString();
}
