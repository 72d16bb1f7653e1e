import { Decider, Decision, DomainEvent, violation } from '../../shared/decider';
import { Actor, Email, Instant, instantPlusHours, isAtOrAfter } from '../../shared/types';
import { OrganizationEvent } from '../events';
import { evolveOrganization, initialOrganizationState, OrganizationState } from '../state';

/** How long before an ownership offer lapses the invited contact is reminded of it. */
export const OWNERSHIP_TRANSFER_REMINDER_HOURS = 24;

/** When the reminder of an offer lapsing at `expiresAt` is due. */
export function ownershipTransferReminderDueAt(expiresAt: Instant): Instant {
  return instantPlusHours(expiresAt, -OWNERSHIP_TRANSFER_REMINDER_HOURS);
}

/**
 * Sent by the reminders process a day before an offer lapses. Harmless to repeat: an offer is
 * reminded of once, and a settled or lapsed one not at all.
 */
export interface RemindOwnershipTransfer {
  readonly type: 'RemindOwnershipTransfer';
  readonly organizationId: string;
  readonly transferId: string;
  readonly now: Instant;
  readonly actor: Actor;
}

/** The invited customer contact was reminded that the offer lapses at `expiresAt`; the mail follows from it. */
export type OwnershipTransferReminded = DomainEvent<
  'OwnershipTransferReminded',
  { organizationId: string; transferId: string; toEmail: Email; expiresAt: Instant; remindedAt: Instant }
>;

/** Events recorded on an organization stream by the time-driven processes. */
export type OrganizationProcessEvent = OwnershipTransferReminded;

/** Everything an organization stream may hold. */
export type OrganizationStreamEvent = OrganizationEvent | OrganizationProcessEvent;

export function decideRemindOwnershipTransfer(
  command: RemindOwnershipTransfer,
  state: OrganizationState,
): Decision<OrganizationStreamEvent> {
  if (command.actor.kind !== 'system') {
    return violation('actor-not-allowed', 'Reminders are sent by the ledger itself.', { actorKind: command.actor.kind });
  }
  if (state.status !== 'active' || state.transfer.status !== 'pending') return [];
  const pending = state.transfer;
  if (pending.transferId !== command.transferId || pending.remindedAt !== undefined) return [];
  if (isAtOrAfter(command.now, pending.expiresAt)) return [];
  return [
    {
      type: 'OwnershipTransferReminded',
      data: {
        organizationId: state.organizationId,
        transferId: pending.transferId,
        toEmail: pending.toEmail,
        expiresAt: pending.expiresAt,
        remindedAt: command.now,
      },
    },
  ];
}

/** The reminder side of an organization stream: its own command, the stream's one evolve. */
export const ownershipTransferReminderDecider: Decider<RemindOwnershipTransfer, OrganizationStreamEvent, OrganizationState> = {
  initialState: initialOrganizationState,
  decide: decideRemindOwnershipTransfer,
  evolve: evolveOrganization,
};
