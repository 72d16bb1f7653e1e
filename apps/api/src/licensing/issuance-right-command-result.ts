import { CommandEnvelope, LedgerContext } from '@channel-ledger/application';
import { issuanceRightStream } from '@channel-ledger/domain';
import { RecordedEvent } from '@channel-ledger/event-store';
import { CommandReceipt, receiptOf } from './licensing-command-result';

export interface IssuanceRightCommandResult extends CommandReceipt {
  rightId: string;
}

export async function issuanceRightCommandResult(
  ctx: LedgerContext,
  rightId: string,
  envelope: CommandEnvelope,
  outcome: { events: RecordedEvent[] },
): Promise<IssuanceRightCommandResult> {
  return { rightId, ...(await receiptOf(ctx, issuanceRightStream(rightId), envelope, outcome)) };
}
