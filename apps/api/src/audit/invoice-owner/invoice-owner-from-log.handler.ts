import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InvoiceOwnerFromLog, invoiceOwnerFromLog, parseInstant } from '@channel-ledger/application';
import { EventStore } from '@channel-ledger/event-store';
import { EVENT_STORE } from '../../infrastructure/infrastructure.module';
import { assertReadableSubject } from '../readable-subject';
import { InvoiceOwnerFromLogQuery } from './invoice-owner-from-log.query';

@QueryHandler(InvoiceOwnerFromLogQuery)
export class InvoiceOwnerFromLogHandler implements IQueryHandler<InvoiceOwnerFromLogQuery, InvoiceOwnerFromLog> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ subscriptionId, at, asKnownAt, viewer }: InvoiceOwnerFromLogQuery): Promise<InvoiceOwnerFromLog> {
    await assertReadableSubject(this.store, { kind: 'subscription', id: subscriptionId }, viewer);
    return invoiceOwnerFromLog(this.store, subscriptionId, {
      at: parseInstant(at)!,
      asKnownAt: (asKnownAt && parseInstant(asKnownAt)) || null,
    });
  }
}
