import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import request from 'supertest';
import { organizationStream, subscriptionStream } from '@channel-ledger/domain';
import { RecordedEvent } from '@channel-ledger/event-store';
import { ProcessManager } from '@channel-ledger/processes';
import { waitForMail } from '../../test/mailbox';
import { startTestApp, TestApp } from '../../test/test-app';
import { customerOrganization, eventsOf, PRO, publishCatalog, resellerWithCard } from '../subscriptions/subscriptions.fixtures';
import { PROCESS_MANAGER } from './processes.tokens';

const DAY = 86_400_000;
const plus = (instant: string, ms: number) => new Date(Date.parse(instant) + ms).toISOString();
const T0 = '2027-06-01T10:00:00.000Z';

/**
 * The API is stopped, the sandbox clock moves a month, the API starts again on the same file: its
 * processes catch up on everything that fell due meanwhile, in due-time order, each recorded with
 * its due time as business time and the restart as recorded time, and the mails follow.
 */
describe('processes after downtime (the API stopped, the clock moved a month, started again)', () => {
  jest.setTimeout(60_000);
  let first: TestApp;
  let second: TestApp | null = null;

  afterAll(async () => {
    await second?.close();
    rmSync(dirname(first.sqlitePath), { recursive: true, force: true });
  });

  it('catches up in due-time order with correct business times', async () => {
    first = await startTestApp();
    first.clock.setTo(new Date(T0));
    await publishCatalog(first);
    const acme = await resellerWithCard(first, 'Acme Resale', 'sales@acme.example');
    const globexId = await customerOrganization(first, acme.resellerId, { name: 'Globex', contact: 'it@globex.example' });
    const bought = await request(first.http)
      .post('/subscriptions')
      .set(acme.session.auth)
      .send({ organizationId: globexId, planId: PRO, billingPeriod: 'monthly', seats: 3, customerContactEmail: 'it@globex.example' })
      .expect(201);
    const subscriptionId: string = bought.body.subscriptionId;
    await request(first.http)
      .put(`/subscriptions/${subscriptionId}/auto-renewal`)
      .set(acme.session.auth)
      .send({ enabled: true })
      .expect(200);
    const [purchased] = await eventsOf(first, subscriptionStream(subscriptionId));
    const termEnd = String(purchased.data.periodEnd);
    const offerExpires = String((await eventsOf(first, organizationStream(globexId))).at(-1)!.data.expiresAt);
    await first.close({ keepFiles: true });

    // Down for a month of ledger time. The new process starts on the wall clock (before T0: nothing due).
    second = await startTestApp({ sqlitePath: first.sqlitePath });
    const processes = second.app.get<ProcessManager>(PROCESS_MANAGER);
    expect(await processes.runDue()).toEqual([]);
    const restartedAt = Date.now();
    second.clock.setTo(new Date(plus(T0, 31 * DAY)));
    await processes.runDue();

    const events: RecordedEvent[] = [
      ...(await eventsOf(second, organizationStream(globexId))),
      ...(await eventsOf(second, subscriptionStream(subscriptionId))),
    ]
      .filter((e) => e.metadata.actor.kind === 'system')
      .sort((a, b) => (a.position < b.position ? -1 : 1));
    expect(events.map((e) => [e.type, e.metadata.occurredAt])).toEqual([
      ['OwnershipTransferReminded', plus(offerExpires, -DAY)],
      ['OwnershipTransferExpired', offerExpires],
      ['RenewalReminded', plus(termEnd, -7 * DAY)],
      ['SubscriptionRenewed', termEnd],
      ['InvoiceIssued', termEnd],
    ]);
    for (const event of events) expect(Date.parse(event.metadata.recordedAt)).toBeGreaterThanOrEqual(restartedAt - 1000);
    expect(termEnd.startsWith('2027-07-01T10:00')).toBe(true);

    await waitForMail(second.mailboxDir, 'it@globex.example', 'lapses in 24 hours');
    await waitForMail(second.mailboxDir, 'sales@acme.example', 'The ownership offer for Globex lapsed');
    await waitForMail(second.mailboxDir, 'sales@acme.example', 'Globex: subscription renews in 7 days');
    await waitForMail(second.mailboxDir, 'sales@acme.example', `Receipt for invoice ${subscriptionId}-2`);
  });
});
