import { Query } from '@nestjs/cqrs';
import { InvoiceOwnerAtResult } from '@channel-ledger/projections';
import { Principal } from '../../../access/principal';

export type InvoiceOwnerHistory = { subscriptionId: string; intervals: InvoiceOwnerAtResult[] };

/** Every invoice owner a subscription had, oldest first. */
export class InvoiceOwnerHistoryQuery extends Query<InvoiceOwnerHistory> {
  constructor(
    readonly subscriptionId: string,
    readonly viewer: Principal,
  ) {
    super();
  }
}
