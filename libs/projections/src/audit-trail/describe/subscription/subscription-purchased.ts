import type { Describer } from '../context';
import { planSeats } from '../format';

/** "Acme Resale bought 10 GitLens Pro seats (annual) for Globex, invoice owner Acme Resale" */
export const describeSubscriptionPurchased: Describer<'SubscriptionPurchased'> = (d) =>
  `${d.resellerName} bought ${planSeats(d.seats, d.plan)} (${d.billingPeriod}) for ${d.organizationName}` +
  `${d.channel === 'marketplace' ? ' through the marketplace' : ''}, invoice owner ${d.invoiceOwner.name}`;
