import { CommandEnvelope, LedgerContext } from '@channel-ledger/application';
import { RecordedEvent } from '@channel-ledger/event-store';

/** The command that did it and the revision the stream was left at (decimal string), for read-your-writes. */
export interface CommandReceipt {
  commandId: string;
  revision: string | null;
}

/** A command that changed nothing (already so) still answers with the stream's current revision. */
export async function receiptOf(
  ctx: LedgerContext,
  streamId: string,
  envelope: CommandEnvelope,
  outcome: { events: RecordedEvent[] },
): Promise<CommandReceipt> {
  const last = outcome.events.at(-1) ?? (await ctx.store.readStream(streamId)).at(-1);
  return { commandId: envelope.commandId, revision: last ? last.revision.toString() : null };
}
