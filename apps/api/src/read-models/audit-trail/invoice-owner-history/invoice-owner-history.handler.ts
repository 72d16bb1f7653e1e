import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { invoiceOwnerHistory } from '@channel-ledger/projections';
import { ReadStore } from '@channel-ledger/read-store';
import { readsEverything } from '../../../access/principal';
import { notVisible } from '../../../http/not-visible';
import { READ_STORE } from '../../../infrastructure/read-store.provider';
import { InvoiceOwnerHistory, InvoiceOwnerHistoryQuery } from './invoice-owner-history.query';

@QueryHandler(InvoiceOwnerHistoryQuery)
export class InvoiceOwnerHistoryHandler implements IQueryHandler<InvoiceOwnerHistoryQuery, InvoiceOwnerHistory> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ subscriptionId, viewer }: InvoiceOwnerHistoryQuery): Promise<InvoiceOwnerHistory> {
    if (!readsEverything(viewer)) throw notVisible('subscription', subscriptionId);
    return { subscriptionId, intervals: await invoiceOwnerHistory(this.readStore, subscriptionId) };
  }
}
