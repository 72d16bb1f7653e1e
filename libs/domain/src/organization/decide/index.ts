import { Decision } from '../../shared/decider';
import { OrganizationCommand } from '../commands';
import { OrganizationEvent } from '../events';
import { OrganizationState } from '../state';
import { acceptAdministratorInvitation, inviteAdministrator } from './administrators';
import { approveContactChange, changeContact, rejectContactChange, requestContactChange } from './contacts';
import { createCustomerOrganization } from './creation';
import { changeCompanyDetails, changeOrganizationSettings } from './details';
import { acceptOwnership, cancelOwnershipTransfer, expireOwnershipTransfer, initiateOwnershipTransfer } from './ownership-transfer';

export { OWNERSHIP_TRANSFER_VALIDITY_DAYS } from './ownership-transfer';

export function decideOrganization(command: OrganizationCommand, state: OrganizationState): Decision<OrganizationEvent> {
  switch (command.type) {
    case 'CreateCustomerOrganization':
      return createCustomerOrganization(command, state);
    case 'ChangeCompanyDetails':
      return changeCompanyDetails(command, state);
    case 'ChangeOrganizationSettings':
      return changeOrganizationSettings(command, state);
    case 'InitiateOwnershipTransfer':
      return initiateOwnershipTransfer(command, state);
    case 'AcceptOwnership':
      return acceptOwnership(command, state);
    case 'ExpireOwnershipTransfer':
      return expireOwnershipTransfer(command, state);
    case 'CancelOwnershipTransfer':
      return cancelOwnershipTransfer(command, state);
    case 'InviteAdministrator':
      return inviteAdministrator(command, state);
    case 'AcceptAdministratorInvitation':
      return acceptAdministratorInvitation(command, state);
    case 'ChangeContact':
      return changeContact(command, state);
    case 'RequestContactChange':
      return requestContactChange(command, state);
    case 'ApproveContactChange':
      return approveContactChange(command, state);
    case 'RejectContactChange':
      return rejectContactChange(command, state);
  }
}
