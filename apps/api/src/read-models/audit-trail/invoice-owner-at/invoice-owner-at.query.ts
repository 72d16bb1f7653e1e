import { Query } from '@nestjs/cqrs';
import { InvoiceOwnerAtResult } from '@channel-ledger/projections';
import { Principal } from '../../../access/principal';

export type InvoiceOwnerAnswer = { subscriptionId: string; at: string; invoiceOwner: InvoiceOwnerAtResult | null };

/** "Who was the invoice owner of this subscription on date D?" */
export class InvoiceOwnerAtQuery extends Query<InvoiceOwnerAnswer> {
  constructor(
    readonly subscriptionId: string,
    readonly at: string,
    readonly viewer: Principal,
  ) {
    super();
  }
}
