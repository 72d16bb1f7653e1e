import { Query } from '@nestjs/cqrs';

export interface OutboxCounts {
  pending: number;
  sent: number;
}

export class OutboxCountsQuery extends Query<OutboxCounts> {}
