import { Decision, violation } from '../../shared/decider';
import { normalizeEmail } from '../../shared/types';
import { requireActingReseller } from '../../reseller/acting-reseller';
import { CreateCustomerOrganization } from '../commands';
import { OrganizationEvent } from '../events';
import { OrganizationState } from '../state';

export function createCustomerOrganization(command: CreateCustomerOrganization, state: OrganizationState): Decision<OrganizationEvent> {
  const refused = requireActingReseller(command.actor, command.context.reseller);
  if (refused) return refused;
  const reseller = command.context.reseller!;
  if (state.status !== 'none') {
    return violation('organization-already-exists', 'An organization with this id already exists.');
  }
  const customerContactEmail = normalizeEmail(command.customerContactEmail);
  // Rule 2: the organization is for someone else; the reseller's own address would make the
  // reseller the future owner and the license recipient (rule 10).
  if (customerContactEmail === reseller.email) {
    return violation(
      'customer-contact-is-reseller',
      "Give the customer's own contact email, not your reseller address: the customer will be invited to take ownership there.",
    );
  }
  return [
    {
      type: 'CustomerOrganizationCreated',
      data: {
        organizationId: command.organizationId,
        vendorId: command.vendorId,
        name: command.name.trim(),
        companyDetails: command.companyDetails,
        customerContact: { name: command.customerContactName ?? null, email: customerContactEmail },
        isPublic: command.isPublic,
        customerAssociationEnabled: command.customerAssociationEnabled,
        managingReseller: {
          resellerId: reseller.resellerId,
          companyName: reseller.companyName,
          email: reseller.email,
        },
        createdAt: command.now,
      },
    },
  ];
}
