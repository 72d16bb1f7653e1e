import { ApproveContactChange, ChangeContact, ContactChangeInvoiceEvidence, RejectContactChange, RequestContactChange } from './commands';
import { OrganizationEvent } from './events';
import {
  acme,
  acmeActor,
  asAcme,
  asCustomer,
  asGlobex,
  at,
  created,
  customer,
  given,
  globex,
  ownedByCustomer,
  support,
  unverifiedAcme,
} from './organization.fixtures';

const invoice: ContactChangeInvoiceEvidence = {
  invoiceId: 'inv-2026-001',
  subscriptionId: 'sub-1',
  issuedToResellerId: 'acme',
  organizationId: 'org-1',
};
const newPrimary = { name: 'Michael Bolton', email: 'Michael@Initech.example' };

const changeContact = (over: Partial<ChangeContact> = {}): ChangeContact => ({
  type: 'ChangeContact',
  organizationId: 'org-1',
  role: 'primary',
  contact: newPrimary,
  now: at(4),
  ...asCustomer('bill@initech.example'),
  ...over,
});
const request = (over: Partial<RequestContactChange> = {}): RequestContactChange => ({
  type: 'RequestContactChange',
  organizationId: 'org-1',
  requestId: 'ccr-1',
  role: 'primary',
  contact: newPrimary,
  now: at(4),
  actor: acmeActor,
  context: { reseller: acme, invoice },
  ...over,
});
const approve = (over: Partial<ApproveContactChange> = {}): ApproveContactChange => ({
  type: 'ApproveContactChange',
  organizationId: 'org-1',
  requestId: 'ccr-1',
  now: at(5),
  actor: support,
  ...over,
});
const reject = (over: Partial<RejectContactChange> = {}): RejectContactChange => ({
  type: 'RejectContactChange',
  organizationId: 'org-1',
  requestId: 'ccr-1',
  reason: 'The invoice does not match the subscription.',
  now: at(5),
  actor: support,
  ...over,
});

const requested: OrganizationEvent = {
  type: 'ContactChangeRequested',
  data: {
    organizationId: 'org-1',
    requestId: 'ccr-1',
    role: 'primary',
    contact: { name: 'Michael Bolton', email: 'michael@initech.example' },
    requestedByResellerId: 'acme',
    invoice,
    requestedAt: at(4),
  },
};
const approvedChange: OrganizationEvent = {
  type: 'ContactChanged',
  data: {
    organizationId: 'org-1',
    role: 'primary',
    contact: { name: 'Michael Bolton', email: 'michael@initech.example' },
    previousContact: { name: 'Bill Lumbergh', email: 'bill@initech.example' },
    changedBy: support,
    requestId: 'ccr-1',
    changedAt: at(5),
  },
};
const rejected: OrganizationEvent = {
  type: 'ContactChangeRejected',
  data: {
    organizationId: 'org-1',
    requestId: 'ccr-1',
    reason: 'The invoice does not match the subscription.',
    rejectedBy: support,
    rejectedAt: at(5),
  },
};

describe('ChangeContact', () => {
  it('rule 8: the read-only customer owner may still manage its own contacts', () => {
    given(ownedByCustomer)
      .when(changeContact())
      .then([
        {
          type: 'ContactChanged',
          data: {
            organizationId: 'org-1',
            role: 'primary',
            contact: { name: 'Michael Bolton', email: 'michael@initech.example' },
            previousContact: { name: 'Bill Lumbergh', email: 'bill@initech.example' },
            changedBy: customer('bill@initech.example'),
            requestId: null,
            changedAt: at(4),
          },
        },
      ]);
  });

  it('a customer administrator may manage contacts too', () => {
    given(ownedByCustomer)
      .when(changeContact({ role: 'billing', ...asCustomer('peter@initech.example') }))
      .then([
        {
          type: 'ContactChanged',
          data: {
            organizationId: 'org-1',
            role: 'billing',
            contact: { name: 'Michael Bolton', email: 'michael@initech.example' },
            previousContact: null,
            changedBy: customer('peter@initech.example'),
            requestId: null,
            changedAt: at(4),
          },
        },
      ]);
  });

  it('records nothing when the contact is unchanged', () => {
    given(ownedByCustomer)
      .when(changeContact({ contact: { name: 'Bill Lumbergh', email: 'BILL@initech.example' } }))
      .then([]);
  });

  it('rule 9: the reseller cannot change an end-user contact directly', () => {
    given(ownedByCustomer)
      .when(changeContact(asAcme))
      .thenRefuses('contact-change-needs-invoice', /invoice/);
  });

  it('support changes contacts only by approving a request', () => {
    given(ownedByCustomer)
      .when(changeContact({ actor: support, context: { reseller: null } }))
      .thenRefuses('not-permitted');
  });

  it('an unrelated customer is told the organization does not exist', () => {
    given(ownedByCustomer)
      .when(changeContact(asCustomer('mallory@evil.example')))
      .thenRefuses('organization-not-found');
  });
});

