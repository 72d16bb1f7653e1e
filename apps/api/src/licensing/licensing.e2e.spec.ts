import { randomUUID } from 'node:crypto';
import { createPublicKey, verify } from 'node:crypto';
import request from 'supertest';
import {
  acceptOwnership,
  CommandEnvelope,
  createCustomerOrganization,
  grantIssuanceRight,
  initiateOwnershipTransfer,
  LedgerContext,
  verifyLicenseFile,
} from '@channel-ledger/application';
import { Actor } from '@channel-ledger/event-store';
import { registerVerifiedReseller, signInCustomer, signInStaff, signInVendorAdmin } from '../../test/actors';
import { TestSession } from '../../test/sign-in';
import { startTestApp, TestApp } from '../../test/test-app';

/**
 * Seed 003's workflow over real HTTP: the vendor grants a right of N licenses; the reseller
 * issues them to its own customers, to public customers of other resellers of the same vendor,
 * or unlinked; the customer downloads a signed license file and checks it offline.
 */
describe('licensing: issuance rights, licenses and signed license files (rules 10, 12, 13, 14)', () => {
  let t: TestApp;
  let ctx: LedgerContext;
  let acme: { resellerId: string; session: TestSession };
  let globex: { resellerId: string; session: TestSession };
  let vendor1: TestSession;
  let vendor2: TestSession;
  const orgs = { initech: '', umbrella: '', hooli: '' };
  let rightId: string;
  let initechLicense: string;
  let umbrellaLicense: string;

  /** Preconditions owned by other slices go straight through the use cases. */
  const as = (actor: Actor): CommandEnvelope => {
    const commandId = randomUUID();
    return {
      commandId,
      correlationId: commandId,
      causationId: commandId,
      actor,
      onBehalfOf: null,
      occurredAt: t.clock.now().toISOString(),
    };
  };
  const reseller = (id: string): Actor => ({ kind: 'reseller', id });
  const createOrganization = async (resellerId: string, name: string, contact: string, isPublic: boolean) => {
    const organizationId = randomUUID();
    await createCustomerOrganization(ctx, as(reseller(resellerId)), {
      organizationId,
      vendorId: 'vendor-1',
      name,
      customerContactEmail: contact,
      isPublic,
    });
    return organizationId;
  };
  const issue = (session: TestSession, body: object) => request(t.http).post('/licenses').set(session.auth).send(body);

  beforeAll(async () => {
    t = await startTestApp();
    ctx = t.app.get(LedgerContext);
    acme = await registerVerifiedReseller(t, { companyName: 'Acme Resale', email: 'sales@acme.test' });
    globex = await registerVerifiedReseller(t, { companyName: 'Globex Partners', email: 'partners@globex.test' });
    vendor1 = await signInVendorAdmin(t, 'vendor-1');
    vendor2 = await signInVendorAdmin(t, 'vendor-2');
    orgs.initech = await createOrganization(acme.resellerId, 'Initech', 'it@initech.test', false);
    orgs.umbrella = await createOrganization(globex.resellerId, 'Umbrella', 'it@umbrella.test', true);
    orgs.hooli = await createOrganization(globex.resellerId, 'Hooli', 'it@hooli.test', false);
    // Initech's contact takes ownership, so it is the customer who downloads its license.
    const transferId = randomUUID();
    await initiateOwnershipTransfer(ctx, as(reseller(acme.resellerId)), {
      organizationId: orgs.initech,
      transferId,
      toEmail: 'it@initech.test',
    });
    await acceptOwnership(ctx, as({ kind: 'customer', id: 'it@initech.test' }), {
      organizationId: orgs.initech,
      transferId,
      byEmail: 'it@initech.test',
    });
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('the vendor grants a reseller a right of 2 licenses', async () => {
    const response = await request(t.http)
      .post('/vendors/vendor-1/issuance-rights')
      .set(vendor1.auth)
      .send({
        resellerId: acme.resellerId,
        licenseTemplateId: 'gitlens-pro-offline',
        maxLicenses: 2,
        expiresAt: '2099-01-01T00:00:00.000Z',
        nfr: false,
      })
      .expect(201);
    rightId = response.body.rightId;
    expect(response.headers.location).toBe(`/vendors/vendor-1/issuance-rights/${rightId}`);
    expect(response.body).toMatchObject({ commandId: expect.any(String), revision: '0' });
    const right = await request(t.http).get(response.headers.location).set(vendor1.auth).expect(200);
    expect(right.body).toMatchObject({
      vendorId: 'vendor-1',
      resellerId: acme.resellerId,
      maxLicenses: 2,
      used: 0,
      remaining: 2,
      blocked: false,
    });
  });

  it("bug fixed: a vendor admin of vendor-2 cannot grant, block or extend vendor-1's rights (404)", async () => {
    const grant = {
      resellerId: acme.resellerId,
      licenseTemplateId: 'x',
      maxLicenses: 100,
      expiresAt: '2099-01-01T00:00:00.000Z',
      nfr: true,
    };
    const refused = await request(t.http).post('/vendors/vendor-1/issuance-rights').set(vendor2.auth).send(grant).expect(404);
    expect(refused.body.code).toBe('vendor-not-found');
    await request(t.http).post(`/vendors/vendor-1/issuance-rights/${rightId}/block`).set(vendor2.auth).send({ reason: 'x' }).expect(404);
    await request(t.http)
      .post(`/vendors/vendor-1/issuance-rights/${rightId}/extension`)
      .set(vendor2.auth)
      .send({ maxLicenses: 99 })
      .expect(404);
    await request(t.http).get(`/vendors/vendor-1/issuance-rights/${rightId}`).set(vendor2.auth).expect(404);
    // Under its own path, another vendor's right does not exist either.
    await request(t.http).post(`/vendors/vendor-2/issuance-rights/${rightId}/block`).set(vendor2.auth).send({ reason: 'x' }).expect(404);
    // And the decider refuses it even when the edge is bypassed.
    const envelope = {
      ...as({ kind: 'vendor-admin', id: 'admin@vendor-2.test' }),
      actingAs: { kind: 'vendor-admin' as const, id: 'vendor-2' },
    };
    await expect(grantIssuanceRight(ctx, envelope, { ...grant, rightId: randomUUID(), vendorId: 'vendor-1' })).rejects.toMatchObject({
      violation: { code: 'not-this-vendors-admin' },
    });
    // Resellers and customers cannot grant at all.
    await request(t.http).post('/vendors/vendor-1/issuance-rights').set(acme.session.auth).send(grant).expect(403);
  });

  it('rule 14: the reseller issues a license linked to its own customer, recorded on behalf of that customer', async () => {
    const response = await issue(acme.session, { rightId, organizationId: orgs.initech }).expect(201);
    initechLicense = response.body.licenseId;
    expect(response.headers.location).toBe(`/licenses/${initechLicense}`);
    expect(response.body).toMatchObject({
      rightId,
      organizationId: orgs.initech,
      nfr: false,
      vendorId: 'vendor-1',
      licenseTemplateId: 'gitlens-pro-offline',
    });
    const [issued] = await ctx.store.readStream(`license-${initechLicense}`);
    expect(issued.type).toBe('LicenseIssued');
    expect(issued.metadata).toMatchObject({
      actor: { kind: 'reseller', id: acme.resellerId },
      onBehalfOf: { kind: 'organization', id: orgs.initech },
    });
  });

  it('rule 13: a private customer of another reseller is invisible (404), and no quota is spent', async () => {
    const refused = await issue(acme.session, { rightId, organizationId: orgs.hooli }).expect(404);
    expect(refused.body.code).toBe('organization-not-found');
    const missing = await issue(acme.session, { rightId, organizationId: randomUUID() }).expect(404);
    expect(missing.body.code).toBe('organization-not-found');
    const right = await request(t.http).get(`/vendors/vendor-1/issuance-rights/${rightId}`).set(vendor1.auth).expect(200);
    expect(right.body).toMatchObject({ used: 1, remaining: 1 });
  });

  it('rule 13: a public customer of the same vendor managed by another reseller can be licensed', async () => {
    const response = await issue(acme.session, { rightId, organizationId: orgs.umbrella }).expect(201);
    umbrellaLicense = response.body.licenseId;
    expect(response.body).toMatchObject({ organizationId: orgs.umbrella, nfr: false });
  });

  it('rule 12: the N+1th license is refused, and only another right or an extension allows more', async () => {
    const refused = await issue(acme.session, { rightId, organizationId: null }).expect(422);
    expect(refused.body.code).toBe('issuance-right-used-up');
    // Someone else's right is not there at all.
    await issue(globex.session, { rightId, organizationId: null }).expect(404);

    await request(t.http)
      .post(`/vendors/vendor-1/issuance-rights/${rightId}/extension`)
      .set(vendor1.auth)
      .send({ maxLicenses: 3 })
      .expect(200);
    const unlinked = await issue(acme.session, { rightId }).expect(201);
    expect(unlinked.body).toMatchObject({ organizationId: null, nfr: false });
    const [issued] = await ctx.store.readStream(`license-${unlinked.body.licenseId}`);
    expect(issued.metadata.onBehalfOf).toBeNull();
    await issue(acme.session, { rightId, organizationId: null }).expect(422);
  });

  it('rule 12: a blocked right issues nothing more and is still there', async () => {
    const granted = await request(t.http)
      .post('/vendors/vendor-1/issuance-rights')
      .set(vendor1.auth)
      .send({ resellerId: acme.resellerId, licenseTemplateId: 'tpl', maxLicenses: 5, expiresAt: '2099-01-01T00:00:00.000Z' })
      .expect(201);
    await request(t.http)
      .post(`/vendors/vendor-1/issuance-rights/${granted.body.rightId}/block`)
      .set(vendor1.auth)
      .send({ reason: 'Agreement ended' })
      .expect(200);
    const refused = await issue(acme.session, { rightId: granted.body.rightId }).expect(422);
    expect(refused.body.code).toBe('issuance-right-blocked');
    const right = await request(t.http).get(`/vendors/vendor-1/issuance-rights/${granted.body.rightId}`).set(vendor1.auth).expect(200);
    expect(right.body).toMatchObject({ blocked: true, used: 0 });
  });

  it('rule 14: a license issued under an NFR grant is flagged NFR', async () => {
    const nfrRight = await request(t.http)
      .post('/vendors/vendor-1/issuance-rights')
      .set(vendor1.auth)
      .send({
        resellerId: acme.resellerId,
        licenseTemplateId: 'gitlens-pro-demo',
        maxLicenses: 1,
        expiresAt: '2099-01-01T00:00:00.000Z',
        nfr: true,
      })
      .expect(201);
    const response = await issue(acme.session, { rightId: nfrRight.body.rightId, organizationId: null }).expect(201);
    expect(response.body).toMatchObject({ nfr: true, organizationId: null });
    const license = await request(t.http).get(`/licenses/${response.body.licenseId}`).set(acme.session.auth).expect(200);
    expect(license.body).toMatchObject({ nfr: true, status: 'issued' });
  });

  it("rule 10: a license is never delivered to any reseller's address, only to the customer", async () => {
    const deliver = (session: TestSession, recipientEmail: string) =>
      request(t.http).post(`/licenses/${initechLicense}/delivery`).set(session.auth).send({ recipientEmail });
    // Another reseller's address: the bug was that only the buyer's own address was refused.
    const other = await deliver(acme.session, 'Partners@Globex.test').expect(422);
    expect(other.body).toMatchObject({ code: 'license-not-to-reseller' });
    expect(other.body.detail).toMatch(/never to a reseller/);
    await deliver(acme.session, 'sales@acme.test').expect(422);
    // Only the issuing reseller may deliver it.
    await deliver(globex.session, 'it@initech.test').expect(404);

    const delivered = await deliver(acme.session, 'it@initech.test').expect(200);
    expect(delivered.body).toMatchObject({ licenseId: initechLicense, revision: '1' });
    const events = await ctx.store.readStream(`license-${initechLicense}`);
    expect(events.map((e) => e.type)).toEqual(['LicenseIssued', 'LicenseDelivered']);
    expect(events[1].metadata.onBehalfOf).toEqual({ kind: 'organization', id: orgs.initech });
  });

  it('rule 10: a reseller registered a moment ago is refused too', async () => {
    await request(t.http)
      .post('/resellers')
      .send({ partnerKind: 'reseller', companyName: 'Fresh', email: 'new@fresh-reseller.test' })
      .expect(201);
    const refused = await request(t.http)
      .post(`/licenses/${initechLicense}/delivery`)
      .set(acme.session.auth)
      .send({ recipientEmail: 'new@fresh-reseller.test' })
      .expect(422);
    expect(refused.body.code).toBe('license-not-to-reseller');
  });

  it('the customer downloads a signed license file and verifies it offline with the public key from the well-known route', async () => {
    const customer = await signInCustomer(t, 'it@initech.test');
    const file = await request(t.http).get(`/licenses/${initechLicense}/file`).set(customer.auth).expect(200);
    expect(file.headers['content-type']).toMatch(/^text\/plain/);
    expect(file.headers['content-disposition']).toContain(`${initechLicense}.lic`);
    const text = file.text;
    expect(text.split('\n')[0]).toBe('-----BEGIN CHANNEL-LEDGER LICENSE-----');

    const key = await request(t.http).get('/.well-known/vendors/vendor-1/license-key').expect(200);
    expect(key.body).toMatchObject({ vendorId: 'vendor-1', algorithm: 'Ed25519', jwk: { kty: 'OKP', crv: 'Ed25519' } });

    // Independently of the ledger's own verifier: node:crypto and the documented procedure.
    const lines = text.trim().split('\n');
    const envelope = JSON.parse(Buffer.from(lines.slice(1, -1).join(''), 'base64').toString('utf8'));
    expect(envelope).toMatchObject({ alg: 'ed25519', enc: 'base64' });
    const signed = Buffer.from(`license/${envelope.data}`, 'utf8');
    const signature = Buffer.from(envelope.sig, 'base64');
    expect(verify(null, signed, createPublicKey(key.body.publicKeyPem), signature)).toBe(true);
    expect(verify(null, signed, createPublicKey({ key: key.body.jwk, format: 'jwk' }), signature)).toBe(true);
    const license = JSON.parse(Buffer.from(envelope.data, 'base64').toString('utf8'));
    expect(license).toEqual({
      licenseId: initechLicense,
      vendorId: 'vendor-1',
      template: 'gitlens-pro-offline',
      organizationId: orgs.initech,
      nfr: false,
      issuedAt: expect.any(String),
    });
    expect(verifyLicenseFile(text, key.body.publicKeyPem)).toEqual({ valid: true, license });

    // Another vendor's key does not verify it; a tampered file does not verify.
    const otherKey = await request(t.http).get('/.well-known/vendors/vendor-2/license-key').expect(200);
    expect(verify(null, signed, createPublicKey(otherKey.body.publicKeyPem), signature)).toBe(false);
    const tampered = Buffer.from(JSON.stringify({ ...license, nfr: true })).toString('base64');
    expect(verify(null, Buffer.from(`license/${tampered}`), createPublicKey(key.body.publicKeyPem), signature)).toBe(false);

    // Produced from the license's events: the same bytes on every download.
    const again = await request(t.http).get(`/licenses/${initechLicense}/file`).set(customer.auth).expect(200);
    expect(again.text).toBe(text);
  });

  it('only the linked customer, the issuing reseller and support may download the file', async () => {
    const support = await signInStaff(t, 'support');
    await request(t.http).get(`/licenses/${initechLicense}/file`).set(acme.session.auth).expect(200);
    await request(t.http).get(`/licenses/${initechLicense}/file`).set(support.auth).expect(200);
    await request(t.http).get(`/licenses/${initechLicense}/file`).set(globex.session.auth).expect(404);
    const stranger = await signInCustomer(t, 'it@hooli.test');
    const refused = await request(t.http).get(`/licenses/${initechLicense}/file`).set(stranger.auth).expect(404);
    expect(refused.body.code).toBe('license-not-found');
    await request(t.http).get(`/licenses/${initechLicense}/file`).set(vendor1.auth).expect(403);
    await request(t.http).get(`/licenses/${initechLicense}/file`).expect(401);
  });

  it('revocation: another vendor cannot, the issuing reseller can, and the file is no longer served', async () => {
    await request(t.http).post(`/licenses/${umbrellaLicense}/revocation`).set(vendor2.auth).send({ reason: 'x' }).expect(404);
    await request(t.http).post(`/licenses/${umbrellaLicense}/revocation`).set(globex.session.auth).send({ reason: 'x' }).expect(404);
    await request(t.http).post(`/licenses/${umbrellaLicense}/revocation`).set(acme.session.auth).send({ reason: 'Refunded' }).expect(200);
    const [, revoked] = await ctx.store.readStream(`license-${umbrellaLicense}`);
    expect(revoked.type).toBe('LicenseRevoked');
    expect(revoked.metadata.onBehalfOf).toEqual({ kind: 'organization', id: orgs.umbrella });
    const gone = await request(t.http).get(`/licenses/${umbrellaLicense}/file`).set(acme.session.auth).expect(422);
    expect(gone.body.code).toBe('license-revoked');
    const license = await request(t.http).get(`/licenses/${umbrellaLicense}`).set(acme.session.auth).expect(200);
    expect(license.body).toMatchObject({ status: 'revoked', file: null });
  });

  it('refuses malformed requests with every wrong field', async () => {
    const bad = await issue(acme.session, { rightId: '', organizationId: 42, extra: true }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['extra', 'organizationId', 'rightId']);
    await request(t.http).post(`/licenses/${initechLicense}/delivery`).set(acme.session.auth).send({ recipientEmail: 'nope' }).expect(400);
    await request(t.http).post(`/vendors/vendor-1/issuance-rights/${rightId}/extension`).set(vendor1.auth).send({}).expect(422);
  });
});
