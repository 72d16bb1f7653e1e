import { Decision, isViolation } from '../../shared/decider';
import { requireManagingReseller, resolveActing } from '../access';
import { ChangeCompanyDetails, ChangeOrganizationSettings } from '../commands';
import { OrganizationEvent } from '../events';
import { OrganizationState } from '../state';

export function changeCompanyDetails(command: ChangeCompanyDetails, state: OrganizationState): Decision<OrganizationEvent> {
  const acting = resolveActing(state, command.actor, command.context.reseller);
  if (isViolation(acting)) return acting;
  const refused = requireManagingReseller(acting, 'change the company details');
  if (refused) return refused;
  const { organization } = acting;
  const name = command.name.trim();
  if (name === organization.name && sameDetails(command.companyDetails, organization.companyDetails)) return [];
  return [
    {
      type: 'CompanyDetailsChanged',
      data: {
        organizationId: organization.organizationId,
        name,
        companyDetails: command.companyDetails,
        changedAt: command.now,
      },
    },
  ];
}

export function changeOrganizationSettings(command: ChangeOrganizationSettings, state: OrganizationState): Decision<OrganizationEvent> {
  const acting = resolveActing(state, command.actor, command.context.reseller);
  if (isViolation(acting)) return acting;
  const refused = requireManagingReseller(acting, 'change the organization settings');
  if (refused) return refused;
  const { organization } = acting;
  const isPublic = command.isPublic ?? organization.isPublic;
  const customerAssociationEnabled = command.customerAssociationEnabled ?? organization.customerAssociationEnabled;
  if (isPublic === organization.isPublic && customerAssociationEnabled === organization.customerAssociationEnabled) {
    return [];
  }
  return [
    {
      type: 'OrganizationSettingsChanged',
      data: { organizationId: organization.organizationId, isPublic, customerAssociationEnabled, changedAt: command.now },
    },
  ];
}

function sameDetails(a: object, b: object): boolean {
  const entries = (o: object) =>
    Object.entries(o)
      .filter(([, v]) => v !== undefined)
      .sort(([x], [y]) => x.localeCompare(y));
  return JSON.stringify(entries(a)) === JSON.stringify(entries(b));
}
