import { CommandEnvelope, LedgerContext } from '@channel-ledger/application';
import { licenseStream } from '@channel-ledger/domain';
import { RecordedEvent } from '@channel-ledger/event-store';
import { CommandReceipt, receiptOf } from './licensing-command-result';

export interface LicenseCommandResult extends CommandReceipt {
  licenseId: string;
}

export async function licenseCommandResult(
  ctx: LedgerContext,
  licenseId: string,
  envelope: CommandEnvelope,
  outcome: { events: RecordedEvent[] },
): Promise<LicenseCommandResult> {
  return { licenseId, ...(await receiptOf(ctx, licenseStream(licenseId), envelope, outcome)) };
}
