import type { JsonObject } from '@channel-ledger/event-store';
import { customerOrganizationFor, customerViewProjection } from '../customer-view';
import { ProjectionRunner } from '../engine/runner';
import * as ev from '../testing/channel-events';
import { channelStreamOf, RESELLER } from '../testing/channel-events';
import { newEvent, openStores, tempDir } from '../testing/fixtures';
import { projectionHarness } from '../testing/projection-harness';
import { resellerCustomers, resellerIssuanceRight, resellerSubscriptions, resellerViewProjection } from './index';

/**
 * Both channel views run by the real runner over a SQLite event store: many events per batch, so
 * `apply` reads its own uncommitted writes through the runner's overlay, and collections are
 * versioned physical names behind aliases that the read helpers resolve.
 */
describe('reseller-view and customer-view through the ProjectionRunner', () => {
  it('builds the same documents as applying event by event, and the helpers read them through aliases', async () => {
    const temp = tempDir('channel-views-');
    const stores = await openStores(temp.file('ledger.sqlite'));
    const runner = new ProjectionRunner({
      eventStore: stores.eventStore,
      readStore: stores.readStore,
      projections: [resellerViewProjection, customerViewProjection],
    });
    try {
      const events = [
        ev.resellerRegistered(),
        ev.organizationCreated(),
        ev.subscriptionPurchased(),
        ev.invoiceIssued(),
        ev.transferInitiated(),
        ev.transferAccepted(),
        ev.administratorInvited(),
        ev.invitationAccepted(),
        ev.seatsPurchased(),
        ev.planChanged(),
        ev.seatAssigned(),
        ev.subscriptionRenewed(),
        ev.rightGranted(),
        ev.licenseIssued(),
        ev.rightConsumed(),
        ev.licenseDelivered(),
        ev.licenseIssued({ licenseId: 'license-2', organizationId: null }),
        ev.subscriptionCancelled(),
      ];
      for (const event of events) {
        await stores.eventStore.append(
          channelStreamOf(event),
          [newEvent(event.type, JSON.parse(JSON.stringify(event.data)) as JsonObject)],
          'any',
        );
      }
      await runner.start();
      await runner.waitUntilCaughtUp();

      const [customer] = (await resellerCustomers(stores.readStore, RESELLER.resellerId)).items;
      expect(customer).toMatchObject({
        organizationId: 'org-1',
        owner: { kind: 'customer', email: 'alice@acme.test' },
        pendingTransfer: null,
      });
      const [subscription] = (await resellerSubscriptions(stores.readStore, RESELLER.resellerId, { organizationId: 'org-1' })).items;
      expect(subscription).toMatchObject({ seats: 7, unitPrice: '160.00', annualTotal: '1120.00', status: 'cancelled', seatsAssigned: 1 });
      expect(await resellerIssuanceRight(stores.readStore, RESELLER.resellerId, 'right-1')).toMatchObject({ used: 1, remaining: 2 });
      const organization = await customerOrganizationFor(stores.readStore, 'org-1', 'bob@acme.test');
      expect(organization?.subscriptions[0]).toMatchObject({ seats: 7, tier: 'teams', status: 'cancelled' });
      expect(organization?.licenses.map((l) => l.licenseId)).toEqual(['license-1']);

      // Batched (runner) and one-event-per-commit (harness) application agree document for document.
      const stored = (await stores.eventStore.readAll({ limit: 1000 })).events;
      for (const projection of [resellerViewProjection, customerViewProjection]) {
        const harness = await projectionHarness(projection);
        try {
          await harness.apply(...stored);
          for (const { name } of projection.collections) {
            expect(await stores.readStore.digest(name)).toBe(await harness.readStore.digest(name));
          }
        } finally {
          await harness.close();
        }
      }
    } finally {
      await runner.stop();
      await stores.close();
      temp.cleanup();
    }
  });
});
