import { Query } from '@nestjs/cqrs';
import { InvoiceOwnerFromLog } from '@channel-ledger/application';
import { Principal } from '../../access/principal';

/** Who was the invoice owner on `at`, as the ledger knew it at `asKnownAt`, and which events made it so. */
export class InvoiceOwnerFromLogQuery extends Query<InvoiceOwnerFromLog> {
  constructor(
    readonly subscriptionId: string,
    readonly at: string,
    readonly asKnownAt: string | undefined,
    readonly viewer: Principal,
  ) {
    super();
  }
}
