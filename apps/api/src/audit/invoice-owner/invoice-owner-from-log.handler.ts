import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InvoiceOwnerFromLog, invoiceOwnerFromLog, parseInstant } from '@channel-ledger/application';
import { EventStore } from '@channel-ledger/event-store';
import { readsEverything } from '../../access/principal';
import { notVisible } from '../../http/not-visible';
import { EVENT_STORE } from '../../infrastructure/infrastructure.module';
import { InvoiceOwnerFromLogQuery } from './invoice-owner-from-log.query';

@QueryHandler(InvoiceOwnerFromLogQuery)
export class InvoiceOwnerFromLogHandler implements IQueryHandler<InvoiceOwnerFromLogQuery, InvoiceOwnerFromLog> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ subscriptionId, at, asKnownAt, viewer }: InvoiceOwnerFromLogQuery): Promise<InvoiceOwnerFromLog> {
    if (!readsEverything(viewer)) throw notVisible('subscription', subscriptionId);
    if ((await this.store.readStream(`subscription-${subscriptionId}`, { toRevision: 0n })).length === 0)
      throw notVisible('subscription', subscriptionId);
    return invoiceOwnerFromLog(this.store, subscriptionId, {
      at: parseInstant(at)!,
      asKnownAt: (asKnownAt && parseInstant(asKnownAt)) || null,
    });
  }
}
