import { fold } from '../shared/decider';
import { CreateCustomerOrganization } from './commands';
import { organizationDecider, organizationStream } from './decider';
import { acme, acmeActor, created, day0, given, unverifiedAcme } from './organization.fixtures';
import { canManageOrganization, organizationFacts } from './queries';

const create = (over: Partial<CreateCustomerOrganization> = {}): CreateCustomerOrganization => ({
  type: 'CreateCustomerOrganization',
  organizationId: 'org-1',
  vendorId: 'vendor-1',
  name: 'Initech',
  companyDetails: { legalName: 'Initech LLC', country: 'US' },
  customerContactEmail: 'Bill@Initech.example',
  customerContactName: 'Bill Lumbergh',
  isPublic: false,
  customerAssociationEnabled: false,
  now: day0,
  actor: acmeActor,
  context: { reseller: acme },
  ...over,
});

describe('CreateCustomerOrganization', () => {
  it('names its stream organization-<id>', () => {
    expect(organizationStream('org-1')).toBe('organization-org-1');
  });

  it('creates the organization for one vendor, managed by the reseller', () => {
    given([]).when(create()).then([created()]);
  });

  it('rule 1: an unverified reseller cannot create a customer organization', () => {
    given([])
      .when(create({ context: { reseller: unverifiedAcme } }))
      .thenRefuses('reseller-email-not-verified');
  });

  it('rule 1: an unknown reseller cannot create one either', () => {
    given([])
      .when(create({ context: { reseller: null } }))
      .thenRefuses('reseller-not-found');
  });

  it('refuses a customer creating an organization', () => {
    given([])
      .when(create({ actor: { kind: 'customer', id: 'bill@initech.example' }, context: { reseller: null } }))
      .thenRefuses('reseller-not-found');
  });

  it('refuses an id already in use', () => {
    given([created()]).when(create()).thenRefuses('organization-already-exists');
  });

  it("rule 2: the contact email must be the customer's, not the reseller's", () => {
    given([])
      .when(create({ customerContactEmail: 'SALES@acme.example' }))
      .thenRefuses('customer-contact-is-reseller');
  });

  it('rule 2: the reseller owns the new organization until the customer accepts', () => {
    const state = fold(organizationDecider, [created()]);
    expect(state.status === 'active' && state.owner).toEqual({ kind: 'reseller', resellerId: 'acme' });
    expect(canManageOrganization(state, 'acme')).toBe(true);
    expect(organizationFacts(state)?.primaryContactEmail).toBe('bill@initech.example');
  });
});