describe('RequestContactChange', () => {
  it('rule 9: a request with an invoice of this organization issued to the reseller is recorded', () => {
    given(ownedByCustomer).when(request()).then([requested]);
  });

  it('rule 9: a request without an invoice is refused', () => {
    given(ownedByCustomer)
      .when(request({ context: { reseller: acme, invoice: null } }))
      .thenRefuses('contact-change-needs-invoice');
  });

  it('rule 9: an invoice issued to another reseller is refused', () => {
    given(ownedByCustomer)
      .when(request({ context: { reseller: acme, invoice: { ...invoice, issuedToResellerId: 'globex' } } }))
      .thenRefuses('contact-change-needs-invoice');
  });

  it('rule 9: an invoice of another organization is refused', () => {
    given(ownedByCustomer)
      .when(request({ context: { reseller: acme, invoice: { ...invoice, organizationId: 'org-2' } } }))
      .thenRefuses('contact-change-needs-invoice');
  });

  it('rule 13: another reseller cannot request it, even with its own invoice', () => {
    given([created({ isPublic: true })])
      .when(request({ ...asGlobex, context: { reseller: globex, invoice: { ...invoice, issuedToResellerId: 'globex' } } }))
      .thenRefuses('organization-not-found');
  });

  it('rule 1: an unverified reseller cannot request it', () => {
    given(ownedByCustomer)
      .when(request({ context: { reseller: unverifiedAcme, invoice } }))
      .thenRefuses('reseller-email-not-verified');
  });

  it('the customer changes contacts directly instead of requesting', () => {
    given(ownedByCustomer)
      .when(request({ actor: customer('bill@initech.example'), context: { reseller: null, invoice } }))
      .thenRefuses('not-permitted');
  });

  it('refuses a request id already used', () => {
    given([...ownedByCustomer, requested])
      .when(request())
      .thenRefuses('contact-change-request-exists');
  });
});

describe('ApproveContactChange', () => {
  it('rule 9: support approves and the contact changes, citing the request', () => {
    given([...ownedByCustomer, requested])
      .when(approve())
      .then([approvedChange]);
  });

  it('only support may approve', () => {
    given([...ownedByCustomer, requested])
      .when(approve({ actor: acmeActor }))
      .thenRefuses('contact-change-needs-support-approval');
  });

  it('is idempotent once approved and refuses once rejected', () => {
    given([...ownedByCustomer, requested, approvedChange])
      .when(approve())
      .then([]);
    given([...ownedByCustomer, requested, rejected])
      .when(approve())
      .thenRefuses('contact-change-already-decided');
  });

  it('refuses an unknown request', () => {
    given(ownedByCustomer).when(approve()).thenRefuses('contact-change-request-not-found');
  });
});

describe('RejectContactChange', () => {
  it('support rejects with a reason', () => {
    given([...ownedByCustomer, requested])
      .when(reject())
      .then([rejected]);
  });

  it('only support may reject', () => {
    given([...ownedByCustomer, requested])
      .when(reject({ actor: customer('bill@initech.example') }))
      .thenRefuses('contact-change-needs-support-approval');
  });

  it('is idempotent once rejected and refuses once approved', () => {
    given([...ownedByCustomer, requested, rejected])
      .when(reject())
      .then([]);
    given([...ownedByCustomer, requested, approvedChange])
      .when(reject())
      .thenRefuses('contact-change-already-decided');
  });

  it('refuses an unknown request', () => {
    given(ownedByCustomer).when(reject()).thenRefuses('contact-change-request-not-found');
  });
});
