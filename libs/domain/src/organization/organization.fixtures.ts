/* Shared givens for the organization specs (test-only; not exported from the folder). */
import { Actor, ResellerFacts } from '../shared/types';
import { specFor } from '../testing/given';
import { OrganizationEvent, OwnershipTransferAccepted } from './events';
import { organizationDecider } from './decider';

export const given = specFor(organizationDecider);

export const day0 = '2026-03-02T09:00:00.000Z';
export const at = (days: number, hours = 0): string => new Date(Date.parse(day0) + (days * 24 + hours) * 3_600_000).toISOString();

export const acme: ResellerFacts = {
  resellerId: 'acme',
  companyName: 'Acme Resellers Ltd',
  email: 'sales@acme.example',
  emailVerified: true,
  partnerKind: 'reseller',
};
export const unverifiedAcme: ResellerFacts = { ...acme, emailVerified: false };
export const globex: ResellerFacts = {
  resellerId: 'globex',
  companyName: 'Globex Channel',
  email: 'partners@globex.example',
  emailVerified: true,
  partnerKind: 'reseller',
};

export const acmeActor: Actor = { kind: 'reseller', id: 'acme' };
export const globexActor: Actor = { kind: 'reseller', id: 'globex' };
export const customer = (email: string): Actor => ({ kind: 'customer', id: email });
export const support: Actor = { kind: 'support', id: 'agent-7' };
export const system: Actor = { kind: 'system', id: 'transfer-sweeper' };

export const asAcme = { actor: acmeActor, context: { reseller: acme } } as const;
export const asGlobex = { actor: globexActor, context: { reseller: globex } } as const;
export const asCustomer = (email: string) => ({ actor: customer(email), context: { reseller: null } }) as const;
export const asSupport = { actor: support, context: { reseller: null } } as const;

export const created = (over: { isPublic?: boolean; vendorId?: string } = {}): OrganizationEvent => ({
  type: 'CustomerOrganizationCreated',
  data: {
    organizationId: 'org-1',
    vendorId: over.vendorId ?? 'vendor-1',
    name: 'Initech',
    companyDetails: { legalName: 'Initech LLC', country: 'US' },
    customerContact: { name: 'Bill Lumbergh', email: 'bill@initech.example' },
    isPublic: over.isPublic ?? false,
    customerAssociationEnabled: false,
    managingReseller: { resellerId: 'acme', companyName: 'Acme Resellers Ltd', email: 'sales@acme.example' },
    createdAt: day0,
  },
});

export const transferInitiated = (transferId = 't-1', initiatedAt = at(0)): OrganizationEvent => ({
  type: 'OwnershipTransferInitiated',
  data: {
    organizationId: 'org-1',
    transferId,
    fromResellerId: 'acme',
    toEmail: 'bill@initech.example',
    initiatedAt,
    expiresAt: new Date(Date.parse(initiatedAt) + 7 * 24 * 3_600_000).toISOString(),
  },
});

export const transferAccepted: OwnershipTransferAccepted = {
  type: 'OwnershipTransferAccepted',
  data: {
    organizationId: 'org-1',
    transferId: 't-1',
    previousOwnerResellerId: 'acme',
    newOwnerEmail: 'bill@initech.example',
    acceptedAt: at(2),
  },
};

/** Initech owned by bill@initech.example, with peter@initech.example as an accepted administrator. */
export const ownedByCustomer: OrganizationEvent[] = [
  created(),
  transferInitiated(),
  transferAccepted,
  {
    type: 'AdministratorInvited',
    data: {
      organizationId: 'org-1',
      invitationId: 'inv-1',
      email: 'peter@initech.example',
      invitedBy: customer('bill@initech.example'),
      invitedAt: at(3),
    },
  },
  {
    type: 'AdministratorInvitationAccepted',
    data: { organizationId: 'org-1', invitationId: 'inv-1', email: 'peter@initech.example', acceptedAt: at(3, 1) },
  },
];
