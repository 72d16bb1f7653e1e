import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { invoiceOwnerAt } from '@channel-ledger/projections';
import { ReadStore } from '@channel-ledger/read-store';
import { readsEverything } from '../../../access/principal';
import { notVisible } from '../../../http/not-visible';
import { READ_STORE } from '../../../infrastructure/read-store.provider';
import { InvoiceOwnerAnswer, InvoiceOwnerAtQuery } from './invoice-owner-at.query';

/** One indexed lookup: the latest invoice-owner interval starting at or before the instant. */
@QueryHandler(InvoiceOwnerAtQuery)
export class InvoiceOwnerAtHandler implements IQueryHandler<InvoiceOwnerAtQuery, InvoiceOwnerAnswer> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ subscriptionId, at, viewer }: InvoiceOwnerAtQuery): Promise<InvoiceOwnerAnswer> {
    if (!readsEverything(viewer)) throw notVisible('subscription', subscriptionId);
    const instant = new Date(at).toISOString();
    return { subscriptionId, at: instant, invoiceOwner: await invoiceOwnerAt(this.readStore, subscriptionId, instant) };
  }
}
