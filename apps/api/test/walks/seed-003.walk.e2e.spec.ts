import { registerVerifiedReseller, signInVendorAdmin } from '../actors';
import { signIn, TestSession } from '../sign-in';
import { startTestApp, TestApp } from '../test-app';
import { api, eventually, expectAccountableLog, requestIn, sandboxClock, withMail } from './walk';

jest.setTimeout(60_000);

/**
 * Seed 003, "Reseller portal for resellers" (Cryptolens): the vendor gives a reseller the right to
 * issue N licenses; the reseller creates customers for that vendor (public or not), issues licenses
 * linked to a customer — its own, or another reseller's public one — or unlinked, until the right
 * is used up, expired or blocked. Not-for-resale licenses say so.
 */
describe('walk of seed 003: the Cryptolens reseller portal', () => {
  let t: TestApp;
  let vendor: TestSession;
  let acme: { resellerId: string; session: TestSession };
  let partners: { resellerId: string; session: TestSession };
  const acmeEmail = 'sales@acme-resale.example';
  const orgs = { initech: '', umbrella: '', hooli: '' };
  let rightId: string;
  const issued: Record<string, string> = {};

  const issue = (body: object) => api(t, acme.session).post('/licenses', body);
  const right = async (id = rightId) => (await api(t, vendor).get(`/vendors/vendor-1/issuance-rights/${id}`).expect(200)).body;

  beforeAll(async () => {
    t = await startTestApp();
    await sandboxClock.setTo(t, '2029-03-02T10:00:00.000Z');
    vendor = await signInVendorAdmin(t, 'vendor-1');
    acme = await registerVerifiedReseller(t, { companyName: 'Acme Resale', email: acmeEmail });
    partners = await registerVerifiedReseller(t, { companyName: 'Globex Partners', email: 'partners@globex-partners.example' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('"A license issuance right gives you the right to issue a specific amount of licenses on behalf of the vendor"', async () => {
    const granted = await api(t, vendor)
      .post('/vendors/vendor-1/issuance-rights', {
        resellerId: acme.resellerId,
        licenseTemplateId: 'cryptolens-pro',
        maxLicenses: 2,
        expiresAt: '2030-03-01T00:00:00.000Z',
      })
      .expect(201);
    rightId = granted.body.rightId;
    const mine = await eventually(
      () => api(t, acme.session).get(`/resellers/${acme.resellerId}/issuance-rights`).expect(200),
      (r) => expect(r.body.items).toHaveLength(1),
    );
    expect(mine.body.items[0]).toMatchObject({
      rightId,
      vendorId: 'vendor-1',
      licenseTemplateId: 'cryptolens-pro',
      maxLicenses: 2,
      used: 0,
      remaining: 2,
      nfr: false,
    });
  });

  it('"Creating a customer": associated with a vendor, with "Enable Customer Association" and "Is Public"', async () => {
    const create = async (session: TestSession, body: object) =>
      (
        await api(t, session)
          .post('/organizations', { vendorId: 'vendor-1', ...body })
          .expect(201)
      ).body.organizationId as string;
    orgs.initech = await create(acme.session, {
      name: 'Initech',
      customerContactEmail: 'bill@initech.example',
      customerAssociationEnabled: true,
    });
    // Another reseller of the same vendor: one public customer, one private.
    orgs.umbrella = await create(partners.session, { name: 'Umbrella', customerContactEmail: 'it@umbrella.example', isPublic: true });
    orgs.hooli = await create(partners.session, { name: 'Hooli', customerContactEmail: 'it@hooli.example' });

    const book = await eventually(
      () => api(t, acme.session).get(`/resellers/${acme.resellerId}/customers`).expect(200),
      (r) => expect(r.body.items).toHaveLength(1),
    );
    expect(book.body.items[0]).toMatchObject({
      organizationId: orgs.initech,
      vendorId: 'vendor-1',
      isPublic: false,
      customerAssociationEnabled: true,
    });
  });

  it('"Is Public": the vendor\'s other resellers see the customer, to issue licenses only; everything else stays read-only to them', async () => {
    const visible = await eventually(
      () => api(t, acme.session).get(`/resellers/${acme.resellerId}/public-customers`).expect(200),
      (r) => expect(r.body.items).toHaveLength(1),
    );
    expect(visible.body.items).toEqual([{ organizationId: orgs.umbrella, vendorId: 'vendor-1', name: 'Umbrella' }]);
    // Not its customer: no detail, no change.
    await api(t, acme.session).get(`/resellers/${acme.resellerId}/customers/${orgs.umbrella}`).expect(404);
    await api(t, acme.session).patch(`/organizations/${orgs.umbrella}/settings`, { isPublic: false }).expect(404);
    await api(t, acme.session)
      .put(`/organizations/${orgs.umbrella}/company-details`, { name: 'Umbrella (Acme)', companyDetails: {} })
      .expect(404);
  });

  it('"Customer-linked": issues to its own customer, and to the public customer of another reseller', async () => {
    const own = await issue({ rightId, organizationId: orgs.initech }).expect(201);
    expect(own.body).toMatchObject({ organizationId: orgs.initech, nfr: false, vendorId: 'vendor-1', licenseTemplateId: 'cryptolens-pro' });
    issued.initech = own.body.licenseId;

    // A private customer of another reseller is not there at all, and costs nothing.
    const hidden = await issue({ rightId, organizationId: orgs.hooli }).expect(404);
    expect(hidden.body.code).toBe('organization-not-found');
    expect(await right()).toMatchObject({ used: 1, remaining: 1 });

    const publicOne = await issue({ rightId, organizationId: orgs.umbrella }).expect(201);
    expect(publicOne.body).toMatchObject({ organizationId: orgs.umbrella });
    issued.umbrella = publicOne.body.licenseId;
  });

  it('the right is used up at N: the next license is refused (rule 12)', async () => {
    expect(await right()).toMatchObject({ maxLicenses: 2, used: 2, remaining: 0 });
    const refused = await issue({ rightId }).expect(422);
    expect(refused.body.code).toBe('issuance-right-used-up');
    const mine = await eventually(
      () => api(t, acme.session).get(`/resellers/${acme.resellerId}/issuance-rights`).expect(200),
      (r) => expect(r.body.items[0].remaining).toBe(0),
    );
    expect(mine.body.items[0]).toMatchObject({ used: 2 });
  });

  it('"Not-linked to a customer": once the vendor extends the right, a bare license key', async () => {
    await api(t, vendor).post(`/vendors/vendor-1/issuance-rights/${rightId}/extension`, { maxLicenses: 3 }).expect(200);
    const bare = await issue({ rightId }).expect(201);
    expect(bare.body).toMatchObject({ organizationId: null, nfr: false });
    issued.unlinked = bare.body.licenseId;

    const licenses = await eventually(
      () => api(t, acme.session).get(`/resellers/${acme.resellerId}/licenses`).expect(200),
      (r) => expect(r.body.items).toHaveLength(3),
    );
    const byId = Object.fromEntries(
      licenses.body.items.map((l: { licenseId: string; organizationId: string | null }) => [l.licenseId, l.organizationId]),
    );
    expect(byId).toEqual({ [issued.initech]: orgs.initech, [issued.umbrella]: orgs.umbrella, [issued.unlinked]: null });
  });

  it('Not-for-resale: a license under an NFR grant is flagged, in the ledger, the mail and the signed file (rule 14)', async () => {
    const nfrRight = await api(t, vendor)
      .post('/vendors/vendor-1/issuance-rights', {
        resellerId: acme.resellerId,
        licenseTemplateId: 'cryptolens-demo',
        maxLicenses: 1,
        expiresAt: '2030-03-01T00:00:00.000Z',
        nfr: true,
      })
      .expect(201);
    const demo = await issue({ rightId: nfrRight.body.rightId, organizationId: orgs.initech }).expect(201);
    expect(demo.body.nfr).toBe(true);
    expect((await api(t, acme.session).get(`/licenses/${demo.body.licenseId}`).expect(200)).body).toMatchObject({ nfr: true });

    const { mail } = await withMail(t, 'bill@initech.example', 'not for resale', () =>
      api(t, acme.session).post(`/licenses/${demo.body.licenseId}/delivery`, { recipientEmail: 'bill@initech.example' }).expect(200),
    );
    expect(mail.text).toMatch(/Not-For-Resale/);
    const file = await api(t, acme.session).get(requestIn(mail, 'GET')).expect(200);
    const lines = file.text.trim().split('\n');
    const envelope = JSON.parse(Buffer.from(lines.slice(1, -1).join(''), 'base64').toString('utf8'));
    expect(JSON.parse(Buffer.from(envelope.data, 'base64').toString('utf8'))).toMatchObject({
      licenseId: demo.body.licenseId,
      nfr: true,
      template: 'cryptolens-demo',
    });
  });

  it('a right ends when it expires or is blocked, and stays on record (rule 12)', async () => {
    const shortRight = await api(t, vendor)
      .post('/vendors/vendor-1/issuance-rights', {
        resellerId: acme.resellerId,
        licenseTemplateId: 'cryptolens-trial',
        maxLicenses: 10,
        expiresAt: '2029-03-10T00:00:00.000Z',
      })
      .expect(201);
    await api(t, vendor).post(`/vendors/vendor-1/issuance-rights/${rightId}/block`, { reason: 'Agreement ended' }).expect(200);
    const blocked = await issue({ rightId }).expect(422);
    expect(blocked.body.code).toBe('issuance-right-blocked');

    await sandboxClock.advance(t, { days: 9 });
    vendor = await signInVendorAdmin(t, 'vendor-1');
    acme.session = await signIn(t, acmeEmail, { role: 'reseller', tenantId: acme.resellerId });
    const expired = await issue({ rightId: shortRight.body.rightId }).expect(422);
    expect(expired.body.code).toBe('issuance-right-expired');

    expect(await right()).toMatchObject({ blocked: true, used: 3 });
    expect(await right(shortRight.body.rightId)).toMatchObject({ used: 0, blocked: false });
    const mine = await eventually(
      () => api(t, acme.session).get(`/resellers/${acme.resellerId}/issuance-rights`).expect(200),
      (r) => expect(r.body.items).toHaveLength(3),
    );
    expect(mine.body.items.find((r: { rightId: string }) => r.rightId === rightId)).toMatchObject({
      blocked: true,
      blockReason: 'Agreement ended',
    });
  });

  it("the log: every fact names who caused it; licenses for a customer are recorded on that customer's behalf", async () => {
    const log = await expectAccountableLog(t);
    // Initech's, Umbrella's and the NFR license: issued (and delivered) on each customer's behalf.
    expect(log.byResellerOnCustomers).toBeGreaterThanOrEqual(5);
    expect(log.covered).toEqual(['license', 'organization']);
  });
});
