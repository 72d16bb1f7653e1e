import request from 'supertest';
import { registerVerifiedReseller, signInCustomer } from '../../test/actors';
import { signIn, TestSession } from '../../test/sign-in';
import { startTestApp, TestApp } from '../../test/test-app';
import { createOrganization, DAY, offerOwnership, organizationEvents, readModelsCaughtUp } from './organizations.test-helpers';

/**
 * Seed 000 (a reseller guide): the reseller buys "for someone else" naming the customer's contact,
 * the customer gets 7 days to accept ownership and the reseller stays owner until then; after a
 * lapse the reseller initiates the transfer again (rules 2, 3).
 */
jest.setTimeout(30_000);

describe('organizations over HTTP: ownership transfer (rules 2, 3)', () => {
  let t: TestApp;
  let reseller: TestSession;
  let resellerId: string;

  beforeAll(async () => {
    t = await startTestApp();
    ({ resellerId, session: reseller } = await registerVerifiedReseller(t, {
      companyName: 'Acme Resale',
      email: 'sales@acme-resale.test',
    }));
  });
  afterAll(() => t.close());

  const offersOf = async (customer: TestSession) => {
    await readModelsCaughtUp(t);
    return (await request(t.http).get('/me/ownership-offers').set(customer.auth).expect(200)).body.items;
  };

  it('creates the organization for a customer contact: 201, Location, the reseller owns it and acts for the organization', async () => {
    const response = await request(t.http)
      .post('/organizations')
      .set(reseller.auth)
      .send({
        vendorId: 'vendor-1',
        name: 'Globex',
        companyDetails: { legalName: 'Globex Corporation', city: 'Springfield', country: 'US' },
        customerContactEmail: 'Hank@Globex.test',
        customerContactName: 'Hank Scorpio',
      })
      .expect(201);
    const { organizationId } = response.body;
    expect(response.body).toEqual({ organizationId, commandId: expect.any(String), revision: '0' });
    expect(response.headers.location).toBe(`/organizations/${organizationId}`);

    const [created] = await organizationEvents(t, organizationId);
    expect(created).toMatchObject({
      type: 'CustomerOrganizationCreated',
      data: {
        customerContact: { name: 'Hank Scorpio', email: 'hank@globex.test' },
        managingReseller: { resellerId, companyName: 'Acme Resale' },
      },
      metadata: { actor: { kind: 'reseller', id: resellerId }, onBehalfOf: { kind: 'organization', id: organizationId } },
    });
    await readModelsCaughtUp(t);
    const customer = await request(t.http).get(`/resellers/${resellerId}/customers/${organizationId}`).set(reseller.auth).expect(200);
    expect(customer.body.owner).toEqual({ kind: 'reseller', resellerId });
  });

  it("refuses the reseller's own address as the customer's contact, and bad input with every wrong field", async () => {
    const own = await request(t.http)
      .post('/organizations')
      .set(reseller.auth)
      .send({ vendorId: 'vendor-1', name: 'Self', customerContactEmail: 'sales@acme-resale.test' })
      .expect(422);
    expect(own.body.code).toBe('customer-contact-is-reseller');
    const bad = await request(t.http)
      .post('/organizations')
      .set(reseller.auth)
      .send({ vendorId: 'vendor-1', name: '', customerContactEmail: 'not-an-address', owner: 'me' })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['customerContactEmail', 'name', 'owner']);
  });

  it('a retry with the same Idempotency-Key lands on the same organization and appends nothing', async () => {
    const body = { vendorId: 'vendor-1', name: 'Initech', customerContactEmail: 'bill@initech.test' };
    const first = await request(t.http)
      .post('/organizations')
      .set(reseller.auth)
      .set('Idempotency-Key', 'initech-1')
      .send(body)
      .expect(201);
    const again = await request(t.http)
      .post('/organizations')
      .set(reseller.auth)
      .set('Idempotency-Key', 'initech-1')
      .send(body)
      .expect(201);
    expect(again.body).toEqual(first.body);
    expect(await organizationEvents(t, first.body.organizationId)).toHaveLength(1);
  });

  it('the customer sees the offer, accepts it signed in with the offered address, and the reseller is no longer owner', async () => {
    const organizationId = await createOrganization(t, reseller, { name: 'Umbrella', customerContactEmail: 'alice@umbrella.test' });
    const offer = await request(t.http)
      .post(`/organizations/${organizationId}/ownership-transfers`)
      .set(reseller.auth)
      .send({ toEmail: 'alice@umbrella.test' })
      .expect(201);
    const { transferId } = offer.body;
    expect(offer.body).toMatchObject({ organizationId, transferId: expect.any(String), revision: '1' });
    expect(offer.headers.location).toBe(`/organizations/${organizationId}/ownership-transfers/${transferId}`);

    const second = await request(t.http)
      .post(`/organizations/${organizationId}/ownership-transfers`)
      .set(reseller.auth)
      .send({ toEmail: 'someone@umbrella.test' })
      .expect(422);
    expect(second.body.code).toBe('transfer-already-open');

    const alice = await signInCustomer(t, 'alice@umbrella.test');
    expect(await offersOf(alice)).toEqual([
      expect.objectContaining({
        transferId,
        organizationId,
        organizationName: 'Umbrella',
        offeredBy: { resellerId, companyName: 'Acme Resale' },
        links: { accept: `/organizations/${organizationId}/ownership-transfers/${transferId}/acceptance` },
      }),
    ]);
    // Until she accepts, the organization is not hers to see.
    await request(t.http).get(`/organizations/${organizationId}`).set(alice.auth).expect(404);

    const mallory = await signInCustomer(t, 'hank@globex.test');
    expect(await offersOf(mallory)).toEqual([]);
    const stolen = await request(t.http)
      .post(`/organizations/${organizationId}/ownership-transfers/${transferId}/acceptance`)
      .set(mallory.auth)
      .expect(422);
    expect(stolen.body.code).toBe('transfer-not-for-this-email');

    const accepted = await request(t.http)
      .post(`/organizations/${organizationId}/ownership-transfers/${transferId}/acceptance`)
      .set(alice.auth)
      .expect(200);
    expect(accepted.body).toMatchObject({ organizationId, revision: '2' });
    const events = await organizationEvents(t, organizationId);
    expect(events.at(-1)).toMatchObject({
      type: 'OwnershipTransferAccepted',
      data: { newOwnerEmail: 'alice@umbrella.test', previousOwnerResellerId: resellerId },
      metadata: { actor: { kind: 'customer', id: 'alice@umbrella.test' }, onBehalfOf: null },
    });
    expect(events[1].metadata.onBehalfOf).toEqual({ kind: 'organization', id: organizationId });

    expect(await offersOf(alice)).toEqual([]);
    const mine = await request(t.http).get(`/organizations/${organizationId}`).set(alice.auth).expect(200);
    expect(mine.body.owner).toEqual({ kind: 'customer', email: 'alice@umbrella.test' });
    const seenByReseller = await request(t.http).get(`/resellers/${resellerId}/customers/${organizationId}`).set(reseller.auth).expect(200);
    expect(seenByReseller.body.owner).toEqual({ kind: 'customer', email: 'alice@umbrella.test' });

    const again = await request(t.http)
      .post(`/organizations/${organizationId}/ownership-transfers`)
      .set(reseller.auth)
      .send({ toEmail: 'alice@umbrella.test' })
      .expect(422);
    expect(again.body.code).toBe('ownership-already-transferred');
  });

  it('the reseller withdraws an open offer; the customer no longer sees it', async () => {
    const organizationId = await createOrganization(t, reseller, { name: 'Soylent', customerContactEmail: 'sol@soylent.test' });
    const transferId = await offerOwnership(t, reseller, organizationId, 'sol@soylent.test');
    const sol = await signInCustomer(t, 'sol@soylent.test');
    expect(await offersOf(sol)).toHaveLength(1);

    await request(t.http)
      .post(`/organizations/${organizationId}/ownership-transfers/${transferId}/cancellation`)
      .set(reseller.auth)
      .expect(200);
    expect(await offersOf(sol)).toEqual([]);
    const late = await request(t.http)
      .post(`/organizations/${organizationId}/ownership-transfers/${transferId}/acceptance`)
      .set(sol.auth)
      .expect(422);
    expect(late.body.code).toBe('no-pending-transfer');
  });

  // Last: it moves the sandbox clock for the whole app.
  it('after 7 days the offer has lapsed (no sweep needed); the reseller initiates it again and the customer accepts', async () => {
    const organizationId = await createOrganization(t, reseller, { name: 'Tyrell', customerContactEmail: 'eldon@tyrell.test' });
    const lapsed = await offerOwnership(t, reseller, organizationId, 'eldon@tyrell.test');

    t.clock.advance(8 * DAY);
    // Sessions follow the sandbox clock too: sign in again after the jump.
    const eldon = await signInCustomer(t, 'eldon@tyrell.test');
    const resellerNow = await signIn(t, 'sales@acme-resale.test', { role: 'reseller', tenantId: resellerId });
    expect(await offersOf(eldon)).toEqual([]);
    const tooLate = await request(t.http)
      .post(`/organizations/${organizationId}/ownership-transfers/${lapsed}/acceptance`)
      .set(eldon.auth)
      .expect(422);
    expect(tooLate.body.code).toBe('transfer-expired');

    const before = t.clock.now().getTime();
    const transferId = await offerOwnership(t, resellerNow, organizationId, 'eldon@tyrell.test');
    const after = t.clock.now().getTime();
    const events = await organizationEvents(t, organizationId);
    expect(events.slice(-2).map((e) => e.type)).toEqual(['OwnershipTransferExpired', 'OwnershipTransferInitiated']);
    // Rule 3's window runs 7 days from the (sandbox) clock's now, not from the first offer.
    const initiatedAt = Date.parse(String(events.at(-1)!.data.initiatedAt));
    expect(initiatedAt).toBeGreaterThanOrEqual(before);
    expect(initiatedAt).toBeLessThanOrEqual(after);
    expect(Date.parse(String(events.at(-1)!.data.expiresAt)) - initiatedAt).toBe(7 * DAY);

    expect((await offersOf(eldon)).map((o: { transferId: string }) => o.transferId)).toEqual([transferId]);
    await request(t.http).post(`/organizations/${organizationId}/ownership-transfers/${transferId}/acceptance`).set(eldon.auth).expect(200);
  });
});
