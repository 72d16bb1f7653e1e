import { InvalidCursorError } from '@channel-ledger/read-store';
import { InvalidInputException } from '../../http/invalid-input.exception';

/**
 * A cursor from another query, a tampered one, or one whose read-model version was replaced by a
 * rebuild is the caller's to fix (start again without it): a 400 naming the field, not a 500.
 */
export async function withCursor<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof InvalidCursorError) {
      throw new InvalidInputException([
        { field: 'cursor', messages: ['this cursor does not belong to this list (or the list was rebuilt meanwhile); start again without a cursor'] },
      ]);
    }
    throw error;
  }
}
