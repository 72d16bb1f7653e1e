import * as ev from '../testing/channel-events';
import { channelStreamOf } from '../testing/channel-events';
import { projectionHarness, ProjectionHarness } from '../testing/projection-harness';
import { RecordedLog } from '../testing/recorded';
import { MAIL_OUTBOX, mailOutboxCounts, mailOutboxProjection, pendingMail } from './index';
import { readModelProjections } from '../read-models';

describe('mail-outbox projection (on a real SQLite read store)', () => {
  let harness: ProjectionHarness;
  let log: RecordedLog;

  beforeEach(async () => {
    harness = await projectionHarness(mailOutboxProjection);
    log = new RecordedLog();
  });
  afterEach(() => harness.close());

  const given = (...events: { type: string; data: object }[]) =>
    harness.apply(...events.map((event) => log.append(channelStreamOf(event), event)));

  it('puts one pending entry per event that asks for mail, keyed by event id, and nothing for the others', async () => {
    await given(
      ev.resellerRegistered(),
      ev.paymentMethodAdded(),
      ev.organizationCreated(),
      ev.transferInitiated(),
      ev.administratorInvited(),
      ev.licenseIssued(),
      ev.licenseDelivered(),
      ev.invoiceIssued(),
    );
    const entries = await harness.all(MAIL_OUTBOX);
    expect(entries.map((e) => e.type).sort()).toEqual(
      ['AdministratorInvited', 'InvoiceIssued', 'LicenseDelivered', 'OwnershipTransferInitiated', 'ResellerRegistered'].sort(),
    );
    const registered = log.events[0];
    expect(await harness.readStore.get(MAIL_OUTBOX, registered.eventId)).toEqual({
      id: registered.eventId,
      eventId: registered.eventId,
      streamId: 'reseller-reseller-1',
      position: '1',
      type: 'ResellerRegistered',
      status: 'pending',
    });
  });

  it('lists pending mail in log order and counts it for operators', async () => {
    await given(ev.resellerRegistered(), ev.licenseDelivered(), ev.invoiceIssued());
    const [first] = await pendingMail(harness.readStore);
    await harness.readStore.commit({ operations: [{ type: 'patch', collection: MAIL_OUTBOX, id: first.id, fields: { status: 'sent' } }] });
    expect((await pendingMail(harness.readStore)).map((e) => e.type)).toEqual(['LicenseDelivered', 'InvoiceIssued']);
    expect(await mailOutboxCounts(harness.readStore)).toEqual({ pending: 2, sent: 1 });
  });

  it('orders by position as a number, not as text (10 after 9)', async () => {
    for (let i = 1; i <= 11; i++) await given(ev.licenseDelivered({ licenseId: `license-${i}` }));
    expect((await pendingMail(harness.readStore)).map((e) => e.position)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
      '11',
    ]);
  });

  it('is not one of the read models (the sender writes to it, so it has no digest to compare)', () => {
    expect(readModelProjections).not.toContain(mailOutboxProjection);
  });
});
