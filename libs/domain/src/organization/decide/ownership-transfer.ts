import { Decision, isViolation, violation } from '../../shared/decider';
import { Instant, instantPlusDays, isAtOrAfter, normalizeEmail } from '../../shared/types';
import { requireManagingReseller, resolveActing } from '../access';
import { AcceptOwnership, CancelOwnershipTransfer, ExpireOwnershipTransfer, InitiateOwnershipTransfer } from '../commands';
import { OrganizationEvent, OwnershipTransferExpired } from '../events';
import { ActiveOrganization, OrganizationState, PendingOwnershipTransfer } from '../state';

/** Rule 3: the customer has 7 days to accept. */
export const OWNERSHIP_TRANSFER_VALIDITY_DAYS = 7;

export function initiateOwnershipTransfer(command: InitiateOwnershipTransfer, state: OrganizationState): Decision<OrganizationEvent> {
  const acting = resolveActing(state, command.actor, command.context.reseller);
  if (isViolation(acting)) return acting;
  const refused = requireManagingReseller(acting, 'transfer ownership of the organization');
  if (refused) return refused;
  const { organization } = acting;
  if (organization.owner.kind === 'customer') {
    return violation(
      'ownership-already-transferred',
      `${organization.name} is already owned by the customer (${organization.owner.email}).`,
    );
  }
  const toEmail = normalizeEmail(command.toEmail);
  if (toEmail === organization.managingReseller.email) {
    return violation('customer-contact-is-reseller', "Ownership goes to the customer's own address, not to your reseller address.");
  }
  const pending = pendingTransfer(organization);
  if (pending && !isAtOrAfter(command.now, pending.expiresAt)) {
    return violation(
      'transfer-already-open',
      `An ownership transfer to ${pending.toEmail} is open until ${pending.expiresAt}; cancel it or wait for it to expire before starting another.`,
      { transferId: pending.transferId, expiresAt: pending.expiresAt },
    );
  }
  // Rule 3: a lapsed transfer no sweep has recorded yet is recorded now, so the history shows it ended.
  const lapsed = pending ? [expired(organization, pending, command.now)] : [];
  return [
    ...lapsed,
    {
      type: 'OwnershipTransferInitiated',
      data: {
        organizationId: organization.organizationId,
        transferId: command.transferId,
        fromResellerId: organization.managingReseller.resellerId,
        toEmail,
        initiatedAt: command.now,
        expiresAt: instantPlusDays(command.now, OWNERSHIP_TRANSFER_VALIDITY_DAYS),
      },
    },
  ];
}

export function acceptOwnership(command: AcceptOwnership, state: OrganizationState): Decision<OrganizationEvent> {
  if (state.status !== 'active') return noSuchTransfer();
  const pending = pendingTransfer(state);
  const byEmail = normalizeEmail(command.byEmail);
  const lapsed = state.lapsedTransfer;
  if (
    lapsed &&
    lapsed.transferId === command.transferId &&
    lapsed.toEmail === byEmail &&
    (!pending || pending.transferId !== command.transferId)
  ) {
    return transferExpired(state, lapsed.expiresAt);
  }
  if (!pending || pending.transferId !== command.transferId) return noSuchTransfer();
  // Only the invited customer, signed in with the invited address, can take ownership (rule 2).
  if (command.actor.kind !== 'customer' || normalizeEmail(command.actor.id) !== byEmail || byEmail !== pending.toEmail) {
    return violation(
      'transfer-not-for-this-email',
      'This ownership transfer was sent to another address; sign in with the address that received the invitation.',
    );
  }
  if (isAtOrAfter(command.now, pending.expiresAt)) return transferExpired(state, pending.expiresAt);
  return [
    {
      type: 'OwnershipTransferAccepted',
      data: {
        organizationId: state.organizationId,
        transferId: pending.transferId,
        previousOwnerResellerId: state.managingReseller.resellerId,
        newOwnerEmail: byEmail,
        acceptedAt: command.now,
      },
    },
  ];
}

/** Idempotent: a sweep that runs twice, early, or on a settled transfer records nothing. */
export function expireOwnershipTransfer(command: ExpireOwnershipTransfer, state: OrganizationState): Decision<OrganizationEvent> {
  if (state.status !== 'active') return [];
  const pending = pendingTransfer(state);
  if (!pending || !isAtOrAfter(command.now, pending.expiresAt)) return [];
  if (command.transferId !== undefined && command.transferId !== pending.transferId) return [];
  return [expired(state, pending, command.now)];
}

export function cancelOwnershipTransfer(command: CancelOwnershipTransfer, state: OrganizationState): Decision<OrganizationEvent> {
  const acting = resolveActing(state, command.actor, command.context.reseller);
  if (isViolation(acting)) return acting;
  const refused = requireManagingReseller(acting, 'cancel an ownership transfer');
  if (refused) return refused;
  const { organization } = acting;
  const pending = pendingTransfer(organization);
  if (!pending || pending.transferId !== command.transferId) return noSuchTransfer();
  if (isAtOrAfter(command.now, pending.expiresAt)) {
    return violation('transfer-expired', `This ownership transfer already expired at ${pending.expiresAt}.`, {
      expiresAt: pending.expiresAt,
    });
  }
  return [
    {
      type: 'OwnershipTransferCancelled',
      data: {
        organizationId: organization.organizationId,
        transferId: pending.transferId,
        toEmail: pending.toEmail,
        cancelledByResellerId: organization.managingReseller.resellerId,
        cancelledAt: command.now,
      },
    },
  ];
}

function pendingTransfer(organization: ActiveOrganization): PendingOwnershipTransfer | null {
  return organization.transfer.status === 'pending' ? organization.transfer : null;
}

function expired(organization: ActiveOrganization, pending: PendingOwnershipTransfer, now: Instant): OwnershipTransferExpired {
  return {
    type: 'OwnershipTransferExpired',
    data: {
      organizationId: organization.organizationId,
      transferId: pending.transferId,
      toEmail: pending.toEmail,
      expiresAt: pending.expiresAt,
      recordedAt: now,
    },
  };
}

/** Rule 3, whether or not the lapse has been recorded yet. */
function transferExpired(state: ActiveOrganization, expiresAt: string) {
  return violation(
    'transfer-expired',
    `This ownership transfer expired at ${expiresAt}; ask ${state.managingReseller.companyName} (${state.managingReseller.email}) to send a new one.`,
    { expiresAt },
  );
}

function noSuchTransfer() {
  return violation('no-pending-transfer', 'There is no pending ownership transfer with this id.');
}
