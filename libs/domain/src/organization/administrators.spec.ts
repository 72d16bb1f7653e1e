import { AcceptAdministratorInvitation, ChangeContact, InviteAdministrator } from './commands';
import { OrganizationEvent } from './events';
import {
  acmeActor,
  asAcme,
  asCustomer,
  asGlobex,
  at,
  created,
  customer,
  given,
  ownedByCustomer,
  unverifiedAcme,
} from './organization.fixtures';

const invite = (over: Partial<InviteAdministrator> = {}): InviteAdministrator => ({
  type: 'InviteAdministrator',
  organizationId: 'org-1',
  invitationId: 'inv-2',
  email: 'Milton@Initech.example',
  now: at(4),
  ...asAcme,
  ...over,
});
const acceptInvitation = (over: Partial<AcceptAdministratorInvitation> = {}): AcceptAdministratorInvitation => ({
  type: 'AcceptAdministratorInvitation',
  organizationId: 'org-1',
  invitationId: 'inv-2',
  byEmail: 'milton@initech.example',
  now: at(5),
  actor: customer('milton@initech.example'),
  ...over,
});
const miltonInvited: OrganizationEvent = {
  type: 'AdministratorInvited',
  data: { organizationId: 'org-1', invitationId: 'inv-2', email: 'milton@initech.example', invitedBy: acmeActor, invitedAt: at(4) },
};
const miltonAccepted: OrganizationEvent = {
  type: 'AdministratorInvitationAccepted',
  data: { organizationId: 'org-1', invitationId: 'inv-2', email: 'milton@initech.example', acceptedAt: at(5) },
};

describe('InviteAdministrator', () => {
  it('rule 15: the managing reseller invites a customer administrator by email', () => {
    given([created()]).when(invite()).then([miltonInvited]);
  });

  it('rule 15: the customer owner may invite too', () => {
    given(ownedByCustomer)
      .when(invite(asCustomer('bill@initech.example')))
      .then([{ ...miltonInvited, data: { ...miltonInvited.data, invitedBy: customer('bill@initech.example') } }]);
  });

  it('a customer administrator cannot invite others', () => {
    given(ownedByCustomer)
      .when(invite(asCustomer('peter@initech.example')))
      .thenRefuses('not-organization-owner');
  });

  it('rule 2: the customer contact has no say before accepting ownership', () => {
    given([created()])
      .when(invite(asCustomer('bill@initech.example')))
      .thenRefuses('organization-not-found');
  });

  it('refuses inviting the same address twice while pending', () => {
    given([created(), miltonInvited])
      .when(invite({ invitationId: 'inv-3' }))
      .thenRefuses('administrator-already-invited');
  });

  it('refuses inviting an existing administrator', () => {
    given(ownedByCustomer)
      .when(invite({ email: 'peter@initech.example' }))
      .thenRefuses('already-administrator');
  });

  it('refuses reusing an invitation id', () => {
    given([created(), miltonInvited])
      .when(invite({ email: 'other@initech.example' }))
      .thenRefuses('invitation-already-exists');
  });

  it('rule 1: an unverified reseller cannot invite', () => {
    given([created()])
      .when(invite({ context: { reseller: unverifiedAcme } }))
      .thenRefuses('reseller-email-not-verified');
  });

  it('rule 13: another reseller cannot invite to a public customer', () => {
    given([created({ isPublic: true })])
      .when(invite(asGlobex))
      .thenRefuses('organization-not-found');
  });
});

describe('AcceptAdministratorInvitation', () => {
  it('rule 15: the invited address accepts', () => {
    given([created(), miltonInvited]).when(acceptInvitation()).then([miltonAccepted]);
  });

  it('rule 15: only the invited address may accept', () => {
    given([created(), miltonInvited])
      .when(acceptInvitation({ byEmail: 'mallory@evil.example', actor: customer('mallory@evil.example') }))
      .thenRefuses('invitation-not-for-this-email');
  });

  it('rule 15: the reseller cannot accept for the invitee', () => {
    given([created(), miltonInvited])
      .when(acceptInvitation({ actor: acmeActor }))
      .thenRefuses('invitation-not-for-this-email');
  });

  it('is idempotent once accepted', () => {
    given([created(), miltonInvited, miltonAccepted]).when(acceptInvitation()).then([]);
  });

  it('refuses an unknown invitation', () => {
    given([created()]).when(acceptInvitation()).thenRefuses('invitation-not-found');
  });

  it('rule 15: an invitee is not an administrator until it accepts', () => {
    const changeContact = (): ChangeContact => ({
      type: 'ChangeContact',
      organizationId: 'org-1',
      role: 'technical',
      contact: { name: 'Milton', email: 'milton@initech.example' },
      now: at(6),
      ...asCustomer('milton@initech.example'),
    });
    given([created(), miltonInvited]).when(changeContact()).thenRefuses('organization-not-found');
    given([created(), miltonInvited, miltonAccepted])
      .when(changeContact())
      .then([
        {
          type: 'ContactChanged',
          data: {
            organizationId: 'org-1',
            role: 'technical',
            contact: { name: 'Milton', email: 'milton@initech.example' },
            previousContact: null,
            changedBy: customer('milton@initech.example'),
            requestId: null,
            changedAt: at(6),
          },
        },
      ]);
  });
});
