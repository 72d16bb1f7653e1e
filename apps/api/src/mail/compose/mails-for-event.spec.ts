import { tokenHash } from '@channel-ledger/application';
import type { RecordedEvent } from '@channel-ledger/event-store';
import { mailsForEvent, MailContext } from './mails-for-event';

/** A deterministic stand-in for Secrets.derive: the purpose is visible in the token. */
const context: MailContext = {
  publicUrl: 'https://ledger.example.com',
  derive: (purpose) => `tok_${purpose.replace(/[^A-Za-z0-9]/g, '_')}`,
};

let position = 0;
function event(streamId: string, type: string, data: object, eventId = `event-${++position}`): RecordedEvent {
  return {
    streamId,
    revision: BigInt(position),
    position: BigInt(position),
    eventId,
    type,
    data: JSON.parse(JSON.stringify(data)),
    metadata: {
      eventId,
      commandId: 'c',
      correlationId: 'c',
      causationId: 'c',
      actor: { kind: 'system', id: 'test' },
      onBehalfOf: null,
      occurredAt: '2026-01-01T00:00:00.000Z',
      recordedAt: '2026-01-01T00:00:00.000Z',
      schemaVersion: 1,
      previousHash: null,
      hash: '0'.repeat(64),
    },
  };
}

const registered = event('reseller-r1', 'ResellerRegistered', {
  resellerId: 'r1',
  companyName: 'Northwind Partners',
  email: 'sales@northwind.test',
  partnerKind: 'reseller',
  verificationTokenHash: 'h',
  verificationExpiresAt: '2026-01-02T00:00:00.000Z',
  registeredAt: '2026-01-01T00:00:00.000Z',
});
const organizationCreated = event('organization-o1', 'CustomerOrganizationCreated', {
  organizationId: 'o1',
  name: 'Acme GmbH',
  managingReseller: { resellerId: 'r1', companyName: 'Northwind Partners', email: 'sales@northwind.test' },
});
const tokenIn = (text: string) => /"token":"([^"]+)"/.exec(text)?.[1];

