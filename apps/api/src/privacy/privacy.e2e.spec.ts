import request from 'supertest';
import { ERASED } from '@channel-ledger/domain';
import { EventStore } from '@channel-ledger/event-store';
import { EVENT_STORE } from '../infrastructure/infrastructure.module';
import { registerVerifiedReseller, signInStaff } from '../../test/actors';
import { TestSession } from '../../test/sign-in';
import { startTestApp, TestApp } from '../../test/test-app';
import { createOrganization, organizationEvents, purchaseFor, readModelsCaughtUp } from '../organizations/organizations.test-helpers';

jest.setTimeout(60_000);

/** "Forget this person" over HTTP: support only, with a reason; the person's fields read as erased, the money stays. */
describe('privacy over HTTP: forgetting a person', () => {
  let t: TestApp;
  let reseller: TestSession;
  let resellerId: string;
  let support: TestSession;
  let organizationId: string;
  let subscriptionId: string;
  const person = 'hank@globex.test';
  const search = (email: string) => request(t.http).get('/support/organizations').query({ email }).set(support.auth).expect(200);

  beforeAll(async () => {
    t = await startTestApp();
    ({ resellerId, session: reseller } = await registerVerifiedReseller(t, {
      companyName: 'Acme Resale',
      email: 'sales@acme-resale.test',
    }));
    organizationId = await createOrganization(t, reseller, { name: 'Globex', customerContactEmail: person });
    ({ subscriptionId } = await purchaseFor(t, { resellerId, reseller, organizationId, customerContactEmail: person, planId: 'plan-a' }));
    support = await signInStaff(t, 'support');
    await readModelsCaughtUp(t);
  });
  afterAll(() => t.close());

  it('is for support only, and needs a reason', async () => {
    await request(t.http).post('/privacy/forgotten-people').set(reseller.auth).send({ email: person, reason: 'asked' }).expect(403);
    await request(t.http).post('/privacy/forgotten-people').set(support.auth).send({ email: person }).expect(400);
    expect((await search(person)).body.items).toHaveLength(1);
  });

  it('erases the person everywhere; invoices and their owner stay', async () => {
    const forgotten = await request(t.http)
      .post('/privacy/forgotten-people')
      .set(support.auth)
      .send({ email: person, reason: 'erasure request #4' })
      .expect(200);
    expect(forgotten.body).toMatchObject({
      keyDeleted: true,
      recorded: true,
      rebuilding: expect.arrayContaining(['identity', 'customer-view']),
    });

    const [created] = await organizationEvents(t, organizationId);
    expect(created.data).toMatchObject({ name: 'Globex', customerContact: { email: ERASED } });

    // The read models are rebuilt in the background; until then the old version serves.
    const deadline = Date.now() + 30_000;
    while ((await search(person)).body.items.length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect((await search(person)).body.items).toEqual([]);

    const purchasedAt = (await t.app.get<EventStore>(EVENT_STORE).readStream(`subscription-${subscriptionId}`))[0].metadata.occurredAt;
    const owner = await request(t.http)
      .get(`/audit/subscriptions/${subscriptionId}/invoice-owner/from-log`)
      .query({ at: purchasedAt })
      .set(support.auth)
      .expect(200);
    expect(owner.body.invoiceOwner).toMatchObject({ kind: 'reseller', id: resellerId });
    expect(JSON.stringify(owner.body)).not.toContain(person);

    const again = await request(t.http)
      .post('/privacy/forgotten-people')
      .set(support.auth)
      .send({ email: person, reason: 'erasure request #4' })
      .expect(200);
    expect(again.body).toMatchObject({ keyDeleted: false, subjectId: forgotten.body.subjectId });
  });
});
