import { Plan } from './plan';
import { CatalogEvent } from './events';

export type CatalogState =
  { readonly status: 'empty' } | { readonly status: 'open'; readonly vendorId: string; readonly plans: Readonly<Record<string, Plan>> };

export const initialCatalogState: CatalogState = { status: 'empty' };

export function evolveCatalog(state: CatalogState, event: CatalogEvent): CatalogState {
  switch (event.type) {
    case 'PlanPublished': {
      const d = event.data;
      const plans = state.status === 'open' ? state.plans : {};
      const plan: Plan = {
        planId: d.planId,
        vendorId: d.vendorId,
        product: d.product,
        tier: d.tier,
        currency: d.currency,
        prices: d.prices,
        status: 'available',
        publishedAt: d.publishedAt,
        retiredAt: null,
      };
      return { status: 'open', vendorId: d.vendorId, plans: { ...plans, [d.planId]: plan } };
    }
    case 'PlanPriceChanged': {
      if (state.status !== 'open') return state;
      const plan = state.plans[event.data.planId];
      if (!plan) return state;
      const prices = { ...plan.prices, [event.data.billingPeriod]: event.data.newPrice };
      return { ...state, plans: { ...state.plans, [plan.planId]: { ...plan, prices } } };
    }
    case 'PlanRetired': {
      if (state.status !== 'open') return state;
      const plan = state.plans[event.data.planId];
      if (!plan) return state;
      const retired: Plan = { ...plan, status: 'retired', retiredAt: event.data.retiredAt };
      return { ...state, plans: { ...state.plans, [plan.planId]: retired } };
    }
  }
}
