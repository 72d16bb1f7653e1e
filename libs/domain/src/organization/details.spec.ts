import { fold } from '../shared/decider';
import { ChangeCompanyDetails, ChangeOrganizationSettings } from './commands';
import { organizationDecider } from './decider';
import { asAcme, asCustomer, asGlobex, asSupport, at, created, given, ownedByCustomer, unverifiedAcme } from './organization.fixtures';
import { canIssueLicensesTo, canManageOrganization } from './queries';

const changeDetails = (over: Partial<ChangeCompanyDetails> = {}): ChangeCompanyDetails => ({
  type: 'ChangeCompanyDetails',
  organizationId: 'org-1',
  name: 'Initech Global',
  companyDetails: { legalName: 'Initech Global LLC', country: 'US', taxId: 'US-123' },
  now: at(5),
  ...asAcme,
  ...over,
});
const changeSettings = (over: Partial<ChangeOrganizationSettings> = {}): ChangeOrganizationSettings => ({
  type: 'ChangeOrganizationSettings',
  organizationId: 'org-1',
  isPublic: true,
  now: at(5),
  ...asAcme,
  ...over,
});

describe('ChangeCompanyDetails', () => {
  it('the managing reseller changes the company details', () => {
    given(ownedByCustomer)
      .when(changeDetails())
      .then([
        {
          type: 'CompanyDetailsChanged',
          data: {
            organizationId: 'org-1',
            name: 'Initech Global',
            companyDetails: { legalName: 'Initech Global LLC', country: 'US', taxId: 'US-123' },
            changedAt: at(5),
          },
        },
      ]);
  });

  it('records nothing when nothing changes', () => {
    given([created()])
      .when(changeDetails({ name: 'Initech', companyDetails: { country: 'US', legalName: 'Initech LLC' } }))
      .then([]);
  });

  it('rule 8: the customer owner is read-only and told which reseller to contact', () => {
    given(ownedByCustomer)
      .when(changeDetails(asCustomer('bill@initech.example')))
      .thenRefuses('customer-is-read-only', /contact Acme Resellers Ltd \(sales@acme\.example\)/);
  });

  it('rule 8: a customer administrator is read-only too', () => {
    given(ownedByCustomer)
      .when(changeDetails(asCustomer('peter@initech.example')))
      .thenRefuses('customer-is-read-only');
  });

  it('rule 13: an unrelated customer is told the organization does not exist', () => {
    given(ownedByCustomer)
      .when(changeDetails(asCustomer('mallory@evil.example')))
      .thenRefuses('organization-not-found');
  });

  it('rule 13: another reseller of the vendor cannot change a public customer', () => {
    given([created({ isPublic: true })])
      .when(changeDetails(asGlobex))
      .thenRefuses('organization-not-found');
  });

  it('rule 1: an unverified reseller can change nothing', () => {
    given([created()])
      .when(changeDetails({ context: { reseller: unverifiedAcme } }))
      .thenRefuses('reseller-email-not-verified');
  });

  it("support does not edit a reseller's customer", () => {
    given([created()]).when(changeDetails(asSupport)).thenRefuses('not-permitted');
  });

  it('refuses an organization that does not exist', () => {
    given([]).when(changeDetails()).thenRefuses('organization-not-found');
  });
});

describe('ChangeOrganizationSettings', () => {
  it('the managing reseller makes the customer public, keeping the other setting', () => {
    given([created()])
      .when(changeSettings())
      .then([
        {
          type: 'OrganizationSettingsChanged',
          data: { organizationId: 'org-1', isPublic: true, customerAssociationEnabled: false, changedAt: at(5) },
        },
      ]);
  });

  it('enables customer association', () => {
    given([created()])
      .when(changeSettings({ isPublic: undefined, customerAssociationEnabled: true }))
      .then([
        {
          type: 'OrganizationSettingsChanged',
          data: { organizationId: 'org-1', isPublic: false, customerAssociationEnabled: true, changedAt: at(5) },
        },
      ]);
  });

  it('records nothing when nothing changes', () => {
    given([created({ isPublic: true })])
      .when(changeSettings())
      .then([]);
  });

  it('rule 8: the customer cannot change the public flag', () => {
    given(ownedByCustomer)
      .when(changeSettings(asCustomer('bill@initech.example')))
      .thenRefuses('customer-is-read-only', /Acme Resellers Ltd/);
  });

  it("rule 13: another reseller cannot change a public customer's settings", () => {
    given([created({ isPublic: true })])
      .when(changeSettings({ isPublic: false, ...asGlobex }))
      .thenRefuses('organization-not-found');
  });
});

describe('rule 13: visibility queries', () => {
  const privateOrg = fold(organizationDecider, [created()]);
  const publicOrg = fold(organizationDecider, [created({ isPublic: true })]);

  it('rule 13: only the creating reseller manages the customer, public or not', () => {
    expect(canManageOrganization(privateOrg, 'acme')).toBe(true);
    expect(canManageOrganization(publicOrg, 'globex')).toBe(false);
    expect(canManageOrganization(fold(organizationDecider, []), 'acme')).toBe(false);
  });

  it('rule 13: other resellers may issue licenses to a public customer of the same vendor only', () => {
    expect(canIssueLicensesTo(publicOrg, 'globex', 'vendor-1')).toBe(true);
    expect(canIssueLicensesTo(privateOrg, 'globex', 'vendor-1')).toBe(false);
    expect(canIssueLicensesTo(publicOrg, 'globex', 'vendor-2')).toBe(false);
  });

  it("rule 13: even the managing reseller issues only licenses of the customer's vendor", () => {
    expect(canIssueLicensesTo(privateOrg, 'acme', 'vendor-1')).toBe(true);
    expect(canIssueLicensesTo(privateOrg, 'acme', 'vendor-2')).toBe(false);
  });
});
