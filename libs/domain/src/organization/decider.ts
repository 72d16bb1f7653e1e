import { Decider } from '../shared/decider';
import { OrganizationCommand } from './commands';
import { decideOrganization } from './decide';
import { OrganizationEvent } from './events';
import { evolveOrganization, initialOrganizationState, OrganizationState } from './state';

export const organizationDecider: Decider<OrganizationCommand, OrganizationEvent, OrganizationState> = {
  initialState: initialOrganizationState,
  decide: decideOrganization,
  evolve: evolveOrganization,
};

export const organizationStream = (organizationId: string): string => `organization-${organizationId}`;
