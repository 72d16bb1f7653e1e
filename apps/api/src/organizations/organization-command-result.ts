import { CommandEnvelope, LedgerContext } from '@channel-ledger/application';
import { organizationStream } from '@channel-ledger/domain';
import { RecordedEvent } from '@channel-ledger/event-store';

/** What every organization command answers: the command that did it and the stream revision it left. */
export interface OrganizationCommandResult {
  organizationId: string;
  commandId: string;
  /** The organization stream's revision after the command (decimal string), for read-your-writes. */
  revision: string | null;
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
  const last = outcome.events.at(-1) ?? (await ctx.store.readStream(organizationStream(organizationId))).at(-1);
  return { organizationId, commandId: envelope.commandId, revision: last ? last.revision.toString() : null };
}
