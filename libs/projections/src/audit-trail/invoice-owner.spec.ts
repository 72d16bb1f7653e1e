import type { SubscriptionCommand } from '@channel-ledger/domain';
import { projectionHarness, ProjectionHarness } from '../testing/projection-harness';
import {
  auditTrailOfSubscription,
  auditTrailProjection,
  invoiceOwnerAt,
  invoiceOwnerHistory,
  invoiceOwnersOfOrganizationAt,
} from './index';
import {
  acme,
  asReseller,
  ChannelLog,
  organization,
  plan,
  purchaseCommand,
  SubscriptionHistory,
  support,
  tokyoSoft,
  utc,
} from './testing/channel-fixtures';

const globex = organization('org-globex', 'Globex', acme);

const changeOwner = (
  effectiveAt: string,
  now: string,
  newOwner: Extract<SubscriptionCommand, { type: 'ChangeInvoiceOwner' }>['newOwner'],
): SubscriptionCommand => ({
  type: 'ChangeInvoiceOwner',
  subscriptionId: 'sub-1',
  effectiveAt,
  now,
  actor: support,
  reason: 'Customer asked to be invoiced directly',
  newOwner,
});

/**
 * Acme buys on 2026-01-31; on 2026-05-20 support moves invoicing to Globex from 2026-06-01; on
 * 2026-07-01 support back-dates a move to Tokyo Soft from 2026-04-01 (it splits the Acme interval).
 */
function history(): ChannelLog {
  const log = new ChannelLog();
  const sub = new SubscriptionHistory();
  log.record(
    'subscription-sub-1',
    sub.decide(
      purchaseCommand({
        subscriptionId: 'sub-1',
        reseller: acme,
        organization: globex,
        plan: plan('pro', '96.00'),
        seats: 10,
        now: utc('2026-01-31'),
      }),
    ),
    { at: utc('2026-01-31'), actor: asReseller(acme) },
  );
  log.record(
    'subscription-sub-1',
    sub.decide(changeOwner(utc('2026-06-01'), utc('2026-05-20'), { kind: 'organization', billingContactEmail: 'billing@globex.example' })),
    { at: utc('2026-05-20'), actor: support },
  );
  log.record(
    'subscription-sub-1',
    sub.decide({
      ...changeOwner(utc('2026-04-01'), utc('2026-07-01'), { kind: 'reseller', reseller: tokyoSoft }),
      reason: 'Account moved to Tokyo Soft',
    } as SubscriptionCommand),
    { at: utc('2026-07-01'), actor: support },
  );
  return log;
}

describe('invoice owner at a date', () => {
  let harness: ProjectionHarness;
  let log: ChannelLog;
  beforeEach(async () => {
    harness = await projectionHarness(auditTrailProjection);
    log = history();
    await harness.apply(...log.events);
  });
  afterEach(() => harness.close());

  it('is nobody before the purchase', async () => {
    expect(await invoiceOwnerAt(harness.readStore, 'sub-1', '2026-01-30T23:59:59.999Z')).toBeNull();
    expect(await invoiceOwnerAt(harness.readStore, 'sub-unknown', utc('2026-03-01'))).toBeNull();
  });

  it('is the reseller from the purchase instant on', async () => {
    expect(await invoiceOwnerAt(harness.readStore, 'sub-1', utc('2026-01-31'))).toEqual({
      subscriptionId: 'sub-1',
      owner: { kind: 'reseller', id: 'acme', name: 'Acme Resale', email: 'sales@acme.example' },
      channel: 'reseller',
      validFrom: utc('2026-01-31'),
      validTo: utc('2026-04-01'),
      reason: null,
    });
  });

  it('changes exactly at the effective date, on both sides of each boundary', async () => {
    const ownerAt = async (at: string | Date) => (await invoiceOwnerAt(harness.readStore, 'sub-1', at))?.owner.name;
    expect(await ownerAt('2026-03-31T23:59:59.999Z')).toBe('Acme Resale');
    expect(await ownerAt(utc('2026-04-01'))).toBe('Tokyo Soft KK');
    expect(await ownerAt('2026-05-31T23:59:59.999Z')).toBe('Tokyo Soft KK');
    expect(await ownerAt(utc('2026-06-01'))).toBe('Globex');
    // Accepts a Date and a non-canonical spelling of the same instant.
    expect(await ownerAt(new Date('2027-06-01T00:00:00Z'))).toBe('Globex');
    expect(await ownerAt('2026-06-01T00:00:00Z')).toBe('Globex');

    const after = await invoiceOwnerAt(harness.readStore, 'sub-1', new Date(utc('2026-06-02')));
    expect(after).toMatchObject({
      owner: { kind: 'organization', id: 'org-globex', email: 'billing@globex.example' },
      channel: 'direct',
      validFrom: utc('2026-06-01'),
      validTo: null,
      reason: 'Customer asked to be invoiced directly',
    });
  });

  it('keeps the whole history as contiguous intervals and describes each change', async () => {
    const intervals = await invoiceOwnerHistory(harness.readStore, 'sub-1');
    expect(intervals.map((i) => [i.owner.name, i.channel, i.validFrom, i.validTo])).toEqual([
      ['Acme Resale', 'reseller', utc('2026-01-31'), utc('2026-04-01')],
      ['Tokyo Soft KK', 'reseller', utc('2026-04-01'), utc('2026-06-01')],
      ['Globex', 'direct', utc('2026-06-01'), null],
    ]);
    const { items: entries } = await auditTrailOfSubscription(harness.readStore, 'sub-1');
    expect(entries.filter((e) => e.type === 'InvoiceOwnerChanged').map((e) => [e.description, e.channel])).toEqual([
      [
        'Invoice owner changed from Acme Resale (reseller) to Globex (direct) effective 2026-06-01: Customer asked to be invoiced directly',
        'direct',
      ],
      [
        'Invoice owner changed from Acme Resale (reseller) to Tokyo Soft KK (reseller) effective 2026-04-01: Account moved to Tokyo Soft',
        'reseller',
      ],
    ]);
  });

  it('answers for every subscription of an organization', async () => {
    const applied = log.events.length;
    const direct = new SubscriptionHistory();
    // Rule 11: renewing with the vendor is a new (direct) subscription of the same organization.
    log.record(
      'subscription-sub-2',
      direct.decide({
        type: 'RecordDirectPurchase',
        subscriptionId: 'sub-2',
        invoiceId: 'sub-2-inv-1',
        seats: 12,
        billingContactEmail: 'billing@globex.example',
        previousResellerSubscriptionId: 'sub-1',
        now: utc('2027-01-31'),
        actor: { kind: 'customer', id: 'hank' },
        context: {
          organization: globex,
          plan: plan('pro', '96.00'),
          paymentMethod: { id: 'pm-globex', kind: 'card' },
          previousSubscription: { subscriptionId: 'sub-1', organizationId: 'org-globex', channel: 'reseller' },
        },
      }),
      { at: utc('2027-01-31'), actor: { kind: 'customer', id: 'hank' } },
    );
    await harness.apply(...log.events.slice(applied));

    const owners = async (at: string) =>
      (await invoiceOwnersOfOrganizationAt(harness.readStore, 'org-globex', at)).map((o) => [o.subscriptionId, o.owner.name]);
    expect(await owners(utc('2026-01-01'))).toEqual([]);
    expect(await owners(utc('2026-05-01'))).toEqual([['sub-1', 'Tokyo Soft KK']]);
    expect(await owners(utc('2027-02-01'))).toEqual([
      ['sub-1', 'Globex'],
      ['sub-2', 'Globex'],
    ]);
  });
});