describe('composing mails from events (pure)', () => {
  it('sends nothing to a person forgotten before the mail went out (their address reads "[erased]")', () => {
    const forgotten = event('reseller-r1', 'ResellerRegistered', { ...registered.data, email: '[erased]' });
    expect(mailsForEvent(forgotten, [], context)).toEqual([]);
  });

  it('reseller verification: to the reseller, with the token derived from the event id, which the hash recorded', () => {
    const [mail] = mailsForEvent(registered, [], context);
    expect(mail).toMatchObject({ to: 'sales@northwind.test', subject: 'Verify your reseller e-mail address' });
    expect(mail.text).toContain(
      `POST /resellers/r1/email-verification with {"token":"tok_reseller_verification_${registered.eventId.replace(/-/g, '_')}"}`,
    );
    expect(mail.text).toContain('2026-01-02T00:00:00.000Z');
    expect(mailsForEvent(registered, [], context)).toEqual([mail]); // the same event, the same mail
  });

  it('a reissued verification: a new token (its own event id), addressed from the registration', () => {
    const reissued = event('reseller-r1', 'ResellerVerificationReissued', {
      resellerId: 'r1',
      verificationTokenHash: 'h2',
      verificationExpiresAt: '2026-01-05T00:00:00.000Z',
      reissuedAt: '2026-01-04T00:00:00.000Z',
    });
    const [mail] = mailsForEvent(reissued, [registered], context);
    expect(mail.to).toBe('sales@northwind.test');
    expect(tokenIn(mail.text)).toBe(`tok_reseller_verification_${reissued.eventId.replace(/-/g, '_')}`);
    expect(tokenIn(mail.text)).not.toBe(tokenIn(mailsForEvent(registered, [], context)[0].text));
    expect(mailsForEvent(reissued, [], context)).toEqual([]); // nobody to write to
  });

  it('sign-in link: `<linkId>.<token>` in the link and the API instruction, valid 24 h, once', () => {
    const issued = event('sign-in-link-l1', 'SignInLinkIssued', {
      linkId: 'l1',
      email: 'alice@acme.test',
      tokenHash: 'h',
      issuedAt: '2026-01-01T00:00:00.000Z',
      expiresAt: '2026-01-02T00:00:00.000Z',
    });
    const [mail] = mailsForEvent(issued, [], context);
    expect(mail).toMatchObject({ to: 'alice@acme.test', subject: 'Your channel-ledger sign-in link' });
    expect(mail.text).toContain('https://ledger.example.com/sign-in#l1.tok_sign_in_link_l1');
    expect(mail.text).toContain('POST /auth/sessions with {"token":"l1.tok_sign_in_link_l1"}');
    expect(mail.text).toMatch(/24 hours.*works once/);
  });

  it('ownership transfer: to the customer contact, from the reseller, with the acceptance route and the expiry', () => {
    const initiated = event('organization-o1', 'OwnershipTransferInitiated', {
      organizationId: 'o1',
      transferId: 't1',
      fromResellerId: 'r1',
      toEmail: 'alice@acme.test',
      initiatedAt: '2026-01-10T00:00:00.000Z',
      expiresAt: '2026-01-17T00:00:00.000Z',
    });
    const renamed = event('organization-o1', 'CompanyDetailsChanged', { organizationId: 'o1', name: 'Acme AG' });
    const [mail] = mailsForEvent(initiated, [organizationCreated, renamed], context);
    expect(mail).toMatchObject({ to: 'alice@acme.test', subject: 'Northwind Partners offers you ownership of Acme AG' });
    expect(mail.text).toContain('POST /organizations/o1/ownership-transfers/t1/acceptance');
    expect(mail.text).toContain('POST /auth/sign-in-links');
    expect(mail.text).toContain('2026-01-17T00:00:00.000Z');
  });

  it('administrator invitation: to the invitee, with the acceptance route', () => {
    const invited = event('organization-o1', 'AdministratorInvited', {
      organizationId: 'o1',
      invitationId: 'i1',
      email: 'bob@acme.test',
      invitedBy: { kind: 'customer', id: 'alice@acme.test' },
      invitedAt: '2026-01-11T00:00:00.000Z',
    });
    const [mail] = mailsForEvent(invited, [organizationCreated], context);
    expect(mail).toMatchObject({ to: 'bob@acme.test', subject: 'You are invited to administer Acme GmbH' });
    expect(mail.text).toContain('POST /organizations/o1/administrator-invitations/i1/acceptance');
  });

  it('license delivery: to the recipient, with the download route; NFR says so', () => {
    const issued = event('license-l1', 'LicenseIssued', { licenseId: 'l1', nfr: true });
    const delivered = event('license-l1', 'LicenseDelivered', {
      licenseId: 'l1',
      toEmail: 'alice@acme.test',
      deliveredBy: { kind: 'reseller', id: 'r1' },
      deliveredAt: '2026-02-02T00:00:00.000Z',
    });
    const [mail] = mailsForEvent(delivered, [issued], context);
    expect(mail.to).toBe('alice@acme.test');
    expect(mail.subject).toContain('not for resale');
    expect(mail.text).toContain('GET /licenses/l1/file');
  });

  it('invoice receipt: to the invoice owner (rule 7), with lines and total; net terms ask for payment', () => {
    const data = {
      invoiceId: 'inv-1',
      invoiceNumber: 'sub-1-1',
      subscriptionId: 'sub-1',
      reason: 'purchase',
      issuedAt: '2026-01-10T00:00:00.000Z',
      issuedTo: { kind: 'reseller', id: 'r1', name: 'Northwind Partners', email: 'sales@northwind.test' },
      channel: 'reseller',
      currency: 'USD',
      lines: [{ description: 'Ledger Pro, 5 seats', amount: '600.00' }],
      total: '600.00',
      payment: { methodId: 'pm-1', kind: 'card', terms: 'charged-immediately' },
    };
    const [receipt] = mailsForEvent(event('subscription-sub-1', 'InvoiceIssued', data), [], context);
    expect(receipt).toMatchObject({ to: 'sales@northwind.test', subject: 'Receipt for invoice sub-1-1' });
    expect(receipt.text).toContain('Ledger Pro, 5 seats: 600.00 USD');
    expect(receipt.text).toContain('Total: 600.00 USD');
    const [invoice] = mailsForEvent(
      event('subscription-sub-1', 'InvoiceIssued', { ...data, payment: { ...data.payment, terms: 'net-terms' } }),
      [],
      context,
    );
    expect(invoice.subject).toBe('Invoice sub-1-1, payable on net terms');
  });

  it('events that imply no mail yield none', () => {
    expect(mailsForEvent(event('reseller-r1', 'PaymentMethodAdded', { resellerId: 'r1' }), [registered], context)).toEqual([]);
  });

  it('the token a writer hashes is the one the mail carries (same purpose, same secret)', () => {
    const [mail] = mailsForEvent(registered, [], context);
    expect(tokenHash(tokenIn(mail.text)!)).toBe(tokenHash(context.derive(`reseller-verification|${registered.eventId}`)));
  });
});
