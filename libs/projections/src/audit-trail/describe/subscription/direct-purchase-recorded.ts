import type { Describer } from '../context';
import { planSeats } from '../format';

/** Rule 11: a new purchase with the vendor, linked to the reseller subscription it replaces. */
export const describeDirectPurchaseRecorded: Describer<'DirectPurchaseRecorded'> = (d) =>
  `${d.organizationName} bought ${planSeats(d.seats, d.plan)} (${d.billingPeriod}) directly from the vendor, ` +
  `replacing reseller subscription ${d.previousResellerSubscriptionId}, invoice owner ${d.invoiceOwner.name}`;
