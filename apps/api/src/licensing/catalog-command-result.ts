import { CommandEnvelope, LedgerContext } from '@channel-ledger/application';
import { catalogStream } from '@channel-ledger/domain';
import { RecordedEvent } from '@channel-ledger/event-store';
import { CommandReceipt, receiptOf } from './licensing-command-result';

export interface CatalogCommandResult extends CommandReceipt {
  vendorId: string;
  planId: string;
}

export async function catalogCommandResult(
  ctx: LedgerContext,
  vendorId: string,
  planId: string,
  envelope: CommandEnvelope,
  outcome: { events: RecordedEvent[] },
): Promise<CatalogCommandResult> {
  return { vendorId, planId, ...(await receiptOf(ctx, catalogStream(vendorId), envelope, outcome)) };
}
