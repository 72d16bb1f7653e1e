import { HttpStatus, Logger } from '@nestjs/common';
import { InvalidCursorError, NotIndexedError } from '@channel-ledger/read-store';
import { CodedHttpException } from '../../access/access-errors';
import { InvalidInputException } from '../../http/invalid-input.exception';

const logger = new Logger('ReadModels');

/**
 * What a list read can meet besides its answer:
 * - a cursor from another query, a tampered one, or one whose read-model version was dropped by
 *   a rebuild: the caller's to fix (start again without it), a 400 naming the field;
 * - a query the serving version has no index for: after a deploy that added an index, the old
 *   version serves until the new one is built (blue/green), so the new query waits for it: 503.
 */
export async function listRead<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof InvalidCursorError) {
      throw new InvalidInputException([
        {
          field: 'cursor',
          messages: ['this cursor does not belong to this list (or the list was rebuilt meanwhile); start again without a cursor'],
        },
      ]);
    }
    if (error instanceof NotIndexedError) {
      logger.warn(`${error.message} (expected only while a new read-model version is being built)`);
      throw new CodedHttpException(
        HttpStatus.SERVICE_UNAVAILABLE,
        'read-model-rebuilding',
        'This list is being rebuilt for a new version of the read model; try again in a minute.',
        { 'Retry-After': '60' },
      );
    }
    throw error;
  }
}
