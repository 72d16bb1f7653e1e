import { Decision, isViolation, violation } from '../../shared/decider';
import { normalizeEmail } from '../../shared/types';
import { resolveActing } from '../access';
import { AcceptAdministratorInvitation, InviteAdministrator } from '../commands';
import { OrganizationEvent } from '../events';
import { OrganizationState } from '../state';

/** Rule 15: the managing reseller or the customer owner invites by email; the invitee must accept. */
export function inviteAdministrator(command: InviteAdministrator, state: OrganizationState): Decision<OrganizationEvent> {
  const acting = resolveActing(state, command.actor, command.context.reseller);
  if (isViolation(acting)) return acting;
  const { organization, role } = acting;
  if (role.as !== 'managing-reseller' && role.as !== 'customer-owner') {
    return violation(
      'not-organization-owner',
      `Only the owner of ${organization.name} or ${organization.managingReseller.companyName} can invite administrators.`,
    );
  }
  const email = normalizeEmail(command.email);
  const existing = organization.invitations.find((i) => i.email === email);
  if (existing?.status === 'accepted') {
    return violation('already-administrator', `${email} is already an administrator of ${organization.name}.`);
  }
  if (existing) {
    return violation('administrator-already-invited', `${email} has already been invited and has not accepted yet.`, {
      invitationId: existing.invitationId,
    });
  }
  if (organization.invitations.some((i) => i.invitationId === command.invitationId)) {
    return violation('invitation-already-exists', 'An invitation with this id already exists.');
  }
  return [
    {
      type: 'AdministratorInvited',
      data: {
        organizationId: organization.organizationId,
        invitationId: command.invitationId,
        email,
        invitedBy: command.actor,
        invitedAt: command.now,
      },
    },
  ];
}

export function acceptAdministratorInvitation(
  command: AcceptAdministratorInvitation,
  state: OrganizationState,
): Decision<OrganizationEvent> {
  const invitation = state.status === 'active' ? state.invitations.find((i) => i.invitationId === command.invitationId) : undefined;
  if (state.status !== 'active' || !invitation) {
    return violation('invitation-not-found', 'There is no such administrator invitation.');
  }
  const byEmail = normalizeEmail(command.byEmail);
  if (command.actor.kind !== 'customer' || normalizeEmail(command.actor.id) !== byEmail || byEmail !== invitation.email) {
    return violation(
      'invitation-not-for-this-email',
      'This invitation was sent to another address; sign in with the address that received it.',
    );
  }
  if (invitation.status === 'accepted') return [];
  return [
    {
      type: 'AdministratorInvitationAccepted',
      data: {
        organizationId: state.organizationId,
        invitationId: invitation.invitationId,
        email: invitation.email,
        acceptedAt: command.now,
      },
    },
  ];
}
