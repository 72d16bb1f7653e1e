import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { mailOutboxCounts } from '@channel-ledger/projections';
import { ReadStore, UnknownCollectionError } from '@channel-ledger/read-store';
import { READ_STORE } from '../../infrastructure/read-store.provider';
import { OutboxCounts, OutboxCountsQuery } from './outbox-counts.query';

@QueryHandler(OutboxCountsQuery)
export class OutboxCountsHandler implements IQueryHandler<OutboxCountsQuery, OutboxCounts> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute(): Promise<OutboxCounts> {
    try {
      return await mailOutboxCounts(this.readStore);
    } catch (error) {
      // Before the projector created the outbox, nothing is waiting.
      if (error instanceof UnknownCollectionError) return { pending: 0, sent: 0 };
      throw error;
    }
  }
}
