import { specFor } from '../testing/given';
import { fold, isViolation } from '../shared/decider';
import { catalogDecider, catalogStream, CatalogEvent, PlanPublished, planPrice, PublishPlan } from './index';

const given = specFor(catalogDecider);
const now = '2026-03-01T09:00:00.000Z';
const admin = {
  actor: { kind: 'vendor-admin' as const, id: 'admin-1' },
  context: { actorVendorId: 'gitkraken' },
  vendorId: 'gitkraken',
  now,
};

const publishPro: PublishPlan = {
  ...admin,
  type: 'PublishPlan',
  planId: 'gitlens-pro',
  product: 'GitLens',
  tier: 'pro',
  currency: 'USD',
  prices: { monthly: '10.00', annual: '96.00' },
};
const proPublished: PlanPublished = {
  type: 'PlanPublished',
  data: {
    vendorId: 'gitkraken',
    planId: 'gitlens-pro',
    product: 'GitLens',
    tier: 'pro',
    currency: 'USD',
    prices: { monthly: '10.00', annual: '96.00' },
    publishedAt: now,
  },
};

describe('catalog', () => {
  it('names its stream after the vendor', () => {
    expect(catalogStream('gitkraken')).toBe('catalog-gitkraken');
  });

  describe('PublishPlan', () => {
    it('publishes a plan with its per-seat prices', () => {
      given([]).when(publishPro).then([proPublished]);
    });

    it('is for vendor admins only', () => {
      given([])
        .when({ ...publishPro, actor: { kind: 'reseller', id: 'r-1' } })
        .thenRefuses('not-a-vendor-admin');
    });
    it("is refused to another vendor's admin", () => {
      given([])
        .when({ ...publishPro, context: { actorVendorId: 'mirantis' } })
        .thenRefuses('not-this-vendors-admin');
    });
    it('refuses a second plan with the same id', () => {
      given([proPublished]).when(publishPro).thenRefuses('plan-already-published');
    });
    it('refuses an unknown currency', () => {
      given([])
        .when({ ...publishPro, currency: 'ABC' })
        .thenRefuses('unknown-currency');
    });
    it('refuses prices finer than the currency', () => {
      given([])
        .when({ ...publishPro, currency: 'JPY', prices: { annual: '1200.5' } })
        .thenRefuses('invalid-amount', /more decimals than JPY/);
    });
    it('refuses a plan without prices', () => {
      given([])
        .when({ ...publishPro, prices: {} })
        .thenRefuses('invalid-plan');
    });
    it('refuses an unknown tier', () => {
      given([])
        .when({ ...publishPro, tier: 'gold' as never })
        .thenRefuses('invalid-plan');
    });
  });

  describe('ChangePlanPrice', () => {
    const change = {
      ...admin,
      type: 'ChangePlanPrice' as const,
      planId: 'gitlens-pro',
      billingPeriod: 'annual' as const,
      newPrice: '108.00',
    };
    it('records the old and the new price', () => {
      given([proPublished])
        .when(change)
        .then([
          {
            type: 'PlanPriceChanged',
            data: {
              vendorId: 'gitkraken',
              planId: 'gitlens-pro',
              billingPeriod: 'annual',
              currency: 'USD',
              previousPrice: '96.00',
              newPrice: '108.00',
              changedAt: now,
            },
          },
        ]);
    });
    it('refuses an unknown plan', () => {
      given([]).when(change).thenRefuses('plan-not-found');
    });
    it('refuses a no-op', () => {
      given([proPublished])
        .when({ ...change, newPrice: '96.00' })
        .thenRefuses('price-unchanged');
    });
    it('refuses a retired plan', () => {
      given([proPublished, { type: 'PlanRetired', data: { vendorId: 'gitkraken', planId: 'gitlens-pro', retiredAt: now } }])
        .when(change)
        .thenRefuses('plan-retired');
    });
    it('is for vendor admins only', () => {
      given([proPublished])
        .when({ ...change, actor: { kind: 'customer', id: 'c' } })
        .thenRefuses('not-a-vendor-admin');
    });
  });

  describe('RetirePlan', () => {
    const retire = { ...admin, type: 'RetirePlan' as const, planId: 'gitlens-pro' };
    const retired: CatalogEvent = { type: 'PlanRetired', data: { vendorId: 'gitkraken', planId: 'gitlens-pro', retiredAt: now } };
    it('retires a plan', () => {
      given([proPublished]).when(retire).then([retired]);
    });
    it('refuses twice', () => {
      given([proPublished, retired]).when(retire).thenRefuses('plan-already-retired');
    });
    it('refuses an unknown plan', () => {
      given([]).when(retire).thenRefuses('plan-not-found');
    });
  });

  describe('planPrice lookup', () => {
    it('gives the current per-seat price for a period', () => {
      const state = fold(catalogDecider, [
        proPublished,
        {
          type: 'PlanPriceChanged',
          data: {
            vendorId: 'gitkraken',
            planId: 'gitlens-pro',
            billingPeriod: 'annual',
            currency: 'USD',
            previousPrice: '96.00',
            newPrice: '108.00',
            changedAt: now,
          },
        },
      ]);
      expect(planPrice(state, 'gitlens-pro', 'annual')).toEqual({
        vendorId: 'gitkraken',
        planId: 'gitlens-pro',
        product: 'GitLens',
        tier: 'pro',
        currency: 'USD',
        billingPeriod: 'annual',
        unitPrice: '108.00',
      });
    });
    it('explains why there is no price', () => {
      const published = fold(catalogDecider, [{ ...proPublished, data: { ...proPublished.data, prices: { annual: '96.00' } } }]);
      expect(planPrice(published, 'gitlens-pro', 'monthly')).toMatchObject({ code: 'billing-period-not-offered' });
      expect(planPrice(published, 'nope', 'annual')).toMatchObject({ code: 'plan-not-found' });
      const retired = fold(catalogDecider, [
        proPublished,
        { type: 'PlanRetired', data: { vendorId: 'gitkraken', planId: 'gitlens-pro', retiredAt: now } },
      ]);
      expect(isViolation(planPrice(retired, 'gitlens-pro', 'annual'))).toBe(true);
    });
  });
});
