import { ReadStoreUsageError } from '../errors';

/** Log positions fit an unsigned 64-bit integer (EventStoreDB commit positions are u64). */
const MAX_POSITION = (1n << 64n) - 1n;
const POSITION_WIDTH = MAX_POSITION.toString().length; // 20 digits

/** Parses a checkpoint position: a canonical decimal string, never a JSON number (it would lose precision past 2^53). */
export function parsePosition(position: unknown): bigint {
  if (typeof position !== 'string' || !/^(0|[1-9][0-9]*)$/.test(position)) {
    throw new ReadStoreUsageError(
      `Checkpoint position must be a decimal string of a non-negative integer, got ${JSON.stringify(position)}`,
    );
  }
  const value = BigInt(position);
  if (value > MAX_POSITION) throw new ReadStoreUsageError(`Checkpoint position ${position} exceeds 2^64-1`);
  return value;
}

/**
 * Fixed-width, zero-padded form: string order equals numeric order, so a store without a
 * bigint type (MongoDB has no unsigned 64-bit) can compare positions in a query filter.
 */
export function sortablePosition(position: bigint): string {
  return position.toString().padStart(POSITION_WIDTH, '0');
}
