import { CommandEnvelope, LedgerContext } from '@channel-ledger/application';
import { organizationStream } from '@channel-ledger/domain';
import { RecordedEvent } from '@channel-ledger/event-store';
import { CommandReceipt, receiptOf } from '../licensing/licensing-command-result';

/** What every organization command answers: the command that did it and the stream revision it left. */
export interface OrganizationCommandResult extends CommandReceipt {
  organizationId: string;
}

/**
 * A command that changed nothing (the change was already so) appends nothing: it still answers
 * with the stream's current revision, so a client can wait for the read models either way.
 */
export async function organizationCommandResult(
  ctx: LedgerContext,
  organizationId: string,
  envelope: CommandEnvelope,
  outcome: { events: RecordedEvent[] },
): Promise<OrganizationCommandResult> {
  return { organizationId, ...(await receiptOf(ctx, organizationStream(organizationId), envelope, outcome)) };
}
